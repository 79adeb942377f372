// Classification codes: 功能分类 类/款/项 = 3/5/7 digits, 经济分类 类/款 = 3/5 digits.
import type { CellValue } from "./grid";
import { cellText, toHalfWidth } from "./text";

export type Level = "类" | "款" | "项";

export function codeLevel(code: string): Level | null {
  if (!isPlainCode(code)) return null;
  return code.length === 3 ? "类" : code.length === 5 ? "款" : "项";
}

export function parentCode(code: string): string | null {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return null;
}

/** What a code cell starts with once trimmed and made half width: an ASCII or full-width digit. */
const STARTS_WITH_DIGIT = /^\s*[0-9\uFF10-\uFF19]/;

/** A code written in one cell, possibly followed by its name (`2010301 行政运行`). */
export function readCodeCell(v: CellValue): { code: string; rest: string } | null {
  if (v === null || typeof v === "boolean") return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 100 && v < 1e7 ? readCodeCell(String(v)) : null;
  if (isPlainCode(v)) return { code: v, rest: "" }; // the usual cell: `2010301`, nothing to normalise or split
  if (!STARTS_WITH_DIGIT.test(v)) return null; // a name (`行政运行`): most cells left of the amounts
  const text = (/[^ -~]/.test(v) ? toHalfWidth(v) : v).trim();
  const m = /^(\d{3}|\d{5}|\d{7})(?!\d)(.*)$/.exec(text);
  return m ? { code: m[1], rest: m[2].trimStart() } : null;
}

/** Whether readCodeCell reads a code in the cell, without building what it reads. */
export function isCodeCell(v: CellValue): boolean {
  return typeof v === "string" && isPlainCode(v) ? true : readCodeCell(v) !== null;
}

/** 3, 5 or 7 ASCII digits and nothing else. */
function isPlainCode(text: string): boolean {
  const n = text.length;
  if (n !== 3 && n !== 5 && n !== 7) return false;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/** One part of a split code (类 `201`, 款 `06`, 项 `01`); numbers lose their leading zero in Excel. */
export function readCodePart(v: CellValue, width: number): string | null {
  const text = toHalfWidth(cellText(v)).trim();
  if (!/^\d+$/.test(text) || text.length > width) return null;
  return text.padStart(width, "0");
}

/** The 26 expense classes of 表1/表4, by code, with the names templates have used for them. */
export const EXPENSE_CLASSES: ReadonlyArray<{ code: string; names: string[] }> = [
  { code: "201", names: ["一般公共服务支出"] },
  { code: "202", names: ["外交支出"] },
  { code: "203", names: ["国防支出"] },
  { code: "204", names: ["公共安全支出"] },
  { code: "205", names: ["教育支出"] },
  { code: "206", names: ["科学技术支出"] },
  { code: "207", names: ["文化旅游体育与传媒支出", "文化体育与传媒支出"] },
  { code: "208", names: ["社会保障和就业支出"] },
  { code: "209", names: ["社会保险基金支出"] },
  { code: "210", names: ["卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"] },
  { code: "211", names: ["节能环保支出"] },
  { code: "212", names: ["城乡社区支出", "城乡社区事务支出"] },
  { code: "213", names: ["农林水支出", "农林水事务支出"] },
  { code: "214", names: ["交通运输支出"] },
  { code: "215", names: ["资源勘探工业信息等支出", "资源勘探信息等支出"] },
  { code: "216", names: ["商业服务业等支出"] },
  { code: "217", names: ["金融支出"] },
  { code: "219", names: ["援助其他地区支出"] },
  { code: "220", names: ["自然资源海洋气象等支出", "国土海洋气象等支出"] },
  { code: "221", names: ["住房保障支出"] },
  { code: "222", names: ["粮油物资储备支出"] },
  { code: "223", names: ["国有资本经营预算支出"] },
  { code: "224", names: ["灾害防治及应急管理支出"] },
  { code: "227", names: ["预备费"] },
  { code: "229", names: ["其他支出"] },
  { code: "231", names: ["债务还本支出"] },
  { code: "232", names: ["债务付息支出"] },
  { code: "233", names: ["债务发行费用支出"] },
  { code: "234", names: ["抗疫特别国债安排的支出", "抗疫特别国债安排支出"] },
];

const CLASS_BY_NAME = new Map<string, string>(
  EXPENSE_CLASSES.flatMap((c) => c.names.map((n) => [n, c.code] as [string, string])),
);

/** The 类 code for an expense row label of 表1/表4 (already normalised and stripped of its numbering). */
export function classCodeForLabel(label: string): string | null {
  return CLASS_BY_NAME.get(label) ?? null;
}

export function className(code: string): string | null {
  return EXPENSE_CLASSES.find((c) => c.code === code)?.names[0] ?? null;
}

export { PERSONNEL_CLASSES, PUBLIC_CLASSES } from "./rules/catalogue";
