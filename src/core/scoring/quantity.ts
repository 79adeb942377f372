// Targets and actuals as people write them — ≥95%, ≤4小时, 10次/年, 4 次/季, ≥2 个, 24小时响应, 无漏洞,
// 因疫情原因未实施, 计划完成时效达62%, 12月底前完成 — read into numbers, units, a direction, a date and a grade.
// Every pattern here is linear in the text's length: numbers are found by one anchored scan, and the words
// around a number are read from a bounded window (a 1,000,000-character cell must not take quadratic time).
import { Decimal } from "../money";

export type Direction = ">=" | "<=" | "=";

export interface Quantity {
  value: Decimal;
  /** `%`, `次`, `小时`, `次/季` …; empty for a bare number. */
  unit: string;
  /** Written before or after the number (≥, 不超过, 以上, 以内 …); null when not said. */
  direction: Direction | null;
  /** The words just before the number (合计, 共 …), to pick a total out of a sentence. */
  before: string;
}

/** A point in time written as 2020年12月15日, 12月底前, 11月: year and day only when written. */
export interface DatePoint {
  year: number | null;
  month: number;
  day: number | null;
}

/** The 财预〔2020〕10号 bands for a qualitative indicator, as shares of its 分值. */
export type GradeBand = "achieved" | "partial" | "missed";

export interface Grade {
  band: GradeBand;
  /** The share of 分值 this grade is worth when a single score is wanted (SCORE.QUALITATIVE). */
  share: Decimal;
  /** The words that said it. */
  word: string;
}

export interface Reading {
  /** The text after NFKC normalisation, white space removed. */
  text: string;
  quantities: Quantity[];
  /** The text says it was not done (未实施, 未开展 …). */
  notDone: boolean;
  /** The text reports a shortfall (不合格, 未完成 …): a person must judge a qualitative target. */
  shortfall: boolean;
  /** The first date written (12月底前, 2020年11月). */
  date: DatePoint | null;
  /** The grade the text states (达成预期指标, 部分达成, 良, 基本完成 …), when it states one. */
  grade: Grade | null;
  /** More than MAX_NUMBERS numbers: only the first were read, and no score should rest on them. */
  tooMany: boolean;
}

/** No real target, actual or rule holds more numbers than this; past it a cell is not read further. */
export const MAX_NUMBERS = 100;

/** The first `limit` matches of a global regex (and whether there were more), without scanning past them. */
export function firstMatches(re: RegExp, text: string, limit = MAX_NUMBERS): { matches: RegExpExecArray[]; more: boolean } {
  const matches: RegExpExecArray[] = [];
  for (const m of text.matchAll(re)) {
    if (matches.length === limit) return { matches, more: true };
    matches.push(m);
  }
  return { matches, more: false };
}

/** NFKC folds full-width digits and the compatibility signs (﹦ ＝ ＞ ％); ≧ ≦ are not compatibility forms. */
export function normalizeText(raw: unknown): string {
  const text = raw === null || raw === undefined ? "" : String(raw);
  // split/join drops white space faster than replace on long pasted text.
  return text.normalize("NFKC").replaceAll("≧", "≥").replaceAll("≦", "≤").split(/\s+/).join("");
}

const UNITS = [
  "人次", "台次", "家次", "万元", "平方米", "公里", "小时", "分钟", "工作日", "个月",
  "次", "人", "个", "家", "期", "台", "套", "项", "起", "天", "日", "月", "年", "周", "件", "份", "篇", "场", "所", "户", "元", "米", "吨", "条", "本", "批", "部", "间", "座", "名",
];
const NUMBER = /(?<![\d.])\d+(?:\.\d+)?/g;
// Read at the number's end (sticky): a score (分 but not 分钟), else unit, per-period and 以上/以内.
const AFTER = new RegExp(`(分(?!钟))|(%|${UNITS.join("|")})?(/(?:季|年|月|天|日|周|次|人))?(以上|以内|以下|内)?`, "y");
// Read at the end of a short window before the number.
const BEFORE_DIRECTION = /(≥|>=|>|≤|<=|<|=|不低于|不少于|不超过|不高于|不多于|达到|达)$/;
const NOT_DONE = /未实施|未开展|未执行|未启动|没有实施|暂停实施|取消/;
const SHORTFALL = /不合格|未完成|未达到|未达成|未按期|滞后|延期|失败|未通过/;
const NEGATIVE_CONTEXT = /响应|时长|时间|时限|用时|办结时|处理时|事故率|故障率|差错率|投诉率|失误率|成本|费用|不超过/;
const DATE = /(?<!\d)(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?/;

function direction(before: string, after: string | undefined): Direction | null {
  const written = BEFORE_DIRECTION.exec(before)?.[1];
  if (written) {
    if (/≥|>|不低于|不少于|达/.test(written)) return ">=";
    if (/≤|<|不超过|不高于|不多于/.test(written)) return "<=";
    return "=";
  }
  if (after === "以上") return ">=";
  if (after) return "<=";
  return null;
}

// Grades, most specific first: a phrase that says 未达成 also contains 达成.
const GRADES: [RegExp, GradeBand, number][] = [
  [/未达成|没有达成|未达到预期|未完成|未实现/, "missed", 0.6],
  [/部分达成|部分完成|部分实现|基本达成|基本完成|基本实现/, "partial", 0.8],
  [/达成预期指标|达成年度指标|^达成$|^已?完成$|^全部完成$|^已达成$|^达标$/, "achieved", 1],
];
/** A text that is just a grade word: 优/良/中/低/差, 好/较好/一般/较差/差, 是/否. */
const GRADE_WORDS: Record<string, [GradeBand, number]> = {
  优: ["achieved", 1],
  优秀: ["achieved", 1],
  好: ["achieved", 1],
  是: ["achieved", 1],
  良: ["partial", 0.8],
  良好: ["partial", 0.8],
  较好: ["partial", 0.8],
  中: ["missed", 0.6],
  一般: ["missed", 0.6],
  低: ["missed", 0.4],
  较差: ["missed", 0.4],
  差: ["missed", 0.4],
  否: ["missed", 0],
};

export function readGrade(text: string): Grade | null {
  let end = text.length;
  while (end > 0 && "。.,，;；!！".includes(text[end - 1])) end--;
  const bare = text.slice(0, end);
  const word = GRADE_WORDS[bare];
  if (word) return { band: word[0], share: new Decimal(word[1]), word: bare };
  for (const [re, band, share] of GRADES) {
    const m = re.exec(bare);
    if (m) return { band, share: new Decimal(share), word: m[0] };
  }
  return null;
}

/** Every grade word SCORE.QUALITATIVE accepts, for its message. */
export const GRADE_NAMES = ["达成预期指标", "达成年度指标", "达成", "完成", "部分达成预期指标", "部分达成年度指标并具有一定效果", "部分达成", "基本完成", "未达成预期指标", "未达成年度指标且效果较差", "未达成", "未完成", ...Object.keys(GRADE_WORDS)];

export function readDate(text: string): DatePoint | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: m[1] ? Number(m[1]) : null, month, day: m[3] ? Number(m[3]) : null };
}

export function readQuantities(raw: unknown): Reading {
  const text = normalizeText(raw);
  const quantities: Quantity[] = [];
  const numbers = firstMatches(NUMBER, text);
  for (const m of numbers.matches) {
    const index = m.index ?? 0;
    AFTER.lastIndex = index + m[0].length;
    const after = AFTER.exec(text);
    // "扣1分", "得分92.3分", "(9分)" are scores, not measures of the indicator.
    if (after?.[1]) continue;
    const before = text.slice(Math.max(0, index - 4), index);
    quantities.push({
      value: new Decimal(m[0]),
      unit: `${after?.[2] ?? ""}${after?.[3] ?? ""}`,
      direction: direction(before, after?.[4]),
      before,
    });
  }
  return { text, quantities, notDone: NOT_DONE.test(text), shortfall: SHORTFALL.test(text), date: readDate(text), grade: readGrade(text), tooMany: numbers.more };
}

/** The direction an indicator is scored in: as written, else `<=` for times and rates of things to avoid. */
export function indicatorDirection(target: Reading, name = ""): Direction {
  const written = target.quantities.find((q) => q.direction)?.direction;
  if (written) return written;
  return NEGATIVE_CONTEXT.test(`${name}${target.text}`) && target.quantities.some((q) => /小时|分钟|天|日|工作日|%/.test(q.unit)) ? "<=" : ">=";
}

/** A text as messages show it: a pasted paragraph is cut (a finding's message must stay readable, and a note small). */
export function shorten(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** Units must match before the "/": 次/季 and 次 measure the same thing. */
export function baseUnit(unit: string): string {
  return unit.split("/")[0];
}

/** Days since year 0 for ordering; a missing year is the target's, a missing day the month's end. */
export function dateOrder(d: DatePoint, year: number): number {
  return ((d.year ?? year) * 12 + d.month) * 32 + (d.day ?? 31);
}
