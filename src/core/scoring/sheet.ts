// The 项目支出绩效自评表 on a sheet: the standard layout (written by 生成自评表 and the sample builder), and
// reading an indicator list or a filled 自评表 back from a grid, wherever it sits.
import { type Grid, a1, cellAt, gridAddress, gridWidth } from "../grid";
import type { CellValue } from "../money";
import { normalizeLabel } from "../text";
import { METHOD_NAMES } from "./score";
import { type IndicatorListRow, type SelfEvalRow, type SelfEvalTable, isBudgetRow, scoreRow } from "./selfEval";

export const HEADER = ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "评分标准", "偏差原因分析及改进措施"];
const SUMMARY_ITEMS: [string, string][] = [
  ["预算管理", "预算执行数"],
  ["产出指标", "产出指标"],
  ["效益指标", "效益指标"],
  ["满意度指标", "满意度指标"],
];

export type { IndicatorListRow };

export interface SheetCell {
  address: string;
  value?: CellValue;
  formula?: string;
}

export interface SheetLayout {
  cells: SheetCell[];
  merges: string[];
  /** Rows (1-based) to set in bold, and cells to highlight with the reason why. */
  boldRows: number[];
  attention: { address: string; note: string }[];
  /** Where the 得分 column and the 总分 are. */
  scoreCells: string[];
  totalCell: string;
  /** First row (1-based) of the 等级 and 摘要 block under the 总分. */
  afterTotalRow: number;
  lastColumn: string;
  rowCount: number;
}

const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The standard layout. With `scores` the 得分 cells hold those values (a filled table); without, live
 * JUESUAN.SCORE formulas — except on rows no rule can score, left empty for a person and said why.
 */
export function selfEvalLayout(project: string, rows: readonly IndicatorListRow[], scores?: readonly CellValue[]): SheetLayout {
  const cells: SheetCell[] = [];
  const merges: string[] = ["A1:I1", "B2:I2"];
  const attention: SheetLayout["attention"] = [];
  const put = (address: string, value: CellValue | undefined, formula?: string) => cells.push(formula ? { address, formula } : { address, value: value ?? null });
  put("A1", "项目支出绩效自评表");
  put("A2", "项目名称");
  put("B2", project);
  HEADER.forEach((h, i) => put(a1(2, i), h));
  const first = 4;
  const last = first + rows.length - 1;
  const scoreCells: string[] = [];
  rows.forEach((r, i) => {
    const n = first + i;
    [r.level1, r.level2, r.level3, r.target, r.actual, r.weight].forEach((v, c) => put(a1(n - 1, c), v));
    put(`H${n}`, r.rule);
    put(`I${n}`, r.reason ?? null);
    scoreCells.push(`G${n}`);
    if (scores) return put(`G${n}`, scores[i]);
    if (isBudgetRow(r)) return put(`G${n}`, null, `=JUESUAN.SCORE.BUDGET(D${n},E${n},F${n})`);
    const judged = scoreRow({ ...r, score: null });
    if (judged.score === null) {
      attention.push({ address: `G${n}`, note: `需人工评分：${judged.basis}` });
      return put(`G${n}`, null);
    }
    put(`G${n}`, null, `=JUESUAN.SCORE.INDICATOR(D${n},E${n},F${n},${r.method ? esc(Object.entries(METHOD_NAMES).find(([, m]) => m === r.method)?.[0] ?? "自动") : `H${n}`})`);
  });
  const total = last + 1;
  put(`A${total}`, "总分");
  merges.push(`A${total}:E${total}`);
  put(`F${total}`, null, `=SUM(F${first}:F${last})`);
  put(`G${total}`, null, `=SUM(G${first}:G${last})`);
  put(`A${total + 1}`, "等级");
  merges.push(`A${total + 1}:E${total + 1}`);
  put(`G${total + 1}`, null, `=JUESUAN.SCORE.GRADE(G${total})`);

  // 摘要: 设定分值, 得分, 得分率 by 一级指标.
  const s = total + 3;
  ["摘要", "设定分值", "得分", "得分率"].forEach((h, i) => put(a1(s - 1, i), h));
  const present = SUMMARY_ITEMS.filter(([, key]) => rows.some((r) => (key === "预算执行数" ? isBudgetRow(r) : r.level1.includes(key))));
  present.forEach(([item, key], i) => {
    const n = s + 1 + i;
    const crit = key === "预算执行数" ? esc(rows.find(isBudgetRow)?.level1 ?? key) : esc(key);
    put(`A${n}`, item);
    put(`B${n}`, null, `=SUMIF(A${first}:A${last},${crit},F${first}:F${last})`);
    put(`C${n}`, null, `=SUMIF(A${first}:A${last},${crit},G${first}:G${last})`);
    put(`D${n}`, null, `=C${n}/B${n}`);
  });
  const sumRow = s + 1 + present.length;
  put(`A${sumRow}`, "合计");
  put(`B${sumRow}`, null, `=SUM(B${s + 1}:B${sumRow - 1})`);
  put(`C${sumRow}`, null, `=SUM(C${s + 1}:C${sumRow - 1})`);
  put(`D${sumRow}`, null, `=C${sumRow}/B${sumRow}`);
  return { cells, merges, boldRows: [1, 3, total, s, sumRow], attention, scoreCells, totalCell: `G${total}`, afterTotalRow: total + 1, lastColumn: "I", rowCount: sumRow };
}

// ---- reading -------------------------------------------------------------------------------------------

const COLUMNS: [keyof IndicatorListRow | "score", RegExp][] = [
  ["level1", /^一级指标/],
  ["level2", /^二级指标/],
  ["level3", /^三级指标|^指标名称/],
  ["target", /年初目标值|^目标值|预期目标/],
  ["actual", /实际完成值|^完成值|实际值/],
  ["weight", /^分值|^设置分值|^权重/],
  ["score", /^得分|^评价得分|^自评得分/],
  ["rule", /评分标准|评分规则/],
  ["method", /^计分方法|^方法/],
  ["reason", /偏差原因/],
];

interface Located {
  headerRow: number;
  cols: Partial<Record<keyof IndicatorListRow | "score", number>>;
}

function locate(grid: Grid): Located | null {
  for (let r = 0; r < Math.min(grid.values.length, 30); r++) {
    const cols: Located["cols"] = {};
    for (let c = 0; c < gridWidth(grid); c++) {
      const t = normalizeLabel(cellAt(grid, r, c));
      const hit = COLUMNS.find(([key, re]) => cols[key] === undefined && re.test(t));
      if (hit) cols[hit[0]] = c;
    }
    if (cols.level1 !== undefined && cols.level3 !== undefined && cols.weight !== undefined && cols.target !== undefined) return { headerRow: r, cols };
  }
  return null;
}

function projectName(grid: Grid): string {
  for (let r = 0; r < Math.min(grid.values.length, 10); r++) {
    for (let c = 0; c < gridWidth(grid); c++) {
      const t = normalizeLabel(cellAt(grid, r, c));
      if (/^项目名称[:：]?$/.test(t)) {
        for (let k = c + 1; k < gridWidth(grid); k++) if (normalizeLabel(cellAt(grid, r, k))) return String(cellAt(grid, r, k)).trim();
      }
      const inline = /^项目名称[:：](.+)$/.exec(t);
      if (inline) return inline[1];
    }
  }
  return grid.sheet;
}

/** Rows of an indicator list or a filled 自评表, 一级/二级 carried down where the sheet merges them. */
export function readIndicatorRows(grid: Grid): { project: string; rows: (IndicatorListRow & { score?: CellValue; sheetRow: number })[]; hasScores: boolean; hasReason: boolean; total?: { value: CellValue; address: string } } | null {
  const at = locate(grid);
  if (!at) return null;
  const { cols } = at;
  const get = (r: number, key: keyof Located["cols"]) => (cols[key] === undefined ? null : cellAt(grid, r, cols[key] as number));
  const rows: (IndicatorListRow & { score?: CellValue; sheetRow: number })[] = [];
  let total: { value: CellValue; address: string } | undefined;
  let [l1, l2] = ["", ""];
  for (let r = at.headerRow + 1; r < grid.values.length; r++) {
    const first = normalizeLabel(get(r, "level1"));
    if (/^总分|^合计/.test(first)) {
      if (cols.score !== undefined) total = { value: get(r, "score"), address: gridAddress(grid, r, cols.score) };
      break;
    }
    const level3 = String(get(r, "level3") ?? "").trim();
    const level2raw = String(get(r, "level2") ?? "").trim();
    if (first) [l1, l2] = [String(get(r, "level1")).trim(), ""];
    if (level2raw) l2 = level2raw;
    const weight = get(r, "weight");
    if (!first && !level3 && !level2raw && (weight === null || weight === "")) continue;
    const methodText = normalizeLabel(get(r, "method"));
    rows.push({
      level1: l1,
      level2: l2,
      level3,
      target: get(r, "target"),
      actual: get(r, "actual"),
      weight,
      rule: get(r, "rule"),
      ...(methodText && METHOD_NAMES[methodText] ? { method: METHOD_NAMES[methodText] } : {}),
      ...(cols.score !== undefined ? { score: get(r, "score") } : {}),
      ...(cols.reason !== undefined ? { reason: get(r, "reason") } : {}),
      sheetRow: r,
    });
  }
  return { project: projectName(grid), rows, hasScores: cols.score !== undefined, hasReason: cols.reason !== undefined, total };
}

/** A filled 自评表 on a grid, with the cells of each row for marking; null when the sheet holds none. */
export function readSelfEvalTable(grid: Grid): SelfEvalTable | null {
  const read = readIndicatorRows(grid);
  if (!read || !read.hasScores || !read.rows.length) return null;
  const at = locate(grid) as Located;
  const addr = (r: number, key: keyof Located["cols"]) => (at.cols[key] === undefined ? undefined : gridAddress(grid, r, at.cols[key] as number));
  const rows: SelfEvalRow[] = read.rows.map((r) => ({
    ...r,
    score: r.score ?? null,
    cells: { score: addr(r.sheetRow, "score"), weight: addr(r.sheetRow, "weight"), reason: addr(r.sheetRow, "reason"), row: addr(r.sheetRow, "level3") ?? addr(r.sheetRow, "level1") },
  }));
  return { project: read.project, sheet: grid.sheet, rows, printedTotal: read.total?.value, totalCell: read.total?.address };
}
