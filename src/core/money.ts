// Amounts: every way a person writes one in a 决算 table, read exactly with decimal.js.
import Decimal from "decimal.js";
import type { CellValue } from "./grid";
import { toHalfWidth } from "./text";

export { Decimal };
// Kept here too for the callers that import them from money (they live in grid.ts and text.ts).
export type { CellValue };
export { toHalfWidth };

// decimal.js rounds every result to 20 significant digits by default: 10^18 + 0.01 would lose its cent.
// 40 digits hold any amount Excel can show (15 digits) with its cents, summed many times over.
Decimal.set({ precision: 40 });

export type AmountRead =
  /** Nothing written: empty, `-`, `—`. Counts as 0 in sums, but an empty table knows the difference. */
  | { kind: "blank"; dash: boolean }
  /** A number. `note` says how it was read when it was not a plain number (text, brackets, full width …).
   *  `cents` is the same amount × 100 when that is an exact safe integer (at most 2 decimals): the checker's
   *  fast path; `value` (worked out on first use) is the exact reference. */
  | { kind: "amount"; value: Decimal; cents: number | null; note?: string }
  /** Anything else (`见附表`, `#REF!`): never a silent 0. */
  | { kind: "invalid"; reason: string };

const DASHES = new Set(["-", "—", "－", "–", "——", "/", "\\"]);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)/i;

/** A double from Excel carries float noise (23327.909999999996); 15 significant digits is what Excel itself shows. */
export function fromNumber(n: number): Decimal {
  const shortest = String(n);
  // Most cells print in 15 digits or fewer (610.4): one Decimal, no rounding needed.
  if (shortest.length <= 15) return new Decimal(shortest);
  const digits = shortest.split("e")[0].replace(/[-.]/g, "").replace(/^0+/, "").length;
  return digits <= 15 ? new Decimal(shortest) : new Decimal(n).toSignificantDigits(15);
}

/** Digits of a plain decimal string rounded half-up to 15 significant digits, as fromNumber and Decimal do. */
function round15(int: string, frac: string): { int: string; frac: string } {
  const digits = int + frac;
  const lead = digits.search(/[1-9]/);
  if (lead < 0 || digits.length - lead <= 15) return { int, frac };
  const keep = lead + 15;
  let kept = digits.slice(0, keep);
  let intLength = int.length;
  if (digits.charCodeAt(keep) >= 53) {
    const bumped = (BigInt(kept) + 1n).toString().padStart(kept.length, "0");
    if (bumped.length > kept.length) intLength++; // 99…9 rounded up to 100…0: one more integer digit
    kept = bumped;
  }
  const full = kept.padEnd(Math.max(intLength, kept.length), "0");
  return { int: full.slice(0, intLength), frac: full.slice(intLength) };
}

/** The amount × 100 as a safe integer when the decimal `text` (`-610.4`) has at most 2 decimals — after
 *  rounding to 15 significant digits where `round` (a number from Excel, as fromNumber reads it); null
 *  otherwise (the checker then uses Decimal). */
export function centsOf(text: string, round: boolean): number | null {
  const m = /^([-+]?)(\d{1,13})(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const { int, frac } = round ? round15(m[2], m[3] ?? "") : { int: m[2], frac: m[3] ?? "" };
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--; // trailing zeros, without a regex (linear)
  const decimals = frac.slice(0, end);
  if (decimals.length > 2) return null;
  const cents = Number(int) * 100 + Number(decimals.padEnd(2, "0"));
  return m[1] === "-" && cents !== 0 ? -cents : cents;
}

/** centsOf for a number, without a regex or a string for the usual cell (610.4, 23286.92). Below 10^13 the
 *  nearest integer c to value × 100 is within float error of it; when c / 100 gives back the same double, the
 *  shortest form of the number has at most 2 decimals (in at most 15 digits), and c is its cents exactly.
 *  Anything else (float noise, 3 decimals, beyond 10^13) is read from its shortest form by centsOf. */
export function numberCents(value: number): number | null {
  if (value < 1e13 && value > -1e13) {
    const c = Math.round(value * 100);
    if (c / 100 === value) return c;
  }
  return centsOf(String(value), true);
}

/** formatAmount of an amount given in exact integer cents (a safe integer): the same text, without a Decimal. */
export function formatCents(c: number): string {
  const abs = c < 0 ? -c : c;
  const frac = abs % 100;
  return `${c < 0 ? "-" : ""}${(abs - frac) / 100}.${frac < 10 ? "0" : ""}${frac}`;
}

/** An amount whose Decimal is made on first use: most cells are only ever added up in cents. A class, so that
 *  the thousands of cells of a table share one getter instead of a closure each. */
class LazyAmount {
  readonly kind = "amount" as const;
  private decimal: Decimal | undefined;

  constructor(
    readonly cents: number | null,
    /** A number from Excel (read as fromNumber does), or the digits of a text amount. */
    private readonly source: number | string,
    private readonly negative: boolean,
    readonly note?: string,
  ) {}

  get value(): Decimal {
    if (this.decimal === undefined) {
      const d = typeof this.source === "number" ? fromNumber(this.source) : new Decimal(this.source);
      this.decimal = this.negative ? d.negated() : d;
    }
    return this.decimal;
  }
}

/** The reading of every empty cell, shared: a table is mostly empty cells. */
const BLANK: AmountRead = Object.freeze({ kind: "blank", dash: false });

/** Every character readAmount can read as part of an amount: white space, digits, `,` `.` `(` `)` `+` `-` in half
 *  or full width, and `。`. A text with any other character is not an amount. */
const AMOUNT_CHARACTERS = /^[\s0-9\uFF10-\uFF19,.\uFF0C\uFF0E\u3002()\uFF08\uFF09+\-\uFF0B\uFF0D]*$/;

/** Whether readAmount could read `text` as an amount: false for the labels and names of a table (`款20101`),
 *  without reading them. */
export function couldBeAmount(text: string): boolean {
  return AMOUNT_CHARACTERS.test(text) && /[0-9\uFF10-\uFF19]/.test(text);
}

export function readAmount(value: CellValue | undefined): AmountRead {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", reason: "不是有效数字" };
    return new LazyAmount(numberCents(value), value, false);
  }
  if (typeof value === "boolean") return { kind: "invalid", reason: `逻辑值 ${value ? "TRUE" : "FALSE"} 不是金额` };
  const raw = value;
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  if (EXCEL_ERROR.test(trimmed)) return { kind: "invalid", reason: `单元格为错误值 ${trimmed}` };
  const half = toHalfWidth(trimmed).replace(/。/g, ".").replace(/，/g, ",");
  if (DASHES.has(half.replace(/\s+/g, ""))) return { kind: "blank", dash: true };

  let text = half.replace(/\s+/g, "");
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1];
  }
  // Thousands separators may be written anywhere a PDF put them; only groups of 3 digits are accepted.
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) {
    return { kind: "invalid", reason: `“${raw}” 不是金额` };
  }
  const plain = text.replace(/,/g, "");
  const unsigned = centsOf(plain, false);
  const amountCents = unsigned === null ? null : negative && unsigned !== 0 ? -unsigned : unsigned;

  const notes: string[] = [];
  if (half !== trimmed) notes.push("全角字符");
  if (/\s/.test(trimmed)) notes.push("含空格(疑似从PDF粘贴)");
  if (negative) notes.push("括号表示负数");
  if (/,/.test(text)) notes.push("千位分隔符");
  const note = `以文本形式存储${notes.length ? `(${notes.join("、")})` : ""}`;
  return new LazyAmount(amountCents, plain, negative, note);
}

/** Amounts are compared and shown to the cent, half-up like the printed tables. */
export function cents(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function formatAmount(d: Decimal): string {
  // Decimal#toFixed: exact decimal digits, not Number#toFixed's binary rounding.
  return cents(d).toFixed(2);
}

const ZERO = new Decimal(0);

export function sum(values: readonly Decimal[]): Decimal {
  let total = values.length ? values[0] : ZERO;
  for (let i = 1; i < values.length; i++) total = total.plus(values[i]);
  return total;
}
