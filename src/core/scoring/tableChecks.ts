// The checks of a 自评表 beyond its rows' scores: a budget line's printed 执行率 and a 总额 left at 0; the weights
// (100 in all, the 合计 row's, each 一级 label's, the indicator block's), and a table without 分值 as far as it goes.
import type { Finding } from "../findings";
import type { SelfEvalRuleId } from "../rules/catalogue";
import { Decimal, formatAmount } from "../money";
import { budgetFigures, decimalOf, isBudgetRow, scoreRow } from "./rowScore";
import type { RowResult, SelfEvalRow, SelfEvalTable } from "./types";

export type Add = (rule: SelfEvalRuleId, severity: Finding["severity"], cells: (string | undefined)[], message: string, figures?: { expected: string; found: string; difference?: string }) => void;

/** The printed 执行率 at its own precision (0.86 is two places of a fraction), and a 总额 left at 0. */
export function checkBudgetLine(row: SelfEvalRow, add: Add): void {
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
export function checkWeights(t: SelfEvalTable, rows: RowResult[], add: Add): void {
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
