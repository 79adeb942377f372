// 表2 收入决算表, 表3 支出决算表, 表5 一般公共预算财政拨款支出决算表, 表8, 表9: rows by 功能分类 code
// (one cell `2010301`, code and name in one cell, or split 类|款|项 columns), amount columns by header label.
import { codeLevel, readCodeCell, readCodePart } from "../codes";
import { columnLetter } from "../grid";
import type { Amount, CodeRow, CodeTable } from "../model";
import { stripNumbering } from "../text";
import { findColumnNumberRow, headerTop } from "./layout";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { Diagnostics, SheetView } from "./sheetView";

export type ColumnSpec = [key: string, pattern: RegExp];

const FUND_COLUMNS: ColumnSpec[] = [
  ["carryBegin", /年初结转/],
  ["carryEnd", /年末结转/],
  ["income", /本年收入/],
  ["basic", /基本支出/],
  ["project", /项目支出/],
  ["total", /小计|合计/],
];

/** Column keys per table, most specific first; `total` is the row total in every table. */
export const COLUMN_SPECS: Record<"表2" | "表3" | "表5" | "表8" | "表9", ColumnSpec[]> = {
  表2: [
    ["superior", /上级补助/],
    ["business", /事业收入/],
    ["operating", /经营收入/],
    ["subordinate", /附属单位/],
    ["other", /其他收入/],
    ["fiscal", /财政拨款/],
    ["total", /合计/],
  ],
  表3: [
    ["basic", /基本支出/],
    ["project", /项目支出/],
    ["toSuperior", /上缴上级/],
    ["operating", /经营支出/],
    ["toSubordinate", /对附属单位/],
    ["total", /合计/],
  ],
  表5: [
    ["basic", /基本支出/],
    ["project", /项目支出/],
    ["total", /合计|小计/],
  ],
  表8: FUND_COLUMNS,
  表9: FUND_COLUMNS,
};

const TOTAL_LABEL = /^(合计|总计)$/;

export function readCodeTable(
  view: SheetView,
  id: keyof typeof COLUMN_SPECS,
  titleRow: number,
  diag: Diagnostics,
): Omit<CodeTable, "title" | "titleAddress"> | string {
  const specs = COLUMN_SPECS[id];
  // The header starts at the first row naming an amount column.
  let keywordRow = -1;
  let keywordCol = -1;
  for (let r = titleRow + 1; r < Math.min(view.height, titleRow + 12) && keywordRow < 0; r++) {
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (t && specs.some(([key, re]) => key !== "total" && re.test(t))) {
        [keywordRow, keywordCol] = [r, c];
        break;
      }
    }
  }
  if (keywordRow < 0) return `未找到金额栏表头（如“${specs[0][1].source.split("|")[0]}”）`;
  const top = headerTop(view, titleRow, keywordRow);
  let bottom = findColumnNumberRow(view, keywordRow, 5);
  if (bottom < 0) bottom = lastHeaderRow(view, keywordRow, keywordCol);

  const columns: CodeTable["columns"] = [];
  const amountCols: { col: number; key: string }[] = [];
  for (let c = 0; c < view.width; c++) {
    const label = view.columnLabel(c, top, bottom);
    const key = specs.find(([, re]) => re.test(label))?.[0];
    if (!key) continue;
    if (amountCols.some((a) => a.key === key)) {
      diag.add("COL", "warning", `栏目“${label}”与前面的栏目重复，未参与校验`, [view.address(bottom, c)]);
      continue;
    }
    amountCols.push({ col: c, key });
    columns.push({ key, label, address: view.address(top, c) });
  }
  if (!amountCols.some((a) => a.key === "total")) return "未找到合计栏";
  const firstAmount = Math.min(...amountCols.map((a) => a.col));
  const end = notesStart(view, bottom + 1);
  const codes = locateCodeColumns(view, top, bottom, end, firstAmount);

  const rows: CodeRow[] = [];
  const amounts: Amount[] = [];
  const seen = new Set<string>();
  let lastClass = "";
  let lastKuan = "";
  for (let r = bottom + 1; r < end; r++) {
    let code: string | null = null;
    let name = codes.nameCol >= 0 ? view.text(r, codes.nameCol) : "";
    if (codes.split) {
      const [lei, kuan, xiang] = codes.split.map((c, i) => readCodePart(view.raw(r, c), i === 0 ? 3 : 2));
      // A row may leave out the parts it shares with the row above.
      if (lei) [lastClass, lastKuan] = [lei, ""];
      if (kuan) lastKuan = kuan;
      if (lei || kuan || xiang) code = lastClass + (kuan || xiang ? lastKuan : "") + (xiang ?? "");
    } else if (codes.codeCol >= 0) {
      const read = readCodeCell(view.raw(r, codes.codeCol));
      if (read) {
        code = read.code;
        if (codes.codeCol === codes.nameCol) name = read.rest;
      }
    }
    const cells: Record<string, Amount> = {};
    for (const { col, key } of amountCols) cells[key] = view.amount(r, col);
    const filled = Object.values(cells).some((a) => a.read.kind !== "blank");
    const isTotal = !code && Array.from({ length: firstAmount }, (_, c) => stripNumbering(view.text(r, c))).some((t) => TOTAL_LABEL.test(t));
    const level = code ? codeLevel(code) : isTotal ? "合计" : null;
    if (!level) {
      if (filled) diag.add("ROW", "warning", `第${r + view.grid.origin.row + 1}行有金额但没有可识别的科目编码，未参与校验`, [view.address(r, Math.max(codes.codeCol, 0))]);
      continue;
    }
    const key = code ?? "合计";
    if (seen.has(key)) {
      diag.add("ROW", "warning", `科目${code ?? "合计"}重复出现，只按第一次出现校验`, [view.address(r, Math.max(codes.codeCol, 0))]);
      continue;
    }
    seen.add(key);
    const what = code ? `${code} ${name}` : "合计行";
    for (const a of Object.values(cells)) {
      diag.amount(a, what);
      amounts.push(a);
    }
    rows.push({ code, level, name: isTotal ? "合计" : name, row: r, cells });
  }
  return {
    kind: "code",
    id,
    sheet: view.sheet,
    notes: readNotes(view, end),
    emptyStatement: hasEmptyStatement(view),
    amounts,
    columns,
    rows,
    layout: {
      codeColumns: (codes.split ?? (codes.codeCol >= 0 ? [codes.codeCol] : [])).map((c) => columnLetter(view.grid.origin.col + c)),
      nameColumn: codes.nameCol >= 0 && codes.nameCol !== codes.codeCol ? columnLetter(view.grid.origin.col + codes.nameCol) : null,
    },
    sheetRows: new Map(rows.map((r) => [r, view.grid.origin.row + r.row])),
  };
}

/** Without a 栏次 row, the header ends above the first code or 合计 left of the amount columns. */
function lastHeaderRow(view: SheetView, keywordRow: number, firstAmountCol: number): number {
  for (let r = keywordRow + 1; r < Math.min(view.height, keywordRow + 5); r++) {
    for (let c = 0; c < firstAmountCol; c++) {
      const t = view.text(r, c);
      if (readCodeCell(t) || TOTAL_LABEL.test(t)) return r - 1;
    }
  }
  return keywordRow;
}

interface CodeColumns {
  /** 类, 款, 项 columns when the code is split. */
  split: [number, number, number] | null;
  codeCol: number;
  nameCol: number;
}

function locateCodeColumns(view: SheetView, top: number, bottom: number, end: number, firstAmount: number): CodeColumns {
  const leaves = Array.from({ length: firstAmount }, (_, c) => view.leafLabel(c, top, bottom));
  const labels = Array.from({ length: firstAmount }, (_, c) => view.columnLabel(c, top, bottom));
  const lei = leaves.indexOf("类");
  const kuan = leaves.indexOf("款");
  const xiang = leaves.indexOf("项");
  let nameCol = labels.findIndex((l) => /名称/.test(l));
  if (lei >= 0 && kuan > lei && xiang > kuan) {
    if (nameCol < 0) nameCol = xiang + 1 < firstAmount ? xiang + 1 : -1;
    return { split: [lei, kuan, xiang], codeCol: lei, nameCol };
  }
  // Otherwise the code column is the one holding the most codes below the header.
  let codeCol = -1;
  let best = 0;
  for (let c = 0; c < firstAmount; c++) {
    let n = 0;
    for (let r = bottom + 1; r < end; r++) if (readCodeCell(view.raw(r, c))) n++;
    if (n > best) {
      best = n;
      codeCol = c;
    }
  }
  if (nameCol < 0) nameCol = codeCol >= 0 && codeCol + 1 < firstAmount ? codeCol + 1 : codeCol;
  return { split: null, codeCol, nameCol };
}
