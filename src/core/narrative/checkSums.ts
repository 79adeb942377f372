// Rules on figures that add up: 其中 parts and 合计 against their total, 类 budgets against the stated
// 年初预算, and a 主要用于 list against the figure before it.
import type { Severity } from "../findings";
import { Decimal } from "../money";
import { formatWan } from "./format";
import type { Checker } from "./checker";
import { withoutSpans } from "./reading";

/** A clause that gives a share (占 … %), as `/占.*%/` would find it without rescanning from every 占. */
function isShare(clause: string): boolean {
  const at = clause.indexOf("占");
  return at >= 0 && clause.includes("%", at + 1);
}
import { type Fig, inWan, isAmount, sameUnit, written } from "./checkTypes";

/** 其中 lists and explicit 合计/共: parts against their stated total. */
export function checkParts(ck: Checker): void {
  const sum = (xs: Fig[]) => xs.reduce((a, g) => a.plus(inWan(g)), new Decimal(0));
  const report = (total: Fig, parts: Fig[], explicit: boolean) => {
    if (parts.length === 0) return;
    const s = sum(parts);
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
  };
  for (const [pi, p] of ck.read.paragraphs.entries()) {
    const figs = ck.figs.filter((g) => g.paragraph === pi && (g.role === "level" || g.unit === "count") && g.unit !== "%");
    // Explicit total after its parts: 109家, 109家, 106家, 合计325家.
    for (const total of figs) {
      const before = p.text.slice(p.sentences[total.sentence][0], total.start);
      if (!/(?:合计|共计|总计)[为:]?\s*$/.test(before)) continue;
      const from = Math.max(p.sentences[total.sentence][0], before.lastIndexOf("其中") >= 0 ? p.sentences[total.sentence][0] + before.lastIndexOf("其中") : 0);
      const parts = figs.filter((g) => g.start >= from && g.start < total.start && sameUnit(g, total) && g.nested === total.nested);
      report(total, parts, true);
    }
    // 其中: the figure before it is the total, the same-unit figures after it (to the sentence's end) the parts.
    for (const m of p.text.matchAll(/其中[:,]?/g)) {
      const at = m.index ?? 0;
      const nestedHere = ((p.text.slice(0, at).match(/\(/g)?.length ?? 0) - (p.text.slice(0, at).match(/\)/g)?.length ?? 0)) > 0;
      // `(其中：…)` right after a figure details that figure.
      const opens = nestedHere && /\(\s*$/.test(p.text.slice(0, at));
      const sentence = p.sentences.findIndex(([s, e]) => at >= s && at < e);
      // 减少 7.73 万元，其中：…减少 3.6 万元…: the changes of the parts add up to the change of the whole.
      const change = ck.figs.filter((g) => g.paragraph === pi && g.sentence === sentence && g.start < at && g.unit !== "%").pop();
      if (change?.role === "change") {
        const inSentence = ck.figs.filter((g) => g.paragraph === pi && g.sentence === sentence && g.start > at);
        const parts = inSentence.filter((g) => g.role === "change" && g.decrease === change.decrease);
        report(change, parts, false);
        continue;
      }
      const total = figs.filter((g) => g.start < at && g.nested === (nestedHere && !opens)).pop();
      if (!total) continue;
      const end = p.sentences[sentence]?.[1] ?? p.text.length;
      const close = nestedHere ? p.text.indexOf(")", at) : -1;
      const stop = close >= 0 ? Math.min(close, end) : end;
      const isTotal = (g: Fig) => /(?:合计|共计|总计)[为:]?\s*$/.test(p.text.slice(at, g.start));
      const candidates = figs.filter((g) => g.start > at && g.start < stop && sameUnit(g, total) && g.nested === nestedHere && !isTotal(g));
      // The list runs while each clause holds a part (or a share of one): 交易额 … 亿元 or 合格率达 … ends it.
      const parts: Fig[] = [];
      let from = at + m[0].length;
      for (const g of candidates) {
        const gap = withoutSpans(p.text.slice(from, g.start), "(", ")");
        const clauses = gap.split(/(?<!\d),(?!\d)|[;:]/).slice(1, -1);
        // Amounts listed with their explanations are separated by “;”: a new item starts after one.
        const nextItem = isAmount(total) && gap.includes(";");
        if (!nextItem && clauses.some((c) => c.trim() && !isShare(c))) break;
        parts.push(g);
        from = g.end;
      }
      report(total, parts, false);
    }
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
  paras.forEach((p, pi) => {
    if (!/主要用于(?:以下方面)?:?\s*$/.test(p.text)) return;
    const total = ck.figs.filter((g) => g.paragraph === pi && g.role === "level" && g.unit === "万元" && !g.nested).pop();
    if (!total) return;
    const items: Fig[] = [];
    for (let k = pi + 1; k < paras.length && !paras[k].heading && !/^\d+[.、]/.test(paras[k].text); k++) {
      listTotals.set(k, total);
      items.push(...ck.figs.filter((g) => g.paragraph === k && g.role === "level" && g.unit === "万元" && !g.nested));
    }
    if (!items.length) return;
    const s = items.reduce((a, g) => a.plus(g.value), new Decimal(0));
    for (const g of [total, ...items]) ck.mark(g, { kind: "self" });
    if (!s.equals(total.value)) {
      const message = `其后列举的 ${items.length} 项合计 ${formatWan(s)} 万元，与 ${written(total)} 不符`;
      ck.flag(total, "列举合计", "error", `文中：其后列举的 ${items.length} 项`, `${formatWan(s)}万元`, written(total), formatWan(total.value.minus(s)), message, items);
    }
    if (total.subject?.tag === "fact" && /project$/.test(total.subject.key)) checkProjectCounts(ck, items);
  });
  return listTotals;
}

/** “共涉及项目 12 个” / “12个项目” elsewhere in the text against the projects listed under 项目支出主要用于. */
function checkProjectCounts(ck: Checker, listed: Fig[]): void {
  for (const g of ck.figs) {
    if (g.unit !== "count" || g.countWord !== "个") continue;
    const p = ck.read.paragraphs[g.paragraph];
    const named = /项目\s*$/.test(p.text.slice(Math.max(0, g.start - 6), g.start)) || /^项目/.test(p.text.slice(g.end));
    if (!named || !/(?:共|涉及)/.test(p.text.slice(Math.max(0, g.start - 10), g.start))) continue;
    ck.mark(g, { kind: "self" });
    if (g.value.equals(listed.length)) continue;
    const message = `项目支出下列举了 ${listed.length} 个项目，此处写 ${written(g)}`;
    ck.flag(g, "列举合计", "warning", `文中：项目支出列举的 ${listed.length} 个项目`, `${listed.length}个`, written(g), g.value.minus(listed.length).toString(), message, listed);
  }
}

/** For an unnamed share (占 43.3%) outside a list: the 其中 total before it. */
export function otherTotal(ck: Checker, f: Fig): Fig | undefined {
  const p = ck.read.paragraphs[f.paragraph];
  const at = p.text.lastIndexOf("其中", f.start);
  if (at < 0) return undefined;
  return ck.figs.filter((g) => g.paragraph === f.paragraph && g.start < at && g.role === "level" && g.unit !== "%" && !g.nested).pop();
}
