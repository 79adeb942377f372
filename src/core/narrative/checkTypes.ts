// What checking a written 情况说明 produces, and how each figure found in it is seen: its role (an amount, a
// budget, a change, a share, a rate) and its subject. Shared by the rule modules beside it.
import type { Severity } from "../findings";
import type { ReadText, TextFigure } from "./reading";
import type { Subject } from "./subjects";

export type NarrativeRule = "表数" | "占比" | "完成率" | "增减" | "分项合计" | "列举合计" | "百分号" | "单位" | "科目名称" | "大于小于" | "无数据说明";

export interface NarrativeFinding {
  rule: NarrativeRule;
  severity: Severity;
  paragraph: number;
  /** The input line (or sheet row) where the paragraph starts. */
  line: number;
  sentence: string;
  /** The figure as written, with its unit. */
  figure: string;
  /** The table cell compared with (`表5!C5`), or what in the text (`文中：收入合计 23,286.92`). */
  comparedWith: string;
  expected: string | null;
  found: string | null;
  difference: string | null;
  message: string;
  /** The other sentences the finding concerns (the parts of a total, the items of a list). */
  also?: string[];
}

export type FigureStatus = { kind: "table"; cell: string } | { kind: "self" } | { kind: "unchecked"; reason: string };

export interface NarrativeCheck {
  findings: NarrativeFinding[];
  figures: { figure: TextFigure; sentence: string; status: FigureStatus }[];
  read: ReadText;
}

export type Role = "level" | "budget" | "change" | "share" | "rate" | "changeRate" | "other";

export interface Fig extends TextFigure {
  role: Role;
  subject: Subject | null;
  /** For a change: against 年初预算 or last year; its sign. */
  base?: "budget" | "last";
  decrease?: boolean;
  /** For a share: the words after 占 (本年支出合计 …). */
  denominator?: string;
  status: FigureStatus;
}

const CN_SECTION = "一二三四五六七八九十";

export function sectionNumber(heading: string): number | null {
  const m = /^([一二三四五六七八九十]+)、/.exec(heading);
  if (!m) return null;
  const s = m[1];
  if (s.length === 1) return CN_SECTION.indexOf(s) + 1;
  if (s.startsWith("十")) return 10 + (s.length > 1 ? CN_SECTION.indexOf(s[1]) + 1 : 0);
  return (CN_SECTION.indexOf(s[0]) + 1) * 10 + (s.length > 2 ? CN_SECTION.indexOf(s[2]) + 1 : 0);
}

export const unitText = (f: TextFigure) => (f.unit === "count" ? f.countWord : f.unit);
export const written = (f: TextFigure) => `${f.text}${unitText(f)}`;
export const inWan = (f: TextFigure) => (f.unit === "亿元" ? f.value.times(10000) : f.unit === "元" ? f.value.div(10000) : f.value);
export const isAmount = (g: TextFigure) => g.unit === "万元" || g.unit === "元" || g.unit === "亿元";
export const sameUnit = (a: TextFigure, b: TextFigure) => a.unit === b.unit && a.countWord === b.countWord;

export function describe(g: Fig): string {
  return `文中：${g.subject?.name ?? ""} ${written(g)}`.replace("： ", "：");
}
