// A 项目支出绩效自评表: every row recomputed from its own 评分标准, rolled up 三级 → 二级 → 一级 → 总分, with the
// flags of DOMAIN.md §6 as findings on the row concerned.
import type { Finding } from "../findings";
import { type CellValue, Decimal, formatAmount, readAmount } from "../money";
import { shorten } from "./quantity";
import { type IndicatorScore, type Method, grade, round2, scoreBudget, scoreIndicator } from "./score";

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

export const isBudgetRow = (r: Pick<SelfEvalRow, "level1">) => /预算执行|资金|预算管理/.test(r.level1);

const SUMMARY_ITEMS: [RegExp, string][] = [
  [/预算执行|资金|预算管理/, "预算管理"],
  [/产出/, "产出指标"],
  [/效益/, "效益指标"],
  [/满意/, "满意度指标"],
];

function decimalOf(v: CellValue | undefined): Decimal | null {
  const read = readAmount(v ?? null);
  return read.kind === "amount" ? read.value : null;
}

export function rate(score: Decimal, weight: Decimal): Decimal | null {
  return weight.isZero() ? null : round2(score.dividedBy(weight).times(100));
}

/** A budget line's 预算数 and 执行数; from its 其中 lines when the total line was left at 0 or empty. */
export function budgetFigures(row: SelfEvalRow): { budget: Decimal | null; executed: Decimal | null; fromParts: boolean } {
  const [budget, executed] = [decimalOf(row.target), decimalOf(row.actual)];
  const parts = row.budget?.parts ?? [];
  const sum = (key: "budget" | "executed") => parts.reduce((s, p) => s.plus(decimalOf(p[key]) ?? 0), new Decimal(0));
  if ((!budget || budget.isZero()) && sum("budget").gt(0)) return { budget: sum("budget"), executed: executed && !executed.isZero() ? executed : sum("executed"), fromParts: true };
  return { budget, executed, fromParts: false };
}

export function scoreRow(row: SelfEvalRow): IndicatorScore {
  const weight = decimalOf(row.weight);
  if (isBudgetRow(row)) {
    const { budget, executed } = budgetFigures(row);
    if (!weight) return { score: null, basis: "缺少分值", flags: ["NO_WEIGHT"] };
    if (!budget || !executed) return { score: null, basis: "预算数或执行数不是数值", flags: ["JUDGEMENT"] };
    return scoreBudget(budget, executed, weight);
  }
  return scoreIndicator({ name: row.level3, target: row.target, actual: row.actual, weight, rule: row.rule, method: row.method });
}

export function evaluateSelfEval(t: SelfEvalTable): SelfEvalResult {
  const findings: Finding[] = [];
  const add = (rule: string, severity: Finding["severity"], cells: (string | undefined)[], message: string, figures?: { expected: string; found: string; difference?: string }) =>
    findings.push({
      rule,
      severity,
      table: null,
      sheet: t.sheet,
      cells: cells.filter((c): c is string => !!c),
      expected: figures?.expected ?? null,
      found: figures?.found ?? null,
      difference: figures?.difference ?? null,
      message: `${t.project}：${message}`,
    });

  const weighted = t.hasWeights !== false;
  const blank = (v: CellValue | undefined) => v === null || v === undefined || String(v).trim() === "";
  const rows: RowResult[] = t.rows.map((row) => {
    const result = scoreRow(row);
    const filled = decimalOf(row.score);
    const name = shorten(row.level3 || row.level2 || row.level1);
    const weight = decimalOf(row.weight);
    // A template row with its target and nothing else: one finding, not one per empty cell.
    if (blank(row.actual) && blank(row.weight) && blank(row.score) && !isBudgetRow(row)) {
      add("SE-未填写", "warning", [row.cells?.actual ?? row.cells?.row], `“${name}”未填写实际完成值、分值和得分`);
      return { row, result, filled, status: "no-actual" as const };
    }
    if (!weighted && !isBudgetRow(row)) return { row, result, filled, status: "unweighted" as const };
    let status: RowStatus = result.flags.includes("NO_ACTUAL") ? "no-actual" : filled === null ? "unfilled" : result.score === null ? "unscorable" : "match";
    if (filled !== null && result.score !== null) {
      const inRange = result.range ? filled.gte(result.range[0]) && filled.lte(result.range[1]) : filled.eq(result.score);
      if (!inRange) {
        status = "disagree";
        const expected = result.range ? `${formatAmount(result.range[0])}–${formatAmount(result.range[1])}` : formatAmount(result.score);
        add("SE-得分", "error", [row.cells?.score], `“${name}”得分 ${formatAmount(filled)} 与其评分标准不符，按标准应为 ${expected}（${result.basis}）`, {
          expected,
          found: formatAmount(filled),
          difference: result.range ? "" : formatAmount(filled.minus(result.score)),
        });
      }
    }
    if (status === "unscorable") add("SE-无法计分", "info", [row.cells?.score], `“${name}”无法按评分标准计算：${result.basis}；保留填报得分 ${formatAmount(filled as Decimal)}`);
    if (!weight) add("SE-缺分值", "error", [row.cells?.weight ?? row.cells?.row], `“${name}”缺少分值`);
    if (weight && filled && filled.gt(weight)) add("SE-超分", "error", [row.cells?.score], `“${name}”得分 ${formatAmount(filled)} 超过分值 ${formatAmount(weight)}`);
    if (result.flags.includes("NO_ACTUAL")) add("SE-未填写", "warning", [row.cells?.actual ?? row.cells?.row], `“${name}”未填写实际完成值，未计分${filled !== null ? `（填报得分 ${formatAmount(filled)} 无从核对）` : ""}`);
    if (!isBudgetRow(row) && result.flags.includes("NO_TARGET")) add("SE-无目标", "warning", [row.cells?.row], `“${name}”没有年初目标值`);
    if (result.flags.includes("TEXT_ACTUAL") && !result.flags.includes("NO_TARGET")) add("SE-文字实际值", "info", [row.cells?.row], `“${name}”的实际完成值没有可与目标比较的数值`);
    if (result.flags.includes("BAND_OVERLAP")) add("SE-分档重叠", "warning", [row.cells?.row], `“${name}”的评分标准分档有重叠，落在重叠区间的值无法确定得分`);
    const needsReason = result.flags.includes("NOT_ACHIEVED") || result.flags.includes("EXCEEDED");
    if (needsReason && row.reason !== undefined && !String(row.reason ?? "").trim()) {
      add("SE-偏差原因", "warning", [row.cells?.reason], `“${name}”${result.flags.includes("EXCEEDED") ? "超过目标 30% 以上（目标可能偏低）" : "未完全达成目标"}，应填写偏差原因及改进措施`);
    }
    if (row.budget) checkBudgetLine(row, add);
    return { row, result, filled, status };
  });

  checkWeights(t, rows, add);

  const total = rows.reduce((s, r) => s.plus(r.filled ?? new Decimal(0)), new Decimal(0));
  const ruleTotal = rows.reduce((s, r) => s.plus(r.result.score ?? r.filled ?? new Decimal(0)), new Decimal(0));
  const printed = decimalOf(t.printedTotal);
  const over = total.gt(100) ? "，且超过 100 分" : "";
  if (printed && !printed.eq(total)) add("SE-总分", "error", [t.totalCell], `总分 ${formatAmount(printed)} 不等于各项得分之和 ${formatAmount(total)}${over}`, { expected: formatAmount(total), found: formatAmount(printed), difference: formatAmount(printed.minus(total)) });
  const shown = printed ?? total;
  if (shown.gt(100) && !(printed && !printed.eq(total))) add("SE-总分超100", "error", [t.totalCell], `总分 ${formatAmount(shown)} 超过 100 分`, { expected: "≤ 100.00", found: formatAmount(shown), difference: formatAmount(shown.minus(100)) });

  const summary: SummaryLine[] = SUMMARY_ITEMS.map(([re, item]) => {
    const these = rows.filter((r) => re.test(r.row.level1));
    const w = these.reduce((s, r) => s.plus(decimalOf(r.row.weight) ?? 0), new Decimal(0));
    const sc = these.reduce((s, r) => s.plus(r.filled ?? r.result.score ?? 0), new Decimal(0));
    return { item, weight: w, score: sc, rate: rate(sc, w) };
  }).filter((l) => !l.weight.isZero());
  return { rows, total, ruleTotal, grade: grade(total), summary, findings };
}

type Add = (rule: string, severity: Finding["severity"], cells: (string | undefined)[], message: string, figures?: { expected: string; found: string; difference?: string }) => void;

/** The printed 执行率 at its own precision (0.86 is two places of a fraction), and a 总额 left at 0. */
function checkBudgetLine(row: SelfEvalRow, add: Add): void {
  const { budget, executed, fromParts } = budgetFigures(row);
  if (fromParts && budget) add("SE-资金总额", "error", [row.cells?.row], `“${row.level2 || row.level1}”预算数为 0 或空，而其中各项合计 ${formatAmount(budget)}：执行率按其中各项计算`, { expected: formatAmount(budget), found: String(row.target ?? "") });
  const printed = row.budget?.rate;
  if (!budget || !executed || budget.lte(0) || printed === null || printed === undefined || printed === "") return;
  const rateValue = Decimal.min(1, executed.dividedBy(budget));
  const text = String(printed).trim();
  const percent = /%$/.test(text) || (typeof printed === "number" && printed > 2);
  const digits = typeof printed === "number" ? String(printed) : text.replace(/%$/, "");
  const number = decimalOf(digits);
  if (!number) return;
  // 90.00% is printed to two places (decimal.js would drop the zeros).
  const places = /\.(\d+)$/.exec(digits)?.[1].length ?? 0;
  const computed = (percent ? rateValue.times(100) : rateValue).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  if (!computed.eq(number)) {
    const show = (d: Decimal) => (percent ? `${d.toFixed(places)}%` : d.toFixed(places));
    add("SE-执行率", "error", [row.cells?.rate], `执行率 ${show(number)} 与 执行数 ${formatAmount(executed)} / ${row.budget?.basis ?? "预算数"} ${formatAmount(budget)} = ${show(computed)} 不符`, { expected: show(computed), found: show(number) });
  }
}

/** Weights: 100 in all (or the 合计 row's), each 一级 label's weight, the indicator block's; a table without 分值 as far as it goes. */
function checkWeights(t: SelfEvalTable, rows: RowResult[], add: Add): void {
  const indicators = rows.filter((r) => !isBudgetRow(r.row));
  const sum = (list: RowResult[], f: (r: RowResult) => Decimal | null) => list.reduce((s, r) => s.plus(f(r) ?? 0), new Decimal(0));
  const weightOf = (r: RowResult) => decimalOf(r.row.weight);
  const incomplete = rows.some((r) => r.status === "no-actual" && decimalOf(r.row.weight) === null);
  const severity = incomplete ? "warning" : "error";
  const tail = incomplete ? "（表中有未填写的行）" : "";
  if (t.hasWeights === false) {
    add("SE-无分值", "info", [], "本表没有分值列：各行得分无法按评分标准逐行核对，只核对一级指标分值、预算执行得分和总分");
  } else {
    const all = sum(rows, weightOf);
    const printed = decimalOf(t.printedWeightTotal);
    if (t.hasBudget === false && !printed) {
      // No budget block read: the 100 cannot be checked, the indicator block's weight can (below).
    } else if (t.hasBudget === false && printed) {
      if (!t.indicatorBlock) add("SE-分值合计", "info", [t.weightTotalCell], `本表未见预算执行栏：合计分值 ${formatAmount(printed)} 与指标分值 ${formatAmount(all)} 无法完整核对`);
    } else {
      const expected = printed ?? new Decimal(100);
      if (!all.eq(expected)) add("SE-分值合计", severity, [t.weightTotalCell], `各项分值合计 ${formatAmount(all)}，应为 ${formatAmount(expected)}${tail}`, { expected: formatAmount(expected), found: formatAmount(all), difference: formatAmount(all.minus(expected)) });
      if (printed && !printed.eq(100)) add("SE-分值合计", "error", [t.weightTotalCell], `合计分值 ${formatAmount(printed)}，应为 100`, { expected: "100.00", found: formatAmount(printed), difference: formatAmount(printed.minus(100)) });
    }
  }
  for (const g of t.groups ?? []) {
    const these = indicators.filter((r) => r.row.level1 === g.label);
    if (t.hasWeights !== false) {
      const w = sum(these, weightOf);
      if (!w.eq(g.weight)) add("SE-一级分值", severity, [these[0]?.row.cells?.row], `“${g.label}”下各行分值合计 ${formatAmount(w)}，与标注的 ${formatAmount(g.weight)} 分不符${tail}`, { expected: formatAmount(g.weight), found: formatAmount(w) });
      continue;
    }
    const scored = sum(these, (r) => r.filled);
    if (scored.gt(g.weight)) add("SE-一级得分", "error", these.map((r) => r.row.cells?.score), `“${g.label}”下各行得分合计 ${formatAmount(scored)}，超过该一级指标的 ${formatAmount(g.weight)} 分`, { expected: `≤ ${formatAmount(g.weight)}`, found: formatAmount(scored) });
    const achieved = these.every((r) => {
      const unit = scoreRow({ ...r.row, weight: 1 });
      return unit.score !== null && unit.score.eq(1) && !unit.flags.includes("NOT_ACHIEVED");
    });
    if (achieved && scored.lt(g.weight)) add("SE-一级得分", "warning", these.map((r) => r.row.cells?.score), `“${g.label}”下各行均达成目标，得分合计 ${formatAmount(scored)} 却低于该一级指标的 ${formatAmount(g.weight)} 分`, { expected: formatAmount(g.weight), found: formatAmount(scored) });
  }
  if (t.indicatorBlock) {
    const groups = t.groups ?? [];
    const covered = groups.length > 0 && indicators.every((r) => groups.some((g) => g.label === r.row.level1));
    const w = covered ? groups.reduce((s, g) => s.plus(g.weight), new Decimal(0)) : t.hasWeights === false ? null : sum(indicators, weightOf);
    if (w && !w.eq(t.indicatorBlock.weight)) {
      const what = covered ? `各一级指标标注的分值合计 ${formatAmount(w)}（${groups.map((g) => g.label).join(" + ")}）` : `各指标分值合计 ${formatAmount(w)}`;
      add("SE-指标分值", severity, [], `“${t.indicatorBlock.label}”：${what}，与标注的 ${formatAmount(t.indicatorBlock.weight)} 分不符${tail}`, { expected: formatAmount(t.indicatorBlock.weight), found: formatAmount(w), difference: formatAmount(w.minus(t.indicatorBlock.weight)) });
    }
  }
}

/** A printed 摘要 (预算管理 / 产出 / 效益 / 满意度 / 合计 with 设定分值, 得分, 得分率): each rate and the 合计. */
export function checkSummary(project: string, lines: { item: string; weight: CellValue; score: CellValue; rate: CellValue; cell?: string }[], sheet = ""): Finding[] {
  const findings: Finding[] = [];
  const parts = lines.filter((l) => !/合计|总分/.test(l.item));
  for (const l of lines) {
    const [w, s, r] = [decimalOf(l.weight), decimalOf(l.score), decimalOf(l.rate)];
    if (!w || !s || !r) continue;
    const computed = rate(s, w);
    if (computed && !computed.eq(round2(r))) {
      findings.push({
        rule: "SE-得分率",
        severity: "error",
        table: null,
        sheet,
        cells: l.cell ? [l.cell] : [],
        expected: formatAmount(computed),
        found: formatAmount(r),
        difference: formatAmount(r.minus(computed)),
        message: `${project}：${l.item}得分率 ${formatAmount(r)}% 与 ${formatAmount(s)}/${formatAmount(w)} = ${formatAmount(computed)}% 不符`,
      });
    }
  }
  const total = lines.find((l) => /合计|总分/.test(l.item));
  const sum = parts.reduce((acc, l) => acc.plus(decimalOf(l.score) ?? 0), new Decimal(0));
  const printed = total ? decimalOf(total.score) : null;
  if (printed && !printed.eq(sum)) {
    findings.push({ rule: "SE-总分", severity: "error", table: null, sheet, cells: total?.cell ? [total.cell] : [], expected: formatAmount(sum), found: formatAmount(printed), difference: formatAmount(printed.minus(sum)), message: `${project}：合计得分 ${formatAmount(printed)} 不等于各项之和 ${formatAmount(sum)}` });
  }
  return findings;
}
