// The set as a whole (docs/rules.md): every table of one disclosure carries the same year in its title, the same
// unit and the same department. A table in 元 among tables in 万元 is off by a factor of 10,000.
import type { Table, Workbook } from "../model";
import type { Checker } from "./checker";

/** The value most tables agree on (ties: the first table's). */
function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

export function checkSet(wb: Workbook, ck: Checker): void {
  const tables = Object.values(wb.tables).filter((t): t is Table => t !== undefined);
  const year = majority(tables.flatMap((t) => (t.preamble.year ? [t.preamble.year] : [])));
  for (const t of tables) {
    if (year && t.preamble.year && t.preamble.year !== year) {
      ck.flag({ rule: "SET-年度", table: t.id, what: "" }, "error", { sheet: t.sheet, cells: t.titleAddress ? [t.titleAddress] : [] }, `${t.id} 标题中的年度为 ${t.preamble.year} 年，其余各表为 ${year} 年`, {
        expected: year,
        found: t.preamble.year,
      });
    }
  }
  const unit = majority(tables.flatMap((t) => (t.preamble.unit ? [t.preamble.unit.unit] : [])));
  for (const t of tables) {
    const u = t.preamble.unit;
    if (!unit || !u || u.unit === unit) continue;
    ck.flag(
      { rule: "SET-单位", table: t.id, what: "" },
      "error",
      { sheet: t.sheet, cells: [u.address] },
      `${t.id} 的金额单位为“${u.unit}”，其余各表为“${unit}”：相差 10000 倍，${t.id} 的金额${u.unit === "元" ? "应除以" : "应乘以"} 10000 才能与其余各表相比`,
      { expected: unit, found: u.unit },
    );
  }
  const department = majority(tables.flatMap((t) => (t.preamble.department ? [t.preamble.department.name] : [])));
  for (const t of tables) {
    const d = t.preamble.department;
    if (!department || !d || d.name === department) continue;
    ck.flag({ rule: "SET-部门", table: t.id, what: "" }, "warning", { sheet: t.sheet, cells: [d.address] }, `${t.id} 的单位名称为“${d.name}”，其余各表为“${department}”`, {
      expected: department,
      found: d.name,
    });
  }
}
