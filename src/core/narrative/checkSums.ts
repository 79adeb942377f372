// Rules on figures that add up: 其中 parts and 合计 against their total, 类 budgets against the stated
// 年初预算, and a 主要用于 list against the figure before it.
import type { Severity } from "../findings";
import { Decimal } from "../money";
import { formatWan } from "./format";
import type { Checker } from "./checker";
import { countBelow } from "./figureIndex";
import { type TextParagraph, withoutSpans } from "./reading";
import { type Fig, inWan, isAmount, sameUnit, written } from "./checkTypes";

/** A clause that gives a share (占 … %), as `/占.*%/` would find it without rescanning from every 占. */
function isShare(clause: string): boolean {
  const at = clause.indexOf("占");
  return at >= 0 && clause.includes("%", at + 1);
}

/** A total against its parts: marked as checked, and flagged where they do not add up. */
function reportParts(ck: Checker, total: Fig, parts: Fig[], explicit: boolean): void {
  if (parts.length === 0) return;
  const s = parts.reduce((a, g) => a.plus(inWan(g)), new Decimal(0));
  const t = inWan(total);
  // A 其中 list need not name every part: fewer is no error for one part, or for counts.
  const exhaustive = explicit || (parts.length >= 2 && total.unit !== "count");
  for (const g of [total, ...parts]) ck.mark(g, { kind: "self" });
  if (s.equals(t) || (!exhaustive && s.lessThan(t))) return;
  const unit = total.unit === "count" ? total.countWord : "万元";
  const fmt = (d: Decimal) => (total.unit === "count" ? d.toString() : formatWan(d));
  const severity: Severity = explicit || s.greaterThan(t) ? "error" : "warning";
  ck.flag(total, "分项合计", severity, `文中：${parts.map((g) => g.text).join(" + ")}`, `${fmt(s)}${unit}`, written(total), fmt(t.minus(s)),
    `${parts.map((g) => g.text).join(" + ")} = ${fmt(s)}，不等于文中的${explicit ? "合计" : "总数"} ${written(total)}`, parts);
}

const TOTAL_WORDS = ["合计", "共计", "总计"];
const isSpace = (ch: string) => /\s/.test(ch);

/**
 * Whether `text.slice(from, to)` ends in 合计/共计/总计 (then 为 or :, then spaces), as
 * `/(?:合计|共计|总计)[为:]?\s*$/` would test it, but reading back from `to` only (the regex reads from `from`).
 */
function endsWithTotal(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && isSpace(text[end - 1])) end--;
  const wordEndsAt = (at: number) => at - 2 >= from && TOTAL_WORDS.includes(text.slice(at - 2, at));
  return wordEndsAt(end) || (end - 1 >= from && "为:".includes(text[end - 1]) && wordEndsAt(end - 1));
}

const offset = (n: number) => n;
const startOf = (g: Fig) => g.start;

/** The figures of `figs` (in text order) that start in [from, to), found by a binary search and read lazily. */
function* startingIn(figs: readonly Fig[], from: number, to: number): Generator<Fig> {
  for (let i = countBelow(figs, startOf, from); i < figs.length && figs[i].start < to; i++) yield figs[i];
}

/** Explicit totals after their parts: 109家, 109家, 106家, 合计325家 (the parts from the sentence's start or its last 其中). */
function explicitTotals(ck: Checker, p: TextParagraph, figs: readonly Fig[], qiZhong: readonly number[]): void {
  for (const total of figs) {
    const sentenceStart = p.sentences[total.sentence][0];
    if (!endsWithTotal(p.text, sentenceStart, total.start)) continue;
    // The last 其中 that ends before the total, if it is in the total's sentence.
    const last = qiZhong[countBelow(qiZhong, offset, total.start - 1) - 1] ?? -1;
    const from = Math.max(sentenceStart, last);
    const parts = [...startingIn(figs, from, total.start)].filter((g) => sameUnit(g, total) && g.nested === total.nested);
    reportParts(ck, total, parts, true);
  }
}

/** The bracket depth at each 其中, counted forward once through the paragraph (not again from its start for each). */
function depthCounter(text: string): (at: number) => number {
  let scanned = 0;
  let depth = 0;
  return (at) => {
    for (; scanned < at; scanned++) depth += text[scanned] === "(" ? 1 : text[scanned] === ")" ? -1 : 0;
    return depth;
  };
}

/** `(` right before `at`, spaces aside: `(其中：…)` details the figure before it. */
function opensBracket(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return text[i - 1] === "(";
}

/** 其中: the figure before it is the total, the same-unit figures after it (to the sentence's end) the parts. */
function qiZhongLists(ck: Checker, pi: number, p: TextParagraph, figs: readonly Fig[]): void {
  const closes = ck.offsetsOf(pi, ")");
  const depthAt = depthCounter(p.text);
  for (const m of p.text.matchAll(/其中[:,]?/g)) {
    const at = m.index ?? 0;
    const nestedHere = depthAt(at) > 0;
    const opens = nestedHere && opensBracket(p.text, at);
    const sentence = countBelow(p.sentences, ([, end]) => end, at + 1);
    const end = p.sentences[sentence]?.[1] ?? p.text.length;
    // 减少 7.73 万元，其中：…减少 3.6 万元…: the changes of the parts add up to the change of the whole.
    const before = ck.index.lastBefore(pi, at, "notPercent");
    const change = before?.sentence === sentence ? before : undefined;
    if (change?.role === "change") {
      const inSentence = [...startingIn(ck.index.in(pi), at + 1, end)];
      reportParts(ck, change, inSentence.filter((g) => g.role === "change" && g.decrease === change.decrease), false);
      continue;
    }
    const total = ck.index.lastBefore(pi, at, nestedHere && !opens ? "partNested" : "partOuter");
    if (!total) continue;
    const close = nestedHere ? (closes[countBelow(closes, offset, at)] ?? -1) : -1;
    const stop = close >= 0 ? Math.min(close, end) : end;
    const isTotal = (g: Fig) => endsWithTotal(p.text, at, g.start);
    const isCandidate = (g: Fig) => sameUnit(g, total) && g.nested === nestedHere && !isTotal(g);
    reportParts(ck, total, listedParts(p.text, at + m[0].length, total, startingIn(figs, at + 1, stop), isCandidate), false);
  }
}

/** The list runs while each clause holds a part (or a share of one): 交易额 … 亿元 or 合格率达 … ends it. */
function listedParts(text: string, listStart: number, total: Fig, after: Iterable<Fig>, isCandidate: (g: Fig) => boolean): Fig[] {
  const parts: Fig[] = [];
  let from = listStart;
  for (const g of after) {
    if (!isCandidate(g)) continue;
    const gap = withoutSpans(text.slice(from, g.start), "(", ")");
    const clauses = gap.split(/(?<!\d),(?!\d)|[;:]/).slice(1, -1);
    // Amounts listed with their explanations are separated by “;”: a new item starts after one.
    const nextItem = isAmount(total) && gap.includes(";");
    if (!nextItem && clauses.some((c) => c.trim() && !isShare(c))) break;
    parts.push(g);
    from = g.end;
  }
  return parts;
}

/** 其中 lists and explicit 合计/共: parts against their stated total. */
export function checkParts(ck: Checker): void {
  for (const [pi, p] of ck.read.paragraphs.entries()) {
    const figs = ck.index.in(pi).filter((g) => (g.role === "level" || g.unit === "count") && g.unit !== "%");
    explicitTotals(ck, p, figs, ck.offsetsOf(pi, "其中"));
    qiZhongLists(ck, pi, p, figs);
  }
}

/** 年初预算 of each 类 against the 年初预算 of 一般公共预算财政拨款支出 written before them. */
export function checkBudgetParts(ck: Checker): void {
  const budgets = ck.figs.filter((g) => g.role === "budget" && isAmount(g) && !g.nested);
  const total = budgets.find((g) => g.subject?.tag === "fact" && g.subject.key === "t5.total");
  if (!total) return;
  const seen = new Set<string>();
  const parts = budgets.filter((g) => {
    if (g.paragraph <= total.paragraph || g.subject?.tag !== "class" || seen.has(g.subject.code)) return false;
    seen.add(g.subject.code);
    return true;
  });
  if (parts.length < 2) return;
  const sum = parts.reduce((a, g) => a.plus(inWan(g)), new Decimal(0));
  for (const g of [total, ...parts]) ck.mark(g, { kind: "self" });
  if (sum.equals(inWan(total))) return;
  ck.flag(total, "分项合计", "warning", `文中：${parts.length} 个类的年初预算`, `${formatWan(sum)}万元`, written(total), formatWan(inWan(total).minus(sum)),
    `各类年初预算之和 ${formatWan(sum)} 万元与年初预算 ${written(total)} 不等（文中未写的类也有预算时属正常）`, parts);
}

/** 主要用于: the amounts listed in the paragraphs after it add up to the figure before it. */
export function checkLists(ck: Checker): Map<number, Fig> {
  const listTotals = new Map<number, Fig>();
  const paras = ck.read.paragraphs;
  let counts: Fig[] | undefined;
  paras.forEach((p, pi) => {
    if (!/主要用于(?:以下方面)?:?\s*$/.test(p.text)) return;
    const total = ck.index.in(pi).filter((g) => g.role === "level" && g.unit === "万元" && !g.nested).pop();
    if (!total) return;
    const items: Fig[] = [];
    for (let k = pi + 1; k < paras.length && !paras[k].heading && !/^\d+[.、]/.test(paras[k].text); k++) {
      listTotals.set(k, total);
      items.push(...ck.index.in(k).filter((g) => g.role === "level" && g.unit === "万元" && !g.nested));
    }
    if (!items.length) return;
    const s = items.reduce((a, g) => a.plus(g.value), new Decimal(0));
    for (const g of [total, ...items]) ck.mark(g, { kind: "self" });
    if (!s.equals(total.value)) {
      const message = `其后列举的 ${items.length} 项合计 ${formatWan(s)} 万元，与 ${written(total)} 不符`;
      ck.flag(total, "列举合计", "error", `文中：其后列举的 ${items.length} 项`, `${formatWan(s)}万元`, written(total), formatWan(total.value.minus(s)), message, items);
    }
    if (total.subject?.tag === "fact" && /project$/.test(total.subject.key)) checkProjectCounts(ck, (counts ??= projectCounts(ck)), items);
  });
  return listTotals;
}

/** “共涉及项目 12 个” / “12个项目”: the counts of projects in the text (found once, for every project list). */
function projectCounts(ck: Checker): Fig[] {
  return ck.figs.filter((g) => {
    if (g.unit !== "count" || g.countWord !== "个") return false;
    const p = ck.read.paragraphs[g.paragraph];
    const named = /项目\s*$/.test(p.text.slice(Math.max(0, g.start - 6), g.start)) || p.text.startsWith("项目", g.end);
    return named && /(?:共|涉及)/.test(p.text.slice(Math.max(0, g.start - 10), g.start));
  });
}

/** The counts of projects elsewhere in the text against the projects listed under 项目支出主要用于. */
function checkProjectCounts(ck: Checker, counts: Fig[], listed: Fig[]): void {
  for (const g of counts) {
    ck.mark(g, { kind: "self" });
    if (g.value.equals(listed.length)) continue;
    const message = `项目支出下列举了 ${listed.length} 个项目，此处写 ${written(g)}`;
    ck.flag(g, "列举合计", "warning", `文中：项目支出列举的 ${listed.length} 个项目`, `${listed.length}个`, written(g), g.value.minus(listed.length).toString(), message, listed);
  }
}

/** For an unnamed share (占 43.3%) outside a list: the 其中 total before it. */
export function otherTotal(ck: Checker, f: Fig): Fig | undefined {
  // The last 其中 that starts at or before the share (as lastIndexOf from it), by a binary search.
  const qiZhong = ck.offsetsOf(f.paragraph, "其中");
  const at = qiZhong[countBelow(qiZhong, offset, f.start + 1) - 1];
  if (at === undefined) return undefined;
  return ck.index.lastBefore(f.paragraph, at, "shareTotal");
}
