// What Excel stores when a value is written through Range.values or Range.formulas: the string is read as if it
// was typed. "95%" becomes 0.95 formatted as a percent, "1,234.5" a number, "2024-01-31" a date serial, "TRUE"
// a boolean, and a leading = (or a + or - that does not start a number) makes a formula. A leading apostrophe, or
// the cell's text format "@", keeps the string as text.
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member ("If the returned
// value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."),
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values (values and number
// formats set together; a string written to a text-formatted cell is kept as text).
import type { CellValue } from "../../src/core/money";

export interface Stored {
  value: CellValue;
  formula?: string;
  /** The number format Excel gives the cell when it recognises a percent or a date; undefined leaves it as it was. */
  numberFormat?: string;
  /** Kept as text by a leading apostrophe (Excel's "quote prefix"). */
  quoted?: boolean;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function parseNumber(s: string): number | null {
  if (!/\d/.test(s) || !NUMBER.test(s)) return null;
  return Number(s.replace(/,/g, ""));
}

/** Days since 1899-12-30, Excel's date serial. */
function serial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

export function coerceInput(input: unknown, currentFormat: string | undefined): Stored {
  if (input === null || input === undefined || input === "") return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const s = String(input);
  if (currentFormat === "@") return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), quoted: true };
  if (s.startsWith("=") && s.length > 1) return { value: null, formula: s };
  const trimmed = s.trim();
  const n = parseNumber(trimmed);
  if (n !== null) return { value: n, ...(trimmed.includes(",") ? { numberFormat: "#,##0.00" } : {}) };
  const pct = /^([+-]?[\d.,]+)\s*%$/.exec(trimmed);
  if (pct) {
    const p = parseNumber(pct[1]);
    if (p !== null) return { value: Number((p / 100).toPrecision(15)), numberFormat: pct[1].includes(".") ? "0.00%" : "0%" };
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (date) {
    const d = serial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (d !== null) return { value: d, numberFormat: "yyyy/m/d" };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === "TRUE" };
  // "+abc" and "-abc" are taken as formulas; a lone sign is text.
  if ((s.startsWith("+") || s.startsWith("-")) && s.length > 1) return { value: null, formula: `=${s}` };
  return { value: s };
}

function groupThousands(digits: string): string {
  const sign = digits.startsWith("-") ? "-" : "";
  const body = sign ? digits.slice(1) : digits;
  const parts: string[] = [];
  for (let end = body.length; end > 0; end -= 3) parts.unshift(body.slice(Math.max(0, end - 3), end));
  return sign + parts.join(",");
}

/** The text Excel displays for a value in a number format (the formats the add-in and the samples use). */
export function displayText(value: CellValue, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const f = format ?? "General";
  const pct = /^0(?:\.(0+))?%$/.exec(f);
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(f);
  if (fixed) {
    const [whole, fraction] = value.toFixed(fixed[2]?.length ?? 0).split(".");
    const grouped = fixed[1] ? groupThousands(whole) : whole;
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
  }
  if (f === "yyyy/m/d") {
    const d = new Date(Date.UTC(1899, 11, 30) + value * 86400000);
    return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  }
  return String(Number(value.toPrecision(11)));
}
