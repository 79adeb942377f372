// Scoring one indicator by its rule (DOMAIN.md §6): budget execution, positive and negative quantitative
// (proportional, or linear down to 0 at twice the target), equal, qualitative bands, score bands from the
// 评分标准 text, a reduced maximum and deductions. Scores are rounded half-up to two decimals.
import { Decimal } from "../money";
import { type Direction, type Quantity, type Reading, baseUnit, indicatorDirection, readQuantities } from "./quantity";
import { type ScoringRule, bandScore, readRule } from "./rule";

export type Method = "auto" | "positive" | "negative" | "negative-linear" | "equal" | "qualitative";

export const METHOD_NAMES: Record<string, Method> = {
  自动: "auto",
  正向: "positive",
  反向: "negative",
  反向比例: "negative",
  反向线性: "negative-linear",
  等于: "equal",
  定性: "qualitative",
};

export type Flag = "NO_TARGET" | "TEXT_ACTUAL" | "INCOMPARABLE" | "NOT_ACHIEVED" | "EXCEEDED" | "BAND_OVERLAP" | "NO_WEIGHT" | "JUDGEMENT";

export interface IndicatorInput {
  name?: string;
  target: unknown;
  actual: unknown;
  weight: Decimal | null;
  rule?: unknown;
  method?: Method;
}

export interface IndicatorScore {
  /** What the rule gives; null when it cannot be applied and a person must judge (see `basis`). */
  score: Decimal | null;
  /** For a qualitative row, the band a filled score may lie in. */
  range?: [Decimal, Decimal];
  /** How the score was found, in words. */
  basis: string;
  flags: Flag[];
}

export const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const pct = (d: Decimal) => `${round2(d.times(100)).toString()}%`;
const q = (x: Quantity) => `${x.value.toString()}${x.unit}`;

function finish(max: Decimal, base: Decimal, rule: ScoringRule, basis: string, flags: Flag[], range?: [Decimal, Decimal]): IndicatorScore {
  const deducted = Decimal.max(0, base.minus(rule.deduction));
  const text = rule.deduction.isZero() ? basis : `${basis}，评分标准扣 ${rule.deduction.toString()} 分`;
  return { score: round2(deducted), basis: text, flags, ...(range ? { range: [round2(Decimal.max(0, range[0].minus(rule.deduction))), round2(Decimal.max(0, range[1].minus(rule.deduction)))] } : {}) };
}

/** The actual quantities that measure the same thing as the target's. */
function matching(target: Quantity, actual: Reading): Quantity[] {
  return actual.quantities.filter((a) => baseUnit(a.unit) === baseUnit(target.unit) || (target.unit === "" && actual.quantities.length === 1));
}

function pick(candidates: Quantity[], dir: Direction): Quantity {
  const total = candidates.find((c) => /合计|共计|总计|共/.test(c.before));
  if (total) return total;
  return candidates.reduce((a, b) => (dir === "<=" ? (b.value.gt(a.value) ? b : a) : b));
}

function ratio(t: Decimal, a: Decimal, dir: Direction, method: Method): Decimal {
  if (dir === "<=") {
    if (a.lte(t)) return new Decimal(1);
    if (method === "negative-linear") return t.isZero() ? new Decimal(0) : Decimal.max(0, new Decimal(1).minus(a.minus(t).dividedBy(t)));
    return a.isZero() ? new Decimal(1) : t.dividedBy(a);
  }
  if (dir === "=" && t.isZero()) return a.isZero() ? new Decimal(1) : new Decimal(0);
  if (a.gte(t)) return new Decimal(1);
  return t.isZero() ? new Decimal(1) : a.dividedBy(t);
}

export function scoreIndicator(input: IndicatorInput): IndicatorScore {
  const flags: Flag[] = [];
  if (!input.weight) return { score: null, basis: "缺少分值", flags: ["NO_WEIGHT"] };
  const rule = readRule(input.rule);
  const max = rule.maximum && rule.maximum.lt(input.weight) ? rule.maximum : input.weight;
  const target = readQuantities(input.target);
  const actual = readQuantities(input.actual);
  const method = input.method ?? "auto";
  if (rule.overlaps.length) flags.push("BAND_OVERLAP");
  if (!target.text) flags.push("NO_TARGET");

  if (actual.notDone) return finish(max, new Decimal(0), rule, "实际未实施，得 0 分", [...flags, "NOT_ACHIEVED"]);

  if (rule.bands.length) {
    const measured = actual.quantities.find((x) => x.unit === "%") ?? actual.quantities[0];
    if (!measured) {
      const top = rule.bands.reduce((t, b) => (b.score.gt(t) ? b.score : t), new Decimal(0));
      return finish(max, Decimal.min(top, max), rule, "实际完成值没有可比的数值，按最高档计", [...flags, "TEXT_ACTUAL"]);
    }
    const s = Decimal.min(bandScore(rule, measured.value), max);
    const band = rule.bands.find((b) => b.score.eq(s));
    const best = rule.bands.every((b) => b.score.lte(s));
    return finish(max, s, rule, `实际 ${q(measured)}${band ? `，在“${band.text}”档` : "，不在任何分档内"}`, best ? flags : [...flags, "NOT_ACHIEVED"]);
  }

  if (!target.text) return finish(max, max, rule, "没有年初目标值，无法比较，按达成计", flags);

  if (method === "qualitative" || !target.quantities.length) {
    if (actual.shortfall) return { score: null, basis: `定性指标“${target.text}”，实际完成情况写有未达成的内容，需人工判断`, flags: [...flags, "JUDGEMENT"] };
    return finish(max, max, rule, `定性指标“${target.text}”，按达成年度指标计（可在 80%–100% 之间）`, flags, [max.times(0.8), max]);
  }

  if (!actual.quantities.length) {
    if (actual.shortfall) return { score: null, basis: "实际完成值是文字且写有未达成的内容，需人工判断", flags: [...flags, "TEXT_ACTUAL", "JUDGEMENT"] };
    return finish(max, max, rule, "实际完成值是文字、没有数值，未写未达成，按达成计", [...flags, "TEXT_ACTUAL"]);
  }

  const dir: Direction = method === "negative" || method === "negative-linear" ? "<=" : method === "positive" ? ">=" : method === "equal" ? "=" : indicatorDirection(target, input.name);
  // Written as lists on both sides (100%、80%、100%): pair them in order.
  const byPosition = target.quantities.length > 1 && target.quantities.length === actual.quantities.length && target.quantities.every((t, i) => baseUnit(t.unit) === baseUnit(actual.quantities[i].unit));
  const pairs: [Quantity, Quantity][] = [];
  for (const [i, t] of target.quantities.entries()) {
    const candidates = byPosition ? [actual.quantities[i]] : matching(t, actual);
    if (!candidates.length) {
      const units = (qs: Quantity[]) => [...new Set(qs.map((x) => x.unit || "无单位"))].join("、");
      return { score: null, basis: `目标值（${units(target.quantities)}）与实际完成值（${units(actual.quantities)}）计量单位不同，无法比较`, flags: [...flags, "INCOMPARABLE", "JUDGEMENT"] };
    }
    pairs.push([t, pick(candidates, dir)]);
  }
  const ratios = pairs.map(([t, a]) => ratio(t.value, a.value, dir, method));
  const r = ratios.reduce((s, x) => s.plus(x), new Decimal(0)).dividedBy(ratios.length);
  if (r.lt(1)) flags.push("NOT_ACHIEVED");
  if (dir !== "<=" && pairs.some(([t, a]) => !t.value.isZero() && a.value.gte(t.value.times(1.3)))) flags.push("EXCEEDED");
  const shown = pairs.map(([t, a]) => `${q(a)} / ${dir === "<=" ? "≤" : dir === "=" ? "=" : "≥"}${q(t)}`).join("，");
  const how = r.gte(1) ? "达到目标，得满分" : `完成比率 ${pct(r)}${dir === "<=" && method === "negative-linear" ? "（反向线性）" : ""}`;
  return finish(max, max.times(r), rule, `${shown}，${how}`, flags);
}

/** 预算执行率 = 执行数 / 预算数, capped at 100%; score = 分值 × 执行率. */
export function scoreBudget(budget: Decimal, executed: Decimal, weight: Decimal): IndicatorScore {
  if (budget.lte(0)) return { score: null, basis: "预算数应大于 0", flags: ["JUDGEMENT"] };
  const rate = Decimal.min(1, executed.dividedBy(budget));
  return { score: round2(weight.times(rate)), basis: `执行率 ${pct(rate)}`, flags: rate.lt(1) ? ["NOT_ACHIEVED"] : [] };
}

export function grade(total: Decimal): "优" | "良" | "中" | "差" {
  if (total.gte(90)) return "优";
  if (total.gte(80)) return "良";
  if (total.gte(60)) return "中";
  return "差";
}

export const QUALITATIVE_SHARES: Record<string, number> = {
  达成年度指标: 1,
  达成: 1,
  好: 1,
  部分达成年度指标并具有一定效果: 0.8,
  部分达成: 0.8,
  较好: 0.8,
  一般: 0.6,
  未达成年度指标且效果较差: 0.6,
  未达成: 0.6,
  差: 0.4,
};
