// Number format codes: which ones show a number as a date or a time. Excel stores a date as its serial number
// (45721 is 2025-03-05) and says so only in the cell's format; an amount cell holding one holds no amount.

/** ExcelJS's date test (lib/utils/utils.js isDateFmt): quoted text and [..] removed, then y m d h s b. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(withoutSpans(withoutSpans(format, "[", "]"), '"', '"'));
}

/** `text` without its `open…close` spans, in one pass (a regex over an unclosed `[[[…` would be quadratic). */
function withoutSpans(text: string, open: string, close: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf(open, i);
    if (start < 0) return out + text.slice(i);
    const end = text.indexOf(close, start + 1);
    if (end < 0) return out + text.slice(i);
    out += text.slice(i, start);
    i = end + 1;
  }
  return out;
}
