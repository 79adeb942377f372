// The 项目支出绩效自评表 laid out on a sheet: 附件1 by default, the seed's as an option; written by 生成自评表 and
// the sample builder. (Reading an indicator list back is indicatorList.ts, re-exported here.)
import { a1 } from "../grid";
import type { CellValue } from "../money";
import { METHOD_NAMES } from "./score";
import { isBudgetRow, scoreRow } from "./rowScore";
import type { IndicatorListRow } from "./types";

export type { IndicatorListRow };
export { readIndicatorRows } from "./indicatorList";

/** 附件1: the national template of 财预〔2020〕10号 (the default); seed: the 湖北/武汉 layout of the seed's tables. */
export type LayoutKind = "national" | "seed";

export interface LayoutOptions {
  layout?: LayoutKind;
  /** A filled table: these scores instead of live formulas (same order as the rows). */
  scores?: readonly CellValue[];
  /** The 总分 row's printed 得分 and 分值, for a filled table. */
  printedTotal?: CellValue;
  printedWeightTotal?: CellValue;
}

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
  /** Number formats by cell (执行率 as a percent). */
  formats: { address: string; format: string }[];
  /** Where the 得分 column and the 总分 are. */
  scoreCells: string[];
  totalCell: string;
  /** First row (1-based) of the 等级 and 摘要 block under the 总分. */
  afterTotalRow: number;
  lastColumn: string;
  /** Number of columns (A = 1). */
  width: number;
  rowCount: number;
}

const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;

interface Columns {
  width: number;
  last: string;
  /** Indicator columns, by letter. */
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  rule: string | null;
  reason: string;
}

const NATIONAL: Columns = { width: 10, last: "J", level1: "B", level2: "C", level3: "D", target: "E", actual: "F", weight: "G", score: "H", rule: null, reason: "I" };
const SEED: Columns = { width: 8, last: "H", level1: "A", level2: "B", level3: "C", target: "D", actual: "E", weight: "F", score: "H", rule: "G", reason: "" };

/** Runs of equal values in a column (merged as in the real tables), as [first, last] row pairs. */
function runs(values: readonly string[], first: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[start]) {
      if (i - 1 > start && values[start]) out.push([first + start, first + i - 1]);
      start = i;
    }
  }
  return out;
}

/**
 * A 项目支出绩效自评表: the 附件1 layout by default (项目资金 block, 年度指标值, 总分, 自评等级), the seed's with
 * `layout: "seed"` (预算执行数 block with 预算数（A）/ 执行数（B）/ 设置分值 / 评分标准, 年初目标值（A）). Without
 * `scores` the 得分 cells are live JUESUAN.SCORE formulas — except on rows no rule can score, left empty for a
 * person and said why — followed by 等级 and a 摘要; with `scores` it is a filled table as submitted.
 */
export function selfEvalLayout(project: string, rows: readonly IndicatorListRow[], scoresOrOptions?: readonly CellValue[] | LayoutOptions): SheetLayout {
  const options: LayoutOptions = Array.isArray(scoresOrOptions) ? { scores: scoresOrOptions as readonly CellValue[] } : ((scoresOrOptions as LayoutOptions | undefined) ?? {});
  const seed = options.layout === "seed";
  const k = seed ? SEED : NATIONAL;
  const scores = options.scores;
  const cells: SheetCell[] = [];
  const merges: string[] = [];
  const attention: SheetLayout["attention"] = [];
  const formats: SheetLayout["formats"] = [];
  const put = (address: string, value: CellValue | undefined, formula?: string) => cells.push(formula ? { address, formula } : { address, value: value ?? null });
  const scoreOf = (i: number) => scores?.[i] ?? null;
  const indexed = rows.map((row, i) => ({ row, i }));
  const budget = indexed.find(({ row }) => isBudgetRow(row));
  const indicators = indexed.filter(({ row }) => !isBudgetRow(row));
  const budgetWeight = budget?.row.weight ?? null;

  put("A1", seed ? `${project}项目自评表` : "项目支出绩效自评表");
  merges.push(`A1:${k.last}1`);
  put("A2", "项目名称");
  put("B2", project);
  merges.push(`B2:${k.last}2`);

  // The budget block: a header row and its 年度资金总额 line (附件1 adds the three 其中 lines of the template).
  const b = 4;
  const [budgetCol, executedCol, rateCol, bWeightCol, bScoreCol] = seed ? ["C", "D", "E", "F", "H"] : ["E", "F", "H", "G", "I"];
  if (seed) {
    put("A3", `预算执行数（${budgetWeight ?? ""}分）`);
    ["预算数（A）", "执行数（B）", "执行率（B/A）", "设置分值", "评分标准", `得分（${budgetWeight ?? ""}分*执行率）`].forEach((h, i) => put(`${"CDEFGH"[i]}3`, h));
    put("B4", budget?.row.level2 || "年度财政资金总额");
    merges.push("A3:A4");
    if (budget) put("G4", budget.row.rule);
  } else {
    put("A3", "项目资金（万元）");
    ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(`${"DEFGHI"[i]}3`, h));
    put("B4", "年度资金总额");
    put("D4", budget?.row.target ?? null);
    ["其中：当年财政拨款", "上年结转资金", "其他资金"].forEach((h, i) => put(`B${5 + i}`, h));
    merges.push("A3:A7", "B3:C3", ...[4, 5, 6, 7].map((r) => `B${r}:C${r}`));
  }
  put(`${budgetCol}${b}`, budget?.row.target ?? null);
  put(`${executedCol}${b}`, budget?.row.actual ?? null);
  put(`${bWeightCol}${b}`, budgetWeight);
  formats.push({ address: `${rateCol}${b}`, format: "0.00%" });
  if (scores) {
    put(`${bScoreCol}${b}`, budget ? scoreOf(budget.i) : null);
    const [x, y] = [Number(budget?.row.target), Number(budget?.row.actual)];
    put(`${rateCol}${b}`, x > 0 && Number.isFinite(y) ? Math.min(1, y / x) : null);
  } else if (budget) {
    put(`${rateCol}${b}`, null, `=MIN(1,${executedCol}${b}/${budgetCol}${b})`);
    put(`${bScoreCol}${b}`, null, `=JUESUAN.SCORE.BUDGET(${budgetCol}${b},${executedCol}${b},${bWeightCol}${b})`);
  } else {
    attention.push({ address: `${bScoreCol}${b}`, note: "指标清单中没有预算执行数（预算数、执行数），请填写后计分" });
  }
  const scoreCells = [`${bScoreCol}${b}`];

  // The indicators.
  const h = seed ? 5 : 8;
  const header = seed
    ? ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "设置分值", "评分标准", "得分"]
    : ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  header.forEach((text, i) => put(`${String.fromCharCode(65 + i + (seed ? 0 : 1))}${h}`, text));
  if (!seed) {
    put(`A${h}`, "绩效指标");
    merges.push(`I${h}:J${h}`);
  }
  const first = h + 1;
  const last = first + indicators.length - 1;
  indicators.forEach(({ row: r, i }, j) => {
    const n = first + j;
    put(`${k.level1}${n}`, r.level1);
    put(`${k.level2}${n}`, r.level2);
    put(`${k.level3}${n}`, r.level3);
    put(`${k.target}${n}`, r.target);
    put(`${k.actual}${n}`, r.actual);
    put(`${k.weight}${n}`, r.weight);
    if (k.rule) put(`${k.rule}${n}`, r.rule);
    if (k.reason) {
      put(`${k.reason}${n}`, r.reason ?? null);
      merges.push(`I${n}:J${n}`);
    }
    const cell = `${k.score}${n}`;
    scoreCells.push(cell);
    if (scores) return put(cell, scoreOf(i));
    const judged = scoreRow({ ...r, score: null });
    if (judged.score === null) {
      attention.push({ address: cell, note: `需人工评分：${judged.basis}` });
      return put(cell, null);
    }
    const named = r.method ? Object.entries(METHOD_NAMES).find(([, m]) => m === r.method)?.[0] : undefined;
    const rule = named ? esc(named) : k.rule ? `${k.rule}${n}` : r.rule !== null && r.rule !== undefined && String(r.rule).trim() ? esc(String(r.rule)) : "";
    put(cell, null, `=JUESUAN.SCORE.INDICATOR(${k.target}${n},${k.actual}${n},${k.weight}${n}${rule ? `,${rule}` : ""})`);
  });
  if (!seed && indicators.length) merges.push(`A${h}:A${last}`);
  if (scores && indicators.length) {
    // Filled tables merge their 一级 and 二级 cells, as the real ones do (the value only in the top cell).
    for (const [key, col] of [["level1", k.level1], ["level2", k.level2]] as const) {
      for (const [top, bottom] of runs(indicators.map(({ row }) => `${row.level1}|${key === "level2" ? row.level2 : ""}`), first)) {
        merges.push(`${col}${top}:${col}${bottom}`);
        for (let n = top + 1; n <= bottom; n++) {
          const c = cells.find((x) => x.address === `${col}${n}`);
          if (c) c.value = null;
        }
      }
    }
  }

  const total = Math.max(last, h) + 1;
  put(`A${total}`, seed ? "合计" : "总分");
  merges.push(`A${total}:${String.fromCharCode(k.weight.charCodeAt(0) - 1)}${total}`);
  const weightRange = indicators.length ? `,${k.weight}${first}:${k.weight}${last}` : "";
  const scoreRange = indicators.length ? `,${k.score}${first}:${k.score}${last}` : "";
  if (scores) {
    put(`${k.weight}${total}`, options.printedWeightTotal ?? null);
    put(`${k.score}${total}`, options.printedTotal ?? null);
  } else {
    put(`${k.weight}${total}`, null, `=SUM(${bWeightCol}${b}${weightRange})`);
    put(`${k.score}${total}`, null, `=SUM(${bScoreCol}${b}${scoreRange})`);
  }
  const totalCell = `${k.score}${total}`;
  const boldRows = [1, 3, h, total];
  if (scores) {
    // The text rows under a submitted table (not indicators).
    put(`A${total + 1}`, seed ? "偏差大或目标未完成原因分析" : "评价结论");
    put(`A${total + 2}`, seed ? "改进措施及结果应用方案" : "存在问题");
    return { cells, merges, boldRows, attention, formats, scoreCells, totalCell, afterTotalRow: total + 1, lastColumn: k.last, width: k.width, rowCount: total + 2 };
  }
  put(`A${total + 1}`, "自评等级");
  merges.push(`A${total + 1}:${String.fromCharCode(k.weight.charCodeAt(0) - 1)}${total + 1}`);
  put(`${k.score}${total + 1}`, null, `=JUESUAN.SCORE.GRADE(${totalCell})`);

  // 摘要: 设定分值, 得分, 得分率 by 一级指标 (预算管理 is the budget block).
  const s = total + 3;
  ["摘要", "设定分值", "得分", "得分率"].forEach((text, i) => put(a1(s - 1, i), text));
  const items = SUMMARY_ITEMS.filter(([, key]) => (key === "" ? true : indicators.some(({ row }) => row.level1.includes(key))));
  items.forEach(([item, key], i) => {
    const n = s + 1 + i;
    put(`A${n}`, item);
    if (key === "") {
      put(`B${n}`, null, `=${bWeightCol}${b}`);
      put(`C${n}`, null, `=${bScoreCol}${b}`);
    } else {
      const crit = esc(indicators.find(({ row }) => row.level1.includes(key))?.row.level1 ?? key);
      put(`B${n}`, null, `=SUMIF(${k.level1}${first}:${k.level1}${last},${crit},${k.weight}${first}:${k.weight}${last})`);
      put(`C${n}`, null, `=SUMIF(${k.level1}${first}:${k.level1}${last},${crit},${k.score}${first}:${k.score}${last})`);
    }
    put(`D${n}`, null, `=C${n}/B${n}`);
  });
  const sumRow = s + 1 + items.length;
  put(`A${sumRow}`, "合计");
  put(`B${sumRow}`, null, `=SUM(B${s + 1}:B${sumRow - 1})`);
  put(`C${sumRow}`, null, `=SUM(C${s + 1}:C${sumRow - 1})`);
  put(`D${sumRow}`, null, `=C${sumRow}/B${sumRow}`);
  boldRows.push(s, sumRow);
  return { cells, merges, boldRows, attention, formats, scoreCells, totalCell, afterTotalRow: total + 1, lastColumn: k.last, width: k.width, rowCount: sumRow };
}

const SUMMARY_ITEMS: [string, string][] = [
  ["预算管理", ""],
  ["产出指标", "产出"],
  ["效益指标", "效益"],
  ["满意度指标", "满意"],
];
