// Excel's built-in number formats: a cell format may name one by numFmtId alone, with no <numFmt> in styles.xml
// (ECMA-376 Part 1 §18.8.30 numFmt, listed on
// https://learn.microsoft.com/dotnet/api/documentformat.openxml.spreadsheet.numberingformat).

/** The ids every locale shares, as ExcelJS reads them (lib/xlsx/defaultnumformats.js). */
const ALL_LANGUAGES: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * 27–36 and 50–58 depend on the UI language: §18.8.30 lists them for zh-cn, zh-tw, ja-jp and ko-kr, and in each
 * of the four every one of them is a date or a time. ExcelJS keeps the same table but reads these ids as no
 * format at all, so a date came out as its serial number (45721 for 3月5日). A Chinese, Japanese or Korean Excel
 * writes them when one of its own date formats is picked (SheetJS/sheetjs#2349: id 30 from a Chinese Excel).
 * The codes here are zh-cn's, the language of the people who fill in these tables.
 */
const ZH_CN: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a built-in format id, or undefined for an id that has none (5–8, 23–26, 41–44, 59 and up). */
export function builtinFormat(id: number): string | undefined {
  return ALL_LANGUAGES[id] ?? ZH_CN[id];
}

/** The locale-dependent ids, for tests. */
export const EAST_ASIAN_DATE_IDS: readonly number[] = Object.keys(ZH_CN).map(Number);
