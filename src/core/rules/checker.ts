// The arithmetic of every rule: exact sums, differences to the cent, and the 尾差 envelope that decides
// between a rounding warning and an error (DOMAIN.md §3).
import type { Finding, TableId } from "../findings";
import { type Amount, amountValue, qualified } from "../model";
import { Decimal, cents, formatAmount, sum } from "../money";

export interface CheckOptions {
  /** Every nonzero difference is an error. */
  strict?: boolean;
  /** Envelope for a figure that should equal one figure elsewhere (万元). Default 0.01. */
  equalTolerance?: string;
  /** Envelope per printed part of a sum: tolerance = perPart × (n + 1), down to the cent. Default 0.005. */
  perPartTolerance?: string;
}

export interface Operand {
  amount: Amount | undefined;
  sign?: 1 | -1;
}

/** What a rule is about: the table it reports on and the words for the figure checked (worked out only
 *  when there is something to report: most of the thousands of identities in a table hold). */
export interface Subject {
  rule: string;
  table: TableId;
  what: string | (() => string);
}

const ZERO = new Decimal(0);

const words = (what: Subject["what"]) => (typeof what === "string" ? what : what());

/** A part subtracted from a sum (表8: 6栏 = 1 + 2 − 3). */
export function minus(amount: Amount | undefined): Operand {
  return { amount, sign: -1 };
}

function toOperand(p: Amount | Operand | undefined): Operand | undefined {
  if (p === undefined) return undefined;
  return "read" in p ? { amount: p } : p;
}

export class Checker {
  readonly findings: Finding[] = [];
  private readonly equalTolerance: Decimal;
  private readonly perPart: Decimal;

  constructor(private readonly options: CheckOptions = {}) {
    this.equalTolerance = new Decimal(options.equalTolerance ?? "0.01");
    this.perPart = new Decimal(options.perPartTolerance ?? "0.005");
  }

  /** `target` must equal the signed sum of `parts`. */
  sum(subject: Subject, target: Amount | undefined, parts: readonly (Amount | Operand | undefined)[], partsWhat: string): void {
    if (!target) return;
    const found = amountValue(target);
    if (found === undefined) return;
    const amounts: Amount[] = [];
    const defined: Decimal[] = [];
    for (const part of parts) {
      const o = toOperand(part);
      if (!o?.amount) continue;
      const v = amountValue(o.amount);
      if (v === undefined) return; // an unreadable cell was reported already; never count it as 0
      amounts.push(o.amount);
      defined.push(o.sign === -1 ? v.negated() : v);
    }
    const tolerance = () => {
      const nonzero = defined.filter((v) => !v.isZero()).length;
      return this.perPart.times(nonzero + 1).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    };
    this.report(subject, target, amounts, sum(defined), found, tolerance, `${partsWhat}之和`);
  }

  /** `target` must equal `other`, a single figure (in this or another table). */
  equal(subject: Subject, target: Amount | undefined, other: Amount | undefined, otherWhat: string): void {
    if (!target || !other) return;
    const found = amountValue(target);
    const expected = amountValue(other);
    if (found === undefined || expected === undefined) return;
    this.report(subject, target, [other], expected, found, () => this.equalTolerance, otherWhat);
  }

  /** `target` must equal a value computed elsewhere (a missing row counts as 0). */
  equalValue(subject: Subject, target: Amount | undefined, expected: Decimal, related: Amount[], otherWhat: string): void {
    if (!target) return;
    const found = amountValue(target);
    if (found === undefined || related.some((a) => amountValue(a) === undefined)) return;
    this.report(subject, target, related, expected, found, () => this.equalTolerance, otherWhat);
  }

  /** `target` must not exceed `limit` (an inequality: a warning unless the rule says otherwise). */
  atMost(subject: Subject, target: Amount | undefined, limit: Amount | undefined, limitWhat: string, severity: Finding["severity"] = "warning"): void {
    if (!target) return;
    const found = amountValue(target);
    const bound = limit ? amountValue(limit) : ZERO;
    if (found === undefined || bound === undefined || found.lte(bound)) return;
    const excess = cents(found.minus(bound));
    if (excess.lte(0)) return;
    this.push({
      rule: subject.rule,
      severity: this.options.strict ? "error" : severity,
      table: subject.table,
      sheet: target.sheet,
      cells: [target.address],
      related: limit ? [qualified(limit)] : [],
      expected: `≤ ${formatAmount(bound)}`,
      found: formatAmount(found),
      difference: formatAmount(excess),
      message: `${words(subject.what)} ${formatAmount(found)} 超过${limitWhat} ${formatAmount(bound)}，超出 ${formatAmount(excess)}`,
    });
  }

  push(finding: Finding): void {
    this.findings.push(finding);
  }

  /** `envelope` is only worked out when there is a difference: most identities hold. */
  private report(subject: Subject, target: Amount, related: Amount[], expected: Decimal, found: Decimal, envelope: () => Decimal, otherWhat: string): void {
    if (found.eq(expected)) return;
    const difference = cents(found.minus(expected));
    if (difference.isZero()) return;
    const tolerance = envelope();
    const rounding = !this.options.strict && difference.abs().lte(tolerance);
    const signed = difference.isPositive() ? `+${formatAmount(difference)}` : formatAmount(difference);
    this.push({
      rule: subject.rule,
      severity: rounding ? "warning" : "error",
      table: subject.table,
      sheet: target.sheet,
      cells: [target.address],
      related: related.filter((a) => a !== target).map(qualified),
      expected: formatAmount(expected),
      found: formatAmount(found),
      difference: formatAmount(difference),
      message:
        `${words(subject.what)}应等于${otherWhat} ${formatAmount(expected)}，实为 ${formatAmount(found)}，差额 ${signed}` +
        (rounding ? `（尾差，在 ${formatAmount(tolerance)} 容差内）` : ""),
      ...(rounding ? { rounding: true } : {}),
    });
  }
}
