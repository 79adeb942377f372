// The arithmetic of every rule: exact sums, differences to the cent, and the 尾差 envelope that decides between
// a rounding warning and an error (docs/rules.md). A rule never passes in silence for want of an operand: an
// operand that was not read makes it say 未能校验, one the template does not print makes it not applicable.
import { type Figures, type Finding, type Severity, type TableId, finding } from "../findings";
import { type Absent, type Amount, type Ref, amountCents, amountValue, isAbsent, qualified } from "../model";
import { Decimal, cents, formatAmount, formatCents, sum } from "../money";

export interface CheckOptions {
  /** Every nonzero difference is an error. */
  strict?: boolean;
  /** Envelope for a figure that should equal one figure elsewhere (万元). Default 0.01. */
  equalTolerance?: string;
  /** Envelope per printed part of a sum: tolerance = perPart × (n + 1), down to the cent. Default 0.005. */
  perPartTolerance?: string;
  /** `cents` (default): an identity whose figures all have at most 2 decimals is first checked in integer cents,
   *  and only one that does not hold is worked out again in Decimal. `decimal`: Decimal throughout (the reference). */
  arithmetic?: "cents" | "decimal";
}

/** A signed operand of a sum (表8: 6栏 = 1 + 2 − 3). */
export interface Operand {
  ref: Ref;
  sign: 1 | -1;
}

export type Part = Ref | Operand;

/** What a rule is about: the table it reports on and the words for the figure checked (worked out only
 *  when there is something to report: most of the thousands of identities in a table hold). */
export interface Subject {
  rule: string;
  table: TableId;
  what: string | (() => string);
}

/** A rule that does not apply to a table: the template does not print what it needs. Listed once. */
export interface NotApplicable {
  rule: string;
  table: TableId;
  why: string;
}

const ZERO = new Decimal(0);

const words = (what: Subject["what"]) => (typeof what === "string" ? what : what());

export function minus(ref: Ref): Operand {
  return { ref, sign: -1 };
}

function toOperand(p: Part): Operand {
  return "ref" in p ? p : { ref: p, sign: 1 };
}

/** A value, or the reason there is none: absent, or a cell that could not be read. */
type Resolved = { ok: true; value: Decimal } | { ok: false; problem: Absent | Amount };

/** A ref's value in cents where that is exact (blank, and a part not printed, are 0); null leaves it to Decimal. */
function fastCents(r: Ref): number | null {
  if ("absent" in r) return r.notPrinted ? 0 : null;
  return amountCents(r);
}

/** A running total of cents that is still exact: past 2^53 a double rounds, and Decimal must decide. */
export function isSafeCents(total: number): boolean {
  return total <= Number.MAX_SAFE_INTEGER && total >= -Number.MAX_SAFE_INTEGER;
}

function resolve(r: Ref): Resolved {
  if (isAbsent(r)) return r.notPrinted ? { ok: true, value: ZERO } : { ok: false, problem: r };
  const v = amountValue(r);
  return v === undefined ? { ok: false, problem: r } : { ok: true, value: v };
}

export class Checker {
  readonly findings: Finding[] = [];
  readonly notApplicable: NotApplicable[] = [];
  private readonly reported = new Set<string>();
  private readonly equalTolerance: Decimal;
  private readonly perPart: Decimal;
  /** The integer-cents fast path is on (CheckOptions.arithmetic). */
  readonly fast: boolean;

  constructor(private readonly options: CheckOptions = {}) {
    this.equalTolerance = new Decimal(options.equalTolerance ?? "0.01");
    this.perPart = new Decimal(options.perPartTolerance ?? "0.005");
    this.fast = options.arithmetic !== "decimal";
  }

  /** The fast path: the identity holds exactly in integer cents. Anything else (a difference, an operand that
   *  is absent, unreadable or finer than a cent) goes the Decimal way, which decides and reports. */
  private holdsInCents(target: Ref, parts: readonly Part[]): boolean {
    if (!this.fast || isAbsent(target)) return false;
    const t = fastCents(target);
    if (t === null) return false;
    let total = 0;
    for (const p of parts) {
      const c = "ref" in p ? fastCents(p.ref) : fastCents(p);
      if (c === null) return false;
      total += "ref" in p && p.sign === -1 ? -c : c;
      if (!isSafeCents(total)) return false;
    }
    return total === t;
  }

  /** `target` must equal the signed sum of `parts`; a part the template does not print counts as 0. */
  sum(subject: Subject, target: Ref, parts: readonly Part[], partsWhat: string): void {
    if (this.holdsInCents(target, parts)) return;
    const found = this.target(subject, target);
    if (!found) return;
    const amounts: Amount[] = [];
    const defined: Decimal[] = [];
    for (const part of parts) {
      const o = toOperand(part);
      const r = resolve(o.ref);
      if (!r.ok) return this.unchecked(subject, r.problem);
      if (isAbsent(o.ref)) continue;
      amounts.push(o.ref);
      defined.push(o.sign === -1 ? r.value.negated() : r.value);
    }
    const tolerance = () => {
      const nonzero = defined.filter((v) => !v.isZero()).length;
      return this.perPart.times(nonzero + 1).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    };
    this.report(subject, found.amount, amounts, sum(defined), found.value, tolerance, `${partsWhat}之和`);
  }

  /** `target` must equal `other`, a single figure (in this or another table). */
  equal(subject: Subject, target: Ref, other: Ref, otherWhat: string): void {
    if (!isAbsent(other) && this.holdsInCents(target, [other])) return;
    const found = this.target(subject, target);
    if (!found) return;
    if (isAbsent(other) && other.notPrinted) return this.notApplies(subject, other);
    const expected = resolve(other);
    if (!expected.ok) return this.unchecked(subject, expected.problem);
    this.report(subject, found.amount, isAbsent(other) ? [] : [other], expected.value, found.value, () => this.equalTolerance, otherWhat);
  }

  /** `target` must equal a value computed elsewhere (a missing row counts as 0). */
  equalValue(subject: Subject, target: Ref, expected: Decimal, related: Amount[], otherWhat: string): void {
    const found = this.target(subject, target);
    if (!found) return;
    const bad = related.find((a) => amountValue(a) === undefined);
    if (bad) return this.unchecked(subject, bad);
    this.report(subject, found.amount, related, expected, found.value, () => this.equalTolerance, otherWhat);
  }

  /** atMost's fast path for a caller that has the cents of both sides (undefined: not printed, null: not exact):
   *  true when `target` is within `limit` in exact cents, and atMost would say nothing. */
  holdsAtMost(target: number | null | undefined, limit: number | null): boolean {
    return this.fast && target !== null && limit !== null && (target === undefined || target <= limit);
  }

  /** `target` must not exceed `limit` (blank is 0 on both sides); an inequality: a warning unless the rule says otherwise. */
  atMost(subject: Subject, target: Ref, limit: Ref, limitWhat: string, severity: Severity = "warning"): void {
    if (isAbsent(target) && target.notPrinted) return; // not printed: 0, which no limit can be under
    if (this.fast && !isAbsent(target)) {
      const t = fastCents(target);
      const b = fastCents(limit);
      if (this.holdsAtMost(t, b)) return;
      if (t !== null && b !== null && isSafeCents(t - b) && isSafeCents(Math.abs(t) + Math.abs(b))) {
        // Over the limit by exactly t − b cents: the words Decimal would give (formatCents = formatAmount).
        return this.over(subject, severity, target, limit, limitWhat, formatCents(t), formatCents(b), formatCents(t - b));
      }
    }
    const found = this.target(subject, target);
    if (!found) return;
    const bound = resolve(limit);
    if (!bound.ok) return this.unchecked(subject, bound.problem);
    if (found.value.lte(bound.value)) return;
    const excess = cents(found.value.minus(bound.value));
    if (excess.lte(0)) return;
    this.over(subject, severity, found.amount, limit, limitWhat, formatAmount(found.value), formatAmount(bound.value), formatAmount(excess));
  }

  /** The finding of atMost: `found` is over `bound` by `excess` (all three formatted to the cent). */
  private over(subject: Subject, severity: Severity, target: Amount, limit: Ref, limitWhat: string, found: string, bound: string, excess: string): void {
    this.flag(subject, this.options.strict ? "error" : severity, target, `${words(subject.what)} ${found} 超过${limitWhat} ${bound}，超出 ${excess}`, {
      related: isAbsent(limit) ? [] : [qualified(limit)],
      expected: `≤ ${bound}`,
      found,
      difference: excess,
    });
  }

  /** A finding of a rule about a cell (or about the table, when `at` is a sheet name). */
  flag(subject: Subject, severity: Severity, at: Amount | { sheet: string; cells: string[] }, message: string, figures?: Partial<Figures>): void {
    const [sheet, cells] = "address" in at ? [at.sheet, [at.address]] : [at.sheet, at.cells];
    this.findings.push(finding({ rule: subject.rule, table: subject.table, sheet }, severity, cells, message, figures));
  }

  /** The rule does not apply to this table (the template does not print what it needs): listed once. */
  notApplies(subject: Pick<Subject, "rule" | "table">, why: Absent | string): void {
    const text = typeof why === "string" ? why : `${why.what}：${why.why}`;
    const key = `${subject.rule}\u0000${subject.table}\u0000${text}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.notApplicable.push({ rule: subject.rule, table: subject.table, why: text });
  }

  /** The target's value, or nothing after saying why the rule could not run. */
  private target(subject: Subject, target: Ref): { amount: Amount; value: Decimal } | null {
    if (isAbsent(target)) {
      if (target.notPrinted) this.notApplies(subject, target);
      else this.unchecked(subject, target);
      return null;
    }
    const v = amountValue(target);
    if (v === undefined) {
      this.unchecked(subject, target);
      return null;
    }
    return { amount: target, value: v };
  }

  /** One warning per rule and operand: the rule could not run, which operand stopped it, and why. */
  private unchecked(subject: Subject, problem: Absent | Amount): void {
    const operand = isAbsent(problem) ? problem.what : qualified(problem);
    const key = `${subject.rule}\u0000${subject.table}\u0000${operand}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const why = isAbsent(problem) ? problem.why : problem.read.kind === "invalid" ? `无法读取为金额（${problem.read.reason}）` : "无法读取";
    const sheet = isAbsent(problem) ? "" : problem.sheet;
    this.findings.push(finding({ rule: subject.rule, table: subject.table, sheet }, "warning", [], `未能校验 ${subject.rule}（${words(subject.what)}）：${operand} ${why}`));
  }

  /** `envelope` is only worked out when there is a difference: most identities hold. */
  private report(subject: Subject, target: Amount, related: Amount[], expected: Decimal, found: Decimal, envelope: () => Decimal, otherWhat: string): void {
    if (found.eq(expected)) return;
    const difference = cents(found.minus(expected));
    if (difference.isZero()) return;
    const tolerance = envelope();
    const rounding = !this.options.strict && difference.abs().lte(tolerance);
    const signed = difference.isPositive() ? `+${formatAmount(difference)}` : formatAmount(difference);
    this.flag(
      subject,
      rounding ? "warning" : "error",
      target,
      `${words(subject.what)}应等于${otherWhat} ${formatAmount(expected)}，实为 ${formatAmount(found)}，差额 ${signed}` + (rounding ? `（尾差，在 ${formatAmount(tolerance)} 容差内）` : ""),
      {
        related: related.filter((a) => a !== target).map(qualified),
        expected: formatAmount(expected),
        found: formatAmount(found),
        difference: formatAmount(difference),
        rounding,
      },
    );
  }
}
