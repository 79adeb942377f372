// The 得分情况 summary of a 自评 (摘要版): 项目 | 设定分值 | 得分 (评价得分) | 得分率, a line per 一级指标 and a 合计,
// as the published 摘要版 prints it and as the add-in's own 自评表 writes it under its 总分 (sheet.ts). Read for
// checkSummary (selfEval.ts): each printed 得分率 and the 合计.
import type { Grid } from "../grid";
import { type CellValue, fromNumber } from "../money";
import { LABEL_LENGTH, View, matchColumns } from "./readView";

export interface SummaryRowCells {
  item: string;
  weight: CellValue;
  score: CellValue;
  /** 得分率 in percent, as printed ("91.67" for 91.67%). */
  rate: CellValue;
  /** The 得分率 cell, and the 得分 cell (where a wrong 合计 is marked). */
  cell?: string;
  scoreCell?: string;
}

type SummaryKey = "weight" | "score" | "rate";

const HEADER: [SummaryKey, RegExp][] = [
  ["weight", /^(设定|设置)?分值$/],
  ["score", /^(评价|自评)?得分$/],
  ["rate", /^得分率$/],
];
const TOTAL = /^(合计|总分|总计)/;
/** A 自评表's own header (三级指标 …, possibly with a 得分率 column) is the table reader's, not a summary. */
const INDICATOR_HEADER: [string, RegExp][] = [["indicator", /级指标|^指标名称/]];
const MAX_LINES = 12;

/** One pass of `includes` per row, so that a 200,000-row 决算 sheet costs little: a header names 得分率. */
function mayBeHeader(grid: Grid, r: number): boolean {
  const row = grid.values[r];
  return !!row && row.some((v) => typeof v === "string" && v.length < LABEL_LENGTH && v.includes("得分率"));
}

/**
 * A rate in percent. Text is read as printed, % dropped (the 摘要版 prints "93.68%", or 93.68 under 得分率);
 * a percent-formatted number is already the percent text the View shows. A bare number up to 1 is a fraction
 * (a formula score/weight without a percent format): 0.9333 is 93.33%.
 */
function percent(v: CellValue): CellValue {
  if (typeof v === "number") return v <= 1 ? fromNumber(v).times(100).toString() : v;
  if (typeof v !== "string") return v;
  const t = v.replace(/\s+/g, "");
  return t.replace(/[%％]$/, "");
}

/** Every 得分 summary on a grid, its lines down to the 合计 (or the first blank item). */
export function readSummaries(grid: Grid): SummaryRowCells[][] {
  const blocks: SummaryRowCells[][] = [];
  let view: View | null = null;
  for (let r = 0; r < grid.values.length; r++) {
    if (!mayBeHeader(grid, r)) continue;
    // Built at the first candidate only: most sheets have none.
    view ??= new View(grid);
    const cols = matchColumns(view, r, HEADER);
    if (cols.weight === undefined || cols.score === undefined || cols.rate === undefined) continue;
    if (Object.keys(matchColumns(view, r, INDICATOR_HEADER)).length) continue;
    const lead = view.lead(r);
    const first = Math.min(cols.weight, cols.score, cols.rate);
    if (!lead || lead.col >= first) continue;
    const lines: SummaryRowCells[] = [];
    for (let k = r + 1; k < view.rows && lines.length < MAX_LINES; k++) {
      // Normalised: the 摘要版 prints "合 计".
      const item = view.label(k, lead.col);
      if (!item) break;
      lines.push({
        item,
        weight: view.value(k, cols.weight),
        score: view.value(k, cols.score),
        rate: percent(view.value(k, cols.rate)),
        cell: view.address(k, cols.rate),
        scoreCell: view.address(k, cols.score),
      });
      r = k;
      if (TOTAL.test(item)) break;
    }
    if (lines.length) blocks.push(lines);
  }
  return blocks;
}
