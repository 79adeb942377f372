// 评分标准 text read into what it says: the standard ratio wording, score bands ("95%-100%得20分"),
// a reduced maximum ("计满分(9分)") and deductions ("扣1分"); overlapping bands are reported.
import { Decimal, toHalfWidth } from "../money";

export interface Band {
  from: Decimal;
  to: Decimal;
  score: Decimal;
  text: string;
}

export interface ScoringRule {
  text: string;
  bands: Band[];
  /** 满分(N分): the most the row can score, when below its 分值. */
  maximum: Decimal | null;
  /** Every 扣N分 in the rule, added up. */
  deduction: Decimal;
  /** Pairs of bands that overlap (more than a shared edge): the rule is ambiguous there. */
  overlaps: [Band, Band][];
}

const BAND = /(\d+(?:\.\d+)?)%?\s*[-~—–至到]\s*(\d+(?:\.\d+)?)%?\s*(?:\(含\))?[,，]?\s*得\s*(\d+(?:\.\d+)?)\s*分/g;

export function readRule(raw: unknown): ScoringRule {
  const text = toHalfWidth(raw === null || raw === undefined ? "" : String(raw)).replace(/（/g, "(").replace(/）/g, ")");
  const bands = [...text.matchAll(BAND)].map((m) => {
    const [a, b] = [new Decimal(m[1]), new Decimal(m[2])];
    return { from: Decimal.min(a, b), to: Decimal.max(a, b), score: new Decimal(m[3]), text: m[0] };
  });
  const max = /满分\s*\(\s*(\d+(?:\.\d+)?)\s*分\s*\)/.exec(text);
  const deduction = [...text.matchAll(/扣\s*(\d+(?:\.\d+)?)\s*分/g)].reduce((s, m) => s.plus(m[1]), new Decimal(0));
  const overlaps: [Band, Band][] = [];
  bands.forEach((a, i) => bands.slice(i + 1).forEach((b) => Decimal.min(a.to, b.to).gt(Decimal.max(a.from, b.from)) && overlaps.push([a, b])));
  return { text, bands, maximum: max ? new Decimal(max[1]) : null, deduction, overlaps };
}

/** The band an actual value falls in: the first listed that holds it; above them all, the highest; below, none. */
export function bandScore(rule: ScoringRule, actual: Decimal): Decimal {
  const hit = rule.bands.find((b) => actual.gte(b.from) && actual.lte(b.to));
  if (hit) return hit.score;
  const top = rule.bands.reduce<Band | null>((t, b) => (!t || b.to.gt(t.to) ? b : t), null);
  return top && actual.gt(top.to) ? top.score : new Decimal(0);
}
