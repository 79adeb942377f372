// What a figure in a written text is about: a table figure (by the words before it, class names included),
// a “三公” item, or something the tables do not hold. Found by label, never by position.
import { EXPENSE_CLASSES } from "../codes";
import { type FactKey, INCOME_ITEMS, type SanGongItem } from "./figures";

export type Subject =
  | { tag: "fact"; key: FactKey; name: string }
  | { tag: "class"; code: string; name: string }
  | { tag: "sangong"; item: SanGongItem; name: string }
  | { tag: "other"; name: string };

/** Class stems, longest first, each matched only where 支出 or (类) follows (so 其他工业… is not 其他支出). */
const CLASS_PATTERNS = EXPENSE_CLASSES.flatMap((c) => c.names.map((n) => ({ code: c.code, name: n, stem: n.replace(/支出$/, "") })))
  .sort((a, b) => b.stem.length - a.stem.length)
  .map((c) => ({ ...c, re: new RegExp(`${c.stem.replace(/[()]/g, "\\$&")}(?:\\(类\\)|支出)`, "g") }));

const SANGONG: [RegExp, SanGongItem][] = [
  [/因公出国/g, "abroad"],
  [/公务用车购置及运行(?:维护)?费?/g, "carSubtotal"],
  [/公务用车购置费?/g, "carPurchase"],
  [/公务用车运行(?:维护)?费?/g, "carRunning"],
  [/公务接待/g, "reception"],
  [/三公/g, "total"],
];

interface Mention {
  from: number;
  at: number;
  subject: Subject;
}

const mention = (m: RegExpMatchArray, subject: Subject): Mention => ({ from: m.index ?? 0, at: (m.index ?? 0) + m[0].length, subject });

function factMentions(text: string, section: number): Mention[] {
  const rules: [RegExp, FactKey, string][] = [
    [/财政拨款收、?支总计/g, "t4.grand", "财政拨款收、支总计"],
    [/(?<!财政拨款)收、?支(?:决算)?总计/g, "t1.grand", "收、支总计"],
    [/收入合计|本年收入/g, "t1.incomeTotal", "本年收入合计"],
    [/财政拨款收入/g, "t1.fiscalIncome", "财政拨款收入"],
    [/本年支出合计|支出合计/g, "t3.total", "本年支出合计"],
    [/人员经费/g, "t6.personnel", "人员经费"],
    [/公用经费/g, "t6.public", "公用经费"],
    [/(?<!基本|项目)(?:一般公共预算)?财政拨款(?:支出)(?!决算[表情])/g, "t5.total", "财政拨款支出"],
    [/基本支出/g, section === 3 ? "t3.basic" : "t5.basic", "基本支出"],
    [/项目支出/g, section === 3 ? "t3.project" : "t5.project", "项目支出"],
    [/本年支出(?!合计)/g, "t3.total", "本年支出合计"],
    ...Object.entries(INCOME_ITEMS).map(([k, n]): [RegExp, FactKey, string] => [new RegExp(n, "g"), `t1.income.${k}` as FactKey, n]),
  ];
  const out: Mention[] = [];
  for (const [re, key, name] of rules) for (const m of text.matchAll(re)) out.push(mention(m, { tag: "fact", key, name }));
  return out;
}

/** Every subject named in `text`, by where its mention ends. `section` is the 一、… number (三 = 3). */
export function mentions(text: string, section: number): Mention[] {
  const out = factMentions(text, section);
  // The characters of the class names found so far: a shorter name inside a longer one is not a mention
  // (marked per character, as a list of spans searched for each name would grow with the text).
  const taken = new Uint8Array(text.length);
  for (const c of CLASS_PATTERNS) {
    for (const m of text.matchAll(c.re)) {
      const s = m.index ?? 0;
      if (taken.subarray(s, s + m[0].length).includes(1)) continue;
      taken.fill(1, s, s + m[0].length);
      out.push(mention(m, { tag: "class", code: c.code, name: c.name }));
    }
  }
  if (section === 7) {
    for (const [re, item] of SANGONG) {
      for (const m of text.matchAll(re)) {
        const s = m.index ?? 0;
        if (item === "carPurchase" && /^公务用车购置及/.test(text.slice(s))) continue;
        if (item === "carRunning" && s >= 2 && text.slice(s - 2, s) === "及运") continue;
        out.push(mention(m, { tag: "sangong", item, name: m[0] }));
      }
    }
  }
  for (const m of text.matchAll(/机关运行经费/g)) out.push(mention(m, { tag: "other", name: "机关运行经费" }));
  // A mention nested in a longer one ends inside it (公务用车 inside 公务用车购置及运行费): keep the longer.
  return out.sort((a, b) => a.at - b.at);
}

/** The subject named last in `text` (before a figure), if any. */
export function lastSubject(text: string, section: number): Subject | null {
  return new NamedSubjects(text, section).lastIn(0, text.length);
}

/**
 * The subjects named in a text, to find the one named last in a part of it without reading that part again
 * (the checker asks for the words before every figure: read anew each time, they cost the square of a long
 * paragraph's length). No name holds a digit, a clause break (`,;:`) or `。`, so no mention crosses a part
 * that starts after one of those (or at the start) and ends before one (or at the end): the mentions of
 * such a part are those of the whole text that lie in it, and its last subject is `lastSubject` of the part.
 */
export class NamedSubjects {
  private readonly all: Mention[];
  /** For each mention, the index of the last 三公 mention up to it (-1: none). */
  private readonly lastSanGong: number[];

  constructor(text: string, section: number) {
    this.all = mentions(text, section);
    let last = -1;
    this.lastSanGong = this.all.map((m, i) => (last = m.subject.tag === "sangong" ? i : last));
  }

  /** The subject named last in `text.slice(from, to)` (`from` and `to` as above). */
  lastIn(from: number, to: number): Subject | null {
    const lo = this.countEndingBy(from);
    const hi = this.countEndingBy(to);
    if (hi <= lo) return null;
    // In the “三公” section a 三公 item is the subject even where 财政拨款支出 follows it (“三公”经费财政拨款支出决算数).
    const sanGong = this.lastSanGong[hi - 1];
    if (sanGong >= lo) return this.all[sanGong].subject;
    // Of the mentions ending at the same place, the most specific one (三公 item, class) wins.
    let first = hi - 1;
    while (first > lo && this.all[first - 1].at === this.all[hi - 1].at) first--;
    const atEnd = this.all.slice(first, hi);
    return (atEnd.find((m) => m.subject.tag !== "fact") ?? atEnd[atEnd.length - 1]).subject;
  }

  /** How many mentions end at or before `offset` (they are sorted by their end). */
  private countEndingBy(offset: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid].at <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** What makes two subjects the same (sameSubject), as a string to key a map with. */
export function subjectKey(s: Subject): string {
  const id = s.tag === "fact" ? s.key : s.tag === "class" ? s.code : s.tag === "sangong" ? s.item : s.name;
  return `${s.tag}:${id}`;
}

export function sameSubject(a: Subject | null, b: Subject | null): boolean {
  if (!a || !b || a.tag !== b.tag) return false;
  if (a.tag === "fact" && b.tag === "fact") return a.key === b.key;
  if (a.tag === "class" && b.tag === "class") return a.code === b.code;
  if (a.tag === "sangong" && b.tag === "sangong") return a.item === b.item;
  return a.name === b.name;
}

/** Class names replaced in the 2019 government classification: not valid in a text of 2019 or later. */
export const RENAMED_CLASSES: { old: string; current: string; from: number }[] = [
  { old: "文化体育与传媒", current: "文化旅游体育与传媒支出", from: 2019 },
  { old: "医疗卫生与计划生育", current: "卫生健康支出", from: 2019 },
  { old: "国土海洋气象等", current: "自然资源海洋气象等支出", from: 2019 },
];
