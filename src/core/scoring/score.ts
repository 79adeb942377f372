// Scoring one indicator by its rule (财预〔2020〕10号 and local practice, summarised in README 绩效自评): budget
// execution, positive and negative quantitative (proportional, or linear down to 0 at twice the target),
// equal, time targets (earlier is better), qualitative bands decided by the grade the actual states, and the
// 评分标准 forms (bands, full marks from a threshold, per-step deductions, all-or-nothing, a reduced maximum,
// flat deductions). Scores are rounded half-up to two decimals.
import { Decimal } from "../money";
import { type Direction, type GradeBand, MAX_NUMBERS, type Quantity, type Reading, baseUnit, dateOrder, indicatorDirection, readQuantities, shorten } from "./quantity";
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

export type Flag = "NO_TARGET" | "NO_ACTUAL" | "TEXT_ACTUAL" | "INCOMPARABLE" | "NOT_ACHIEVED" | "EXCEEDED" | "BAND_OVERLAP" | "NO_WEIGHT" | "JUDGEMENT";

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

/** The 10号文 bands of a qualitative indicator, as shares of 分值. */
export const GRADE_BANDS: Record<GradeBand, [number, number, string]> = {
  achieved: [0.8, 1, "达成年度指标（80%–100%）"],
  partial: [0.6, 0.8, "部分达成年度指标（60%–80%）"],
  missed: [0, 0.6, "未达成年度指标（0–60%）"],
};

function finish(base: Decimal, rule: ScoringRule, basis: string, flags: Flag[], range?: [Decimal, Decimal]): IndicatorScore {
  const deducted = Decimal.max(0, base.minus(rule.deduction));
  const text = rule.deduction.isZero() ? basis : `${basis}，评分标准扣 ${rule.deduction.toString()} 分`;
  const less = (d: Decimal) => round2(Decimal.max(0, d.minus(rule.deduction)));
  return { score: round2(deducted), basis: text, flags, ...(range ? { range: [less(range[0]), less(range[1])] } : {}) };
}

/** A qualitative score: the band the actual's grade names; the filled score may lie anywhere in it. */
function graded(max: Decimal, band: GradeBand, share: Decimal, rule: ScoringRule, why: string, flags: Flag[]): IndicatorScore {
  const [lo, hi, name] = GRADE_BANDS[band];
  const top = Decimal.min(share, hi);
  return finish(max.times(top), rule, `${why}，属“${name}”档`, band === "achieved" ? flags : [...flags, "NOT_ACHIEVED"], [max.times(lo), max.times(hi)]);
}

/**
 * Excel stores a typed 95% as 0.95: a bare number of at most 1 against a percent target is a fraction
 * (1 is 100%, 0.5 is 50%). A bare number above 1 is already in percent (95 against ≥95%).
 */
export function asPercentOf(target: Quantity, actual: Quantity): Quantity {
  if (target.unit !== "%" || actual.unit !== "" || actual.value.gt(1)) return actual;
  return { ...actual, value: actual.value.times(100), unit: "%" };
}

/** The actual quantities that measure the same thing as the target's; a unit written on one side only is comparable. */
function matching(target: Quantity, actual: Reading): Quantity[] {
  const same = actual.quantities.filter((a) => a.unit !== "" && baseUnit(a.unit) === baseUnit(target.unit));
  if (same.length) return same;
  if (target.unit === "") return actual.quantities.length === 1 ? actual.quantities : [];
  return actual.quantities.filter((a) => a.unit === "").map((a) => asPercentOf(target, a));
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

const DEADLINE = /前|底|末|截止|之前|以前|完成|按时/;

/** A time target (12月底前完成): compared as dates, earlier is better; never as plain numbers. */
function scoreDeadline(max: Decimal, target: Reading, actual: Reading, rule: ScoringRule, flags: Flag[]): IndicatorScore | null {
  if (!target.date || !DEADLINE.test(target.text)) return null;
  if (actual.date) {
    const year = target.date.year ?? actual.date.year ?? 0;
    const shown = `实际 ${shorten(actual.text)} / 目标 ${shorten(target.text)}`;
    if (dateOrder(actual.date, year) <= dateOrder(target.date, year)) return finish(max, rule, `${shown}，按时完成，得满分`, flags);
    return { score: null, basis: `${shown}，完成时间晚于目标，需按评分标准人工判断`, flags: [...flags, "NOT_ACHIEVED", "JUDGEMENT"] };
  }
  if (actual.grade) return graded(max, actual.grade.band, actual.grade.share, rule, `时间目标“${shorten(target.text)}”，实际“${actual.grade.word}”`, flags);
  if (actual.shortfall) return { score: null, basis: `时间目标“${shorten(target.text)}”，实际完成情况写有未达成的内容，需人工判断`, flags: [...flags, "JUDGEMENT"] };
  return finish(max, rule, `时间目标“${shorten(target.text)}”，实际“${shorten(actual.text)}”未写明延误，按按时完成计`, [...flags, "TEXT_ACTUAL"]);
}

/** 大于N%得满分, 每降低N%扣M分, 未达到不得分: the rule's own wording for one measured pair, where it has one. */
function ruleForms(max: Decimal, rule: ScoringRule, t: Quantity, a: Quantity, dir: Direction, r: Decimal): { base: Decimal; how: string } | null {
  const threshold = rule.fullFrom ?? (rule.perStep || rule.allOrNothing ? t.value : null);
  if (threshold === null) return null;
  const short = dir === "<=" ? a.value.minus(threshold) : threshold.minus(a.value);
  if (short.lte(0) && (rule.fullFrom || r.gte(1))) return { base: max, how: `达到 ${threshold.toString()}${t.unit}，得满分` };
  if (rule.allOrNothing) return { base: new Decimal(0), how: "未达到目标，按评分标准不得分" };
  if (rule.perStep) {
    const off = rule.perStep.points.times(short.dividedBy(rule.perStep.step));
    return { base: Decimal.max(0, max.minus(off)), how: `差 ${round2(short).toString()}${t.unit}，每 ${rule.perStep.step.toString()} 扣 ${rule.perStep.points.toString()} 分，扣 ${round2(off).toString()} 分` };
  }
  return null;
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

  if (target.tooMany || actual.tooMany || rule.tooMany) {
    const where = [target.tooMany && "年初目标值", actual.tooMany && "实际完成值", rule.tooMany && "评分标准"].filter(Boolean).join("、");
    return { score: null, basis: `${where}中的数值超过 ${MAX_NUMBERS} 个，无法可靠计分，需人工判断`, flags: [...flags, "JUDGEMENT"] };
  }
  // An empty actual is not an achievement: it is not scored at all.
  if (!actual.text) return { score: null, basis: "未填写实际完成值", flags: [...flags, "NO_ACTUAL"] };
  if (actual.notDone) return finish(new Decimal(0), rule, "实际未实施，得 0 分", [...flags, "NOT_ACHIEVED"]);

  if (rule.bands.length) {
    const percentBands = /%/.test(rule.text);
    const first = actual.quantities.find((x) => x.unit === "%") ?? actual.quantities[0];
    const measured = first && percentBands ? asPercentOf({ ...first, unit: "%" }, first) : first;
    if (!measured) {
      const top = rule.bands.reduce((t, b) => (b.score.gt(t) ? b.score : t), new Decimal(0));
      return finish(Decimal.min(top, max), rule, "实际完成值没有可比的数值，按最高档计", [...flags, "TEXT_ACTUAL"]);
    }
    const s = Decimal.min(bandScore(rule, measured.value), max);
    const band = rule.bands.find((b) => b.score.eq(s));
    const best = rule.bands.every((b) => b.score.lte(s));
    return finish(s, rule, `实际 ${q(measured)}${band ? `，在“${band.text}”档` : "，不在任何分档内"}`, best ? flags : [...flags, "NOT_ACHIEVED"]);
  }

  if (!target.text) return finish(max, rule, "没有年初目标值，无法比较，按达成计", flags);

  const deadline = method === "qualitative" ? null : scoreDeadline(max, target, actual, rule, flags);
  if (deadline) return deadline;

  if (method === "qualitative" || !target.quantities.length) {
    if (actual.grade) return graded(max, actual.grade.band, actual.grade.share, rule, `定性指标“${shorten(target.text)}”，实际“${actual.grade.word}”`, flags);
    if (actual.shortfall) return { score: null, basis: `定性指标“${shorten(target.text)}”，实际完成情况写有未达成的内容，需人工判断`, flags: [...flags, "JUDGEMENT"] };
    return graded(max, "achieved", new Decimal(1), rule, `定性指标“${shorten(target.text)}”，实际完成情况未写未达成`, flags);
  }

  if (!actual.quantities.length) {
    if (actual.grade && actual.grade.band !== "achieved") return graded(max, actual.grade.band, actual.grade.share, rule, `实际完成值“${actual.grade.word}”`, [...flags, "TEXT_ACTUAL"]);
    if (actual.shortfall) return { score: null, basis: "实际完成值是文字且写有未达成的内容，需人工判断", flags: [...flags, "TEXT_ACTUAL", "JUDGEMENT"] };
    return finish(max, rule, "实际完成值是文字、没有数值，未写未达成，按达成计", [...flags, "TEXT_ACTUAL"]);
  }

  const dir: Direction = method === "negative" || method === "negative-linear" ? "<=" : method === "positive" ? ">=" : method === "equal" ? "=" : indicatorDirection(target, input.name);
  // Written as lists on both sides (100%、80%、100%): pair them in order.
  const byPosition = target.quantities.length > 1 && target.quantities.length === actual.quantities.length && target.quantities.every((t, i) => baseUnit(t.unit) === baseUnit(actual.quantities[i].unit));
  const pairs: [Quantity, Quantity][] = [];
  // The actual picked for a unit is the same for every target quantity of that unit: pick it once, so a
  // cell with thousands of numbers on both sides stays linear.
  const picked = new Map<string, Quantity | null>();
  for (const [i, t] of target.quantities.entries()) {
    let chosen: Quantity | null | undefined = byPosition ? actual.quantities[i] : picked.get(t.unit);
    if (chosen === undefined) {
      const candidates = matching(t, actual);
      chosen = candidates.length ? pick(candidates, dir) : null;
      picked.set(t.unit, chosen);
    }
    if (!chosen) {
      const units = (qs: Quantity[]) => [...new Set(qs.map((x) => x.unit || "无单位"))].join("、");
      return { score: null, basis: `目标值（${units(target.quantities)}）与实际完成值（${units(actual.quantities)}）计量单位不同，无法比较`, flags: [...flags, "INCOMPARABLE", "JUDGEMENT"] };
    }
    pairs.push([t, chosen]);
  }
  const ratios = pairs.map(([t, a]) => ratio(t.value, a.value, dir, method));
  const r = ratios.reduce((s, x) => s.plus(x), new Decimal(0)).dividedBy(ratios.length);
  if (r.lt(1)) flags.push("NOT_ACHIEVED");
  if (dir !== "<=" && pairs.some(([t, a]) => !t.value.isZero() && a.value.gte(t.value.times(1.3)))) flags.push("EXCEEDED");
  const shown = pairs.map(([t, a]) => `${q(a)} / ${dir === "<=" ? "≤" : dir === "=" ? "=" : "≥"}${q(t)}`).join("，");
  const form = pairs.length === 1 ? ruleForms(max, rule, pairs[0][0], pairs[0][1], dir, r) : null;
  if (form) return finish(form.base, rule, `${shown}，${form.how}`, form.base.lt(max) ? [...new Set([...flags, "NOT_ACHIEVED" as Flag])] : flags.filter((f) => f !== "NOT_ACHIEVED"));
  const how = r.gte(1) ? "达到目标，得满分" : `完成比率 ${pct(r)}${dir === "<=" && method === "negative-linear" ? "（反向线性）" : ""}`;
  return finish(max.times(r), rule, `${shown}，${how}`, flags);
}

/** 预算执行率 = 执行数 / 预算数, capped at 100%; score = 分值 × 执行率. */
export function scoreBudget(budget: Decimal, executed: Decimal, weight: Decimal): IndicatorScore {
  if (budget.lte(0)) return { score: null, basis: "预算数应大于 0", flags: ["JUDGEMENT"] };
  const rate = Decimal.min(1, executed.dividedBy(budget));
  return { score: round2(weight.times(rate)), basis: `执行率 ${pct(rate)}`, flags: rate.lt(1) ? ["NOT_ACHIEVED"] : [] };
}

/** 优/良/中/差 for a total of 0–100; null outside (a 总分 over 100 is an error, not 优). */
export function grade(total: Decimal): "优" | "良" | "中" | "差" | null {
  if (total.gt(100) || total.lt(0)) return null;
  if (total.gte(90)) return "优";
  if (total.gte(80)) return "良";
  if (total.gte(60)) return "中";
  return "差";
}
