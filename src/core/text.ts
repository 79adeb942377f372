// Labels are matched after normalising what templates and PDFs vary: width, brackets, quotes, spaces, numbering.
import type { CellValue } from "./grid";

/** Full-width digits and punctuation to ASCII (U+FF01–FF5E), ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v);
}

/** Half-width, ASCII brackets, no quotes, no white space. */
export function normalizeLabel(v: CellValue | undefined): string {
  const text = cellText(v);
  // Codes and plain numbers are ASCII: only white space to drop.
  if (!/[^ -~]/.test(text)) return text.replace(/["'\s]+/g, "");
  return toHalfWidth(text)
    .replace(/[“”"‘’'「」『』]/g, "")
    .replace(/[〔【［]/g, "(")
    .replace(/[〕】］]/g, ")")
    .replace(/\s+/g, "");
}

/** Drop list numbering such as `一、`, `（一）`, `1.`, `其中：` in front of an item. */
export function stripNumbering(label: string): string {
  return label
    .replace(/^\(?[一二三四五六七八九十]+(\)|、)/, "")
    .replace(/^\d+[、.．]/, "")
    .replace(/^其中[:：]?/, "");
}
