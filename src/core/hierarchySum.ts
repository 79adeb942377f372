// JUESUAN.SUBTOTAL's arithmetic: the sum for a code over a column of codes and amounts, counting only the
// deepest rows (a 款 row and its 项 rows in the same list are not counted twice).
import { codeLevel, readCodeCell } from "./codes";
import { type CellValue, Decimal, readAmount } from "./money";

export type HierarchySum = { ok: true; value: Decimal; rows: number } | { ok: false; message: string };

export function hierarchySum(codes: readonly CellValue[], amounts: readonly CellValue[], code: CellValue): HierarchySum {
  const wanted = readCodeCell(code);
  if (!wanted || !codeLevel(wanted.code)) return { ok: false, message: `“${String(code ?? "")}”不是3、5或7位的科目编码` };
  if (codes.length !== amounts.length) return { ok: false, message: `编码区域有 ${codes.length} 个单元格，金额区域有 ${amounts.length} 个，应一样多` };
  const rows: { code: string; value: Decimal; index: number }[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = readCodeCell(codes[i]);
    if (!c) continue;
    const a = readAmount(amounts[i]);
    if (a.kind === "invalid") return { ok: false, message: `第 ${i + 1} 行（${c.code}）的金额无法读取：${a.reason}` };
    rows.push({ code: c.code, value: a.kind === "amount" ? a.value : new Decimal(0), index: i });
  }
  const under = rows.filter((r) => r.code.startsWith(wanted.code));
  if (!under.length) return { ok: false, message: `列表中没有科目 ${wanted.code} 及其下级` };
  const leaves = under.filter((r) => !under.some((o) => o !== r && o.code.length > r.code.length && o.code.startsWith(r.code)));
  return { ok: true, value: leaves.reduce((s, r) => s.plus(r.value), new Decimal(0)), rows: leaves.length };
}
