// 评分标准 text read into what it says: the standard ratio wording, score bands ("95%-100%得20分"), a
// threshold for full marks ("大于90%得满分"), a deduction per step below it ("每降低1%扣0.5分"), nothing
// below target ("未达到不得分"), a reduced maximum ("计满分(9分)", "满分10分") and flat deductions ("扣1分");
// overlapping bands are reported. The text is normalised (NFKC, no white space) before any pattern runs,
// and every pattern starts where a number starts, so reading stays linear in the text's length.
import { Decimal } from "../money";
import { firstMatches, normalizeText } from "./quantity";

export interface Band {
  from: Decimal;
  to: Decimal;
  score: Decimal;
  text: string;
}

export interface ScoringRule {
  text: string;
  bands: Band[];
  /** 满分(N分) / 满分N分: the most the row can score, when below its 分值. */
  maximum: Decimal | null;
  /** Every flat 扣N分 in the rule (not the per-step ones), added up. */
  deduction: Decimal;
  /** 大于N%得满分 / 达到N%以上得满分: full marks from this value up. */
  fullFrom: Decimal | null;
  /** 每降低N%扣M分: M points for every N below `fullFrom` (or the target). */
  perStep: { step: Decimal; points: Decimal } | null;
  /** 未达到(目标值)不得分: anything short of the target scores 0. */
  allOrNothing: boolean;
  /** Pairs of bands that overlap (more than a shared edge): the rule is ambiguous there. */
  overlaps: [Band, Band][];
  /** More bands or deductions than any real rule has (MAX_NUMBERS): not read further. */
  tooMany: boolean;
}

const N = "(\\d+(?:\\.\\d+)?)";
const BAND = new RegExp(`(?<![\\d.])${N}%?[-~—–至到]${N}%?(?:\\(含\\))?[,]?得${N}分`, "g");
const MAXIMUM = new RegExp(`满分\\(?${N}分`);
const FULL_FROM = new RegExp(`(?:大于|高于|超过|达到|达|≥|>=|>|不低于)${N}%?(?:以上|及以上)?(?:的|时)?[,]?(?:得|计)满分`);
const PER_STEP = new RegExp(`每(?:降低|减少|下降|低于|少|超过|增加|延迟|推迟)${N}(?:%|个百分点|个|次|天|日|人|家|项)?[,]?扣${N}分`, "g");
const DEDUCTION = new RegExp(`(?<!\\d)扣${N}分`, "g");
const ALL_OR_NOTHING = /(?:未达到|未完成|未达标|达不到)(?:目标值?|年度目标|指标值)?(?:的|时)?[,]?(?:不得分|得0分|不计分)/;

export function readRule(raw: unknown): ScoringRule {
  const text = normalizeText(raw);
  const [bandsFound, stepsFound, deductionsFound] = [firstMatches(BAND, text), firstMatches(PER_STEP, text), firstMatches(DEDUCTION, text)];
  const bands = bandsFound.matches.map((m) => {
    const [a, b] = [new Decimal(m[1]), new Decimal(m[2])];
    return { from: Decimal.min(a, b), to: Decimal.max(a, b), score: new Decimal(m[3]), text: m[0] };
  });
  const max = MAXIMUM.exec(text);
  const steps = stepsFound.matches;
  // A per-step deduction is not a flat one: leave its 扣M分 out of the sum.
  const stepEnds = new Set(steps.map((m) => (m.index ?? 0) + m[0].length));
  const deduction = deductionsFound.matches.filter((m) => !stepEnds.has((m.index ?? 0) + m[0].length)).reduce((s, m) => s.plus(m[1]), new Decimal(0));
  const fullFrom = FULL_FROM.exec(text);
  return { text, bands, maximum: max ? new Decimal(max[1]) : null, deduction, fullFrom: fullFrom ? new Decimal(fullFrom[1]) : null, perStep: steps.length ? { step: new Decimal(steps[0][1]), points: new Decimal(steps[0][2]) } : null, allOrNothing: ALL_OR_NOTHING.test(text), overlaps: overlapping(bands), tooMany: bandsFound.more || stepsFound.more || deductionsFound.more };
}

/** Bands that overlap by more than a shared edge, found in one sweep by lower bound (not by every pair). */
function overlapping(bands: Band[]): [Band, Band][] {
  const overlaps: [Band, Band][] = [];
  let widest: Band | null = null;
  for (const b of [...bands].sort((x, y) => x.from.comparedTo(y.from))) {
    if (widest && widest.to.gt(b.from) && Decimal.min(widest.to, b.to).gt(b.from)) overlaps.push([widest, b]);
    if (!widest || b.to.gt(widest.to)) widest = b;
  }
  return overlaps;
}

/** The band an actual value falls in: the first listed that holds it; above them all, the highest; below, none. */
export function bandScore(rule: ScoringRule, actual: Decimal): Decimal {
  const hit = rule.bands.find((b) => actual.gte(b.from) && actual.lte(b.to));
  if (hit) return hit.score;
  const top = rule.bands.reduce<Band | null>((t, b) => (!t || b.to.gt(t.to) ? b : t), null);
  return top && actual.gt(top.to) ? top.score : new Decimal(0);
}
