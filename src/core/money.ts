// Amounts: every way a person writes one in a 决算 table, read exactly with decimal.js.
import Decimal from "decimal.js";

export { Decimal };

// decimal.js rounds every result to 20 significant digits by default: 10^18 + 0.01 would lose its cent.
// 40 digits hold any amount Excel can show (15 digits) with its cents, summed many times over.
Decimal.set({ precision: 40 });

/** A raw cell value as both Office.js (`range.values`) and the ExcelJS reader deliver it. */
export type CellValue = string | number | boolean | null;

export type AmountRead =
  /** Nothing written: empty, `-`, `—`. Counts as 0 in sums, but an empty table knows the difference. */
  | { kind: "blank"; dash: boolean }
  /** A number. `note` says how it was read when it was not a plain number (text, brackets, full width …). */
  | { kind: "amount"; value: Decimal; note?: string }
  /** Anything else (`见附表`, `#REF!`): never a silent 0. */
  | { kind: "invalid"; reason: string };

const DASHES = new Set(["-", "—", "－", "–", "——", "/", "\\"]);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)/i;

/** Full-width digits and punctuation to ASCII (U+FF01–FF5E), ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** A double from Excel carries float noise (23327.909999999996); 15 significant digits is what Excel itself shows. */
export function fromNumber(n: number): Decimal {
  const shortest = String(n);
  // Most cells print in 15 digits or fewer (610.4): one Decimal, no rounding needed.
  if (shortest.length <= 15) return new Decimal(shortest);
  const digits = shortest.replace(/e.*$/, "").replace(/[-.]/g, "").replace(/^0+/, "").length;
  return digits <= 15 ? new Decimal(shortest) : new Decimal(n).toSignificantDigits(15);
}

export function readAmount(value: CellValue | undefined): AmountRead {
  if (value === null || value === undefined) return { kind: "blank", dash: false };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", reason: "不是有效数字" };
    return { kind: "amount", value: fromNumber(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", reason: `逻辑值 ${value ? "TRUE" : "FALSE"} 不是金额` };
  const raw = value;
  const trimmed = raw.trim();
  if (trimmed === "") return { kind: "blank", dash: false };
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
  let amount = new Decimal(text.replace(/,/g, ""));
  if (negative) amount = amount.negated();

  const notes: string[] = [];
  if (half !== trimmed) notes.push("全角字符");
  if (/\s/.test(trimmed)) notes.push("含空格(疑似从PDF粘贴)");
  if (negative) notes.push("括号表示负数");
  if (/,/.test(text)) notes.push("千位分隔符");
  const note = `以文本形式存储${notes.length ? `(${notes.join("、")})` : ""}`;
  return { kind: "amount", value: amount, note };
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
