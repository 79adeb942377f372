// The 自评表 model: an indicator list's rows, a filled table's rows and what the reader knows of its layout,
// and the result of checking it.
import type { Finding } from "../findings";
import type { CellValue, Decimal } from "../money";
import type { IndicatorScore, Method } from "./score";

/** A row of an indicator list: what an accountant types before anything is scored. */
export interface IndicatorListRow {
  level1: string;
  level2: string;
  level3: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  rule: CellValue;
  method?: Method;
  /** 偏差原因分析及改进措施, where the sheet has the column. */
  reason?: CellValue;
}

/** A row of a filled 自评表. */
export interface SelfEvalRow extends IndicatorListRow {
  /** The 得分 filled in; null where there is none. */
  score: CellValue;
  /** Cell addresses on the sheet, for marking. */
  cells?: { score?: string; weight?: string; reason?: string; row?: string; actual?: string; rate?: string };
  /** A budget block's total line: its printed 执行率, the 其中 lines, and which 预算数 the rate is of. */
  budget?: { basis: string; rate: CellValue; parts: { label: string; budget: CellValue; executed: CellValue }[] };
}

export interface SelfEvalTable {
  project: string;
  sheet: string;
  rows: SelfEvalRow[];
  /** The 总分 as printed, and where. */
  printedTotal?: CellValue;
  totalCell?: string;
  /** The 分值 of the 总分/合计 row, and where. */
  printedWeightTotal?: CellValue;
  weightTotalCell?: string;
  /** What the reader knows of the layout (all optional: an indicator list turned into a table has none). */
  title?: string;
  family?: string;
  /** False for a table without a 分值 column (湖北 项目自评表): rows cannot be checked one by one. */
  hasWeights?: boolean;
  hasBudget?: boolean;
  /** 一级 weights written in labels: 产出指标（60分）. */
  groups?: { label: string; weight: Decimal }[];
  /** The weight of the indicator block's label: 绩效指标(90分), 年度绩效目标（80分）. */
  indicatorBlock?: { label: string; weight: Decimal };
  placeholders?: number;
  /** What was read, and what could not be (said in the report, never passed over). */
  read?: string[];
  unread?: string[];
}

/**
 * match: the filled score is the rule's; disagree: it is not (reported); unscorable: no rule applies, a person
 * judges; no-actual: 实际完成值 left empty, not scored; unfilled: no score filled in; unweighted: the table has
 * no 分值 column, so the row is checked only through its 一级 weight.
 */
export type RowStatus = "match" | "disagree" | "unscorable" | "unfilled" | "no-actual" | "unweighted";

export interface RowResult {
  row: SelfEvalRow;
  result: IndicatorScore;
  filled: Decimal | null;
  status: RowStatus;
}

export interface SummaryLine {
  item: string;
  weight: Decimal;
  score: Decimal;
  /** 得分率 in percent, two decimals half-up. */
  rate: Decimal | null;
}

export interface SelfEvalResult {
  rows: RowResult[];
  /** Σ of the filled scores (the sheet's own 总分). */
  total: Decimal;
  /** Σ of what the rules give, the filled score where a rule cannot be applied. */
  ruleTotal: Decimal;
  /** 优/良/中/差, or null for a total outside 0–100. */
  grade: string | null;
  summary: SummaryLine[];
  findings: Finding[];
}
