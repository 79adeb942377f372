// Check a written 情况说明: every figure against the tables (by what it names), against the text itself
// (shares, completion rates, 增加 X 增长 Y%, parts against their total, lists against their sum) and for
// form (a share without %, 元 for 万元, a class name not valid in the year). Never kinder than the tables:
// a figure that cannot be checked is counted and said to be unchecked, with the reason.
import { Decimal } from "../money";
import type { Severity } from "../findings";
import { type Fact, type FactKey, SANGONG_NAMES, type TableFigures } from "./figures";
import { formatPercent, formatWan } from "./format";
import type { NarrativeInputs } from "./inputs";
import { type ReadText, type TextFigure, readText, sentenceText } from "./reading";
import { RENAMED_CLASSES, type Subject, lastSubject, sameSubject } from "./subjects";

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

type Role = "level" | "budget" | "change" | "share" | "rate" | "changeRate" | "other";

interface Fig extends TextFigure {
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

function sectionNumber(heading: string): number | null {
  const m = /^([一二三四五六七八九十]+)、/.exec(heading);
  if (!m) return null;
  const s = m[1];
  if (s.length === 1) return CN_SECTION.indexOf(s) + 1;
  if (s.startsWith("十")) return 10 + (s.length > 1 ? CN_SECTION.indexOf(s[1]) + 1 : 0);
  return (CN_SECTION.indexOf(s[0]) + 1) * 10 + (s.length > 2 ? CN_SECTION.indexOf(s[2]) + 1 : 0);
}

const unitText = (f: TextFigure) => (f.unit === "count" ? f.countWord : f.unit);
const written = (f: TextFigure) => `${f.text}${unitText(f)}`;
const inWan = (f: TextFigure) => (f.unit === "亿元" ? f.value.times(10000) : f.unit === "元" ? f.value.div(10000) : f.value);

function roleOf(f: TextFigure, clause: string): Pick<Fig, "role" | "base" | "decrease" | "denominator"> {
  if (f.unit === "%") {
    const share = /占([^占]*?)(?:的)?\s*$/.exec(clause);
    if (share) return { role: "share", denominator: share[1].replace(/的$/, "").trim() };
    if (/(?:完成(?:年初)?预算的|执行率为?|完成率为?)\s*$/.test(clause)) return { role: "rate" };
    if (/(?:增长|下降|增加|减少)了?\s*$/.test(clause)) return { role: "changeRate" };
    return { role: "other" };
  }
  const change = /(增加|减少|节约|超支)了?\s*$/.exec(clause);
  if (change) return { role: "change", base: /比年初预算/.test(clause) ? "budget" : "last", decrease: change[1] === "减少" || change[1] === "节约" };
  if (/(?:年初预算|调整预算|预算)数?为?\s*$/.test(clause) && !/决算/.test(clause.slice(-6))) return { role: "budget" };
  return { role: "level" };
}

/** The table figure a level or budget amount stands for. */
function tableKey(fig: Fig): FactKey | null {
  const s = fig.subject;
  if (!s) return null;
  if (fig.role === "level") {
    if (s.tag === "fact") return s.key;
    if (s.tag === "class") return `t5.class.${s.code}`;
    if (s.tag === "sangong") return `t7.final.${s.item}`;
  }
  if (fig.role === "budget" && s.tag === "sangong") return `t7.budget.${s.item}`;
  return null;
}

class Checker {
  readonly findings: NarrativeFinding[] = [];
  readonly figs: Fig[] = [];
  constructor(
    readonly read: ReadText,
    readonly tables: TableFigures,
    readonly inputs: NarrativeInputs | undefined,
  ) {}

  flag(f: TextFigure, rule: NarrativeRule, severity: Severity, comparedWith: string, expected: string | null, found: string | null, difference: string | null, message: string, related: TextFigure[] = []) {
    const p = this.read.paragraphs[f.paragraph];
    const sentence = sentenceText(this.read, f);
    const also = [...new Set(related.map((g) => sentenceText(this.read, g)))].filter((x) => x !== sentence);
    this.findings.push({ rule, severity, paragraph: f.paragraph, line: p.line, sentence, figure: written(f), comparedWith, expected, found, difference, message, ...(also.length ? { also } : {}) });
  }

  mark(f: Fig, status: FigureStatus) {
    if (f.status.kind === "table") return;
    if (status.kind === "unchecked" && f.status.kind === "self") return;
    f.status = status;
  }

  fact(key: FactKey | null): Fact | undefined {
    return key ? this.tables.facts.get(key) : undefined;
  }

  /** The text's own figure for a subject in this paragraph, before `f` (a level or budget amount). */
  own(f: Fig, role: Role, subject: Subject | null): Fig | undefined {
    return this.figs.filter((g) => g.paragraph === f.paragraph && g.start < f.start && g.role === role && !g.nested && sameSubject(g.subject, subject)).pop();
  }

  /** The nearest level amount before `f` in its sentence (then its paragraph). */
  previousLevel(f: Fig): Fig | undefined {
    const before = this.figs.filter((g) => g.paragraph === f.paragraph && g.start < f.start && g.role === "level" && !g.nested && g.unit !== "%" && g.unit !== "count");
    return before.filter((g) => g.sentence === f.sentence).pop() ?? before.pop();
  }
}

const CONNECTOR = /^(?:支出决算|决算|年初预算|调整预算|预算|执行|实际支出|开支|支出)?数?(?:为|是|达)?$/;

function classify(ck: Checker): void {
  let section = 0;
  ck.read.paragraphs.forEach((p, pi) => {
    section = sectionNumber(p.text) ?? section;
    let paragraphSubject: Subject | null = null;
    for (const f of ck.read.figures.filter((x) => x.paragraph === pi)) {
      const [s] = p.sentences[f.sentence];
      const sentenceBefore = p.text.slice(s, f.start);
      const clauseStart = Math.max(...[",", ";", ":", "，", "；", "："].map((d) => {
        // a comma between digits is a thousands separator, not a clause break
        let i = sentenceBefore.length;
        while ((i = sentenceBefore.lastIndexOf(d, i - 1)) >= 0) if (!(d === "," && /\d/.test(sentenceBefore[i - 1] ?? "") && /\d/.test(sentenceBefore[i + 1] ?? ""))) return i + 1;
        return 0;
      }));
      const clause = sentenceBefore.slice(clauseStart);
      const role = roleOf(f, clause);
      const own = lastSubject(clause, section);
      // A clause with words of its own (燃料费, 外省市接待) names something else; only a bare 为/决算为/增加 inherits.
      const label = clause.replace(/^[\s(（]*(?:其中|\d+[.、]|\(\d+\))?[:：,]?\s*/, "").replace(/\s+/g, "");
      const inherits = role.role !== "level" || CONNECTOR.test(label);
      const subject = own ?? (inherits ? (lastSubject(sentenceBefore, section) ?? paragraphSubject ?? lastSubject(p.text.slice(0, s), section)) : label ? { tag: "other" as const, name: label } : paragraphSubject);
      const sentenceSubject = lastSubject(sentenceBefore, section);
      if (sentenceSubject) paragraphSubject = sentenceSubject;
      ck.figs.push({ ...f, ...role, subject, status: { kind: "unchecked", reason: "" } });
    }
  });
}

function checkTable(ck: Checker, f: Fig): void {
  if (f.role !== "level" && f.role !== "budget") return;
  if (f.unit === "%" || f.unit === "count") return;
  const fact = ck.fact(tableKey(f));
  if (!fact) return;
  const value = inWan(f);
  ck.mark(f, { kind: "table", cell: fact.cell });
  if (value.equals(fact.value)) {
    if (f.unit !== "万元") ck.flag(f, "单位", "warning", fact.cell, `${formatWan(fact.value)}万元`, written(f), null, `金额的单位写成了“${f.unit}”，表中单位为万元`);
    return;
  }
  const diff = value.minus(fact.value);
  if (fact.flagged) {
    ck.flag(f, "表数", "info", fact.cell, formatWan(fact.value), written(f), formatWan(diff),
      `文中${f.subject?.name ?? ""}为 ${written(f)}，${fact.label} 为 ${formatWan(fact.value)}；该单元格本身已被校验为错误，文中数字未据以判断`);
    return;
  }
  const unitNote = f.unit !== "万元" ? `（文中单位为${f.unit}）` : "";
  ck.flag(f, "表数", "error", fact.cell, formatWan(fact.value), written(f), formatWan(diff), `文中${f.subject?.name ?? ""}${written(f)}与${fact.label} ${formatWan(fact.value)} 不符${unitNote}`);
}

/** A percentage against its own two amounts, at the decimals it was written with. */
function comparePercent(ck: Checker, f: Fig, rule: NarrativeRule, part: Decimal, whole: Decimal, what: string, cell: string): void {
  if (whole.isZero()) {
    ck.mark(f, { kind: "unchecked", reason: `${what}的分母为 0` });
    return;
  }
  const exact = part.div(whole).times(100);
  const expected = exact.toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP);
  ck.mark(f, cell.startsWith("表") ? { kind: "table", cell } : { kind: "self" });
  if (expected.equals(f.value)) return;
  ck.flag(f, rule, "error", cell, formatPercent(expected, f.decimals), `${f.text}%`, f.value.minus(expected).toFixed(f.decimals), `${what}：按 ${cell} 算得 ${formatPercent(expected, f.decimals)}，文中为 ${f.text}%`);
}

function describe(g: Fig): string {
  return `文中：${g.subject?.name ?? ""} ${written(g)}`.replace("： ", "：");
}

function checkShare(ck: Checker, f: Fig, listTotal: Fig | undefined): void {
  if (f.role !== "share") return;
  const part = ck.previousLevel(f);
  if (!part) return ck.mark(f, { kind: "unchecked", reason: "占比前没有金额" });
  let whole: { value: Decimal; cell: string } | undefined;
  const denom = f.denominator ? lastSubject(f.denominator, 0) : null;
  if (denom) {
    const own = ck.figs.filter((g) => g.start < f.start && g.paragraph <= f.paragraph && g.role === "level" && isAmount(g) && sameSubject(g.subject, denom) && g !== part).pop();
    const fact = denom.tag === "fact" ? ck.fact(denom.key) : undefined;
    if (own && own.paragraph === f.paragraph) whole = { value: inWan(own), cell: describe(own) };
    else if (fact) whole = { value: fact.value, cell: fact.cell };
    else if (own) whole = { value: inWan(own), cell: describe(own) };
  } else if (f.denominator) {
    const words = f.denominator.replace(/的$/, "");
    const own = ck.figs.filter((g) => g.start < f.start && g.paragraph === f.paragraph && g.role === "level" && isAmount(g) && sentenceText(ck.read, g).includes(words) && g !== part && !g.nested).shift();
    if (own) whole = { value: inWan(own), cell: describe(own) };
  } else if (listTotal) whole = { value: inWan(listTotal), cell: describe(listTotal) };
  if (!whole) return ck.mark(f, { kind: "unchecked", reason: `未找到占比的分母“${f.denominator || "（未写明）"}”` });
  ck.mark(part, { kind: "self" });
  comparePercent(ck, f, "占比", inWan(part), whole.value, `${part.subject?.name ?? ""}${written(part)}的占比`, whole.cell);
}

function checkRate(ck: Checker, f: Fig): void {
  if (f.role !== "rate") return;
  const actual = ck.previousLevel(f);
  if (!actual) return ck.mark(f, { kind: "unchecked", reason: "完成率前没有决算数" });
  const subject = actual.subject;
  const own = ck.figs.filter((g) => g.paragraph === f.paragraph && g.start < f.start && g.role === "budget" && !g.nested).pop();
  const fact = subject?.tag === "sangong" ? ck.fact(`t7.budget.${subject.item}`) : undefined;
  const input = subject?.tag === "class" ? ck.inputs?.budget.classes[subject.code] : undefined;
  const budget = own && (sameSubject(own.subject, subject) || own.sentence === f.sentence || !fact) ? { value: inWan(own), cell: describe(own) } : fact ? { value: fact.value, cell: fact.cell } : input ? { value: input, cell: "说明数据" } : undefined;
  if (!budget) return ck.mark(f, { kind: "unchecked", reason: "未找到年初预算数" });
  if (fact && budget.cell === fact.cell && fact.flagged) return ck.mark(f, { kind: "unchecked", reason: `${fact.label}本身已被校验为错误` });
  if (fact && budget.cell === fact.cell && fact.value.isZero()) {
    ck.flag(f, "完成率", "info", fact.cell, null, `${f.text}%`, null, `${fact.label}为 0，文中却写完成年初预算的 ${f.text}%：表中预算数可能漏填`);
    return ck.mark(f, { kind: "unchecked", reason: `${fact.label}为 0` });
  }
  if (own && budget.cell === describe(own)) ck.mark(own, { kind: "self" });
  ck.mark(actual, { kind: "self" });
  comparePercent(ck, f, "完成率", inWan(actual), budget.value, `${actual.subject?.name ?? ""}${written(actual)}的完成率`, budget.cell);
}

/** 增加 X 万元，增长 Y%: the pair against itself, and X against 年初预算 or last year where known. */
function checkChange(ck: Checker, f: Fig): void {
  if (f.role !== "change") return;
  const subject = f.subject;
  const ownLevel = ck.own(f, "level", subject);
  const fact = ck.fact(subject ? tableKey({ ...f, role: "level" }) : null);
  const current = ownLevel ? { value: inWan(ownLevel), cell: describe(ownLevel) } : fact ? { value: fact.value, cell: fact.cell } : undefined;
  const rate = ck.figs.find((g) => g.paragraph === f.paragraph && g.sentence === f.sentence && g.start > f.start && g.role === "changeRate");
  const between = rate ? ck.figs.filter((g) => g.paragraph === f.paragraph && g.start > f.start && g.start < rate.start) : [];
  const paired = rate && between.length === 0 ? rate : undefined;
  const x = inWan(f);
  if (f.base === "budget") {
    const budgetFig = ck.own(f, "budget", subject);
    const bFact = subject?.tag === "sangong" ? ck.fact(`t7.budget.${subject.item}`) : undefined;
    const budget = budgetFig ? { value: inWan(budgetFig), cell: describe(budgetFig) } : bFact ? { value: bFact.value, cell: bFact.cell } : undefined;
    if (!budget || !current) return ck.mark(f, { kind: "unchecked", reason: "未找到年初预算数或决算数" });
    if (bFact && budget.cell === bFact.cell && bFact.flagged) return ck.mark(f, { kind: "unchecked", reason: `${bFact.label}本身已被校验为错误` });
    if (bFact && budget.cell === bFact.cell && bFact.value.isZero() && !current.value.isZero()) {
      ck.flag(f, "增减", "info", bFact.cell, null, written(f), null, `${bFact.label}为 0，文中却写比年初预算${f.decrease ? "减少" : "增加"} ${written(f)}：表中预算数可能漏填`);
      return ck.mark(f, { kind: "unchecked", reason: `${bFact.label}为 0` });
    }
    const diff = current.value.minus(budget.value);
    const expected = diff.abs();
    ck.mark(f, budget.cell.startsWith("表") ? { kind: "table", cell: budget.cell } : { kind: "self" });
    if (!expected.equals(x) || (!diff.isZero() && diff.isNegative() !== !!f.decrease)) {
      ck.flag(f, "增减", "error", budget.cell, `${diff.isNegative() ? "减少" : "增加"}${formatWan(expected)}万元`, `${f.decrease ? "减少" : "增加"}${written(f)}`, formatWan(x.minus(expected)),
        `比年初预算的增减与决算数 ${formatWan(current.value)}、年初预算 ${formatWan(budget.value)}（${budget.cell}）不符`);
    }
    return;
  }
  // Against last year: last = current ∓ X, rate = X / last.
  if (!current) {
    ck.mark(f, { kind: "unchecked", reason: "未找到本年数，无法核对增减额" });
    if (paired) ck.mark(paired, { kind: "unchecked", reason: "未找到本年数，无法核对增减率" });
    return;
  }
  const last = f.decrease ? current.value.plus(x) : current.value.minus(x);
  const lastInput = lastYear(ck, subject);
  if (lastInput) {
    const expectedX = current.value.minus(lastInput).abs();
    ck.mark(f, { kind: "table", cell: "说明数据（上年数）" });
    if (!expectedX.equals(x)) ck.flag(f, "增减", "error", "说明数据（上年数）", formatWan(expectedX), written(f), formatWan(x.minus(expectedX)), `与上年数 ${formatWan(lastInput)} 相比的增减额不符`);
  }
  if (!paired) return;
  if (last.isZero()) return ck.mark(paired, { kind: "unchecked", reason: "上年数为 0" });
  const expected = x.div(last).times(100).toDecimalPlaces(paired.decimals, Decimal.ROUND_HALF_UP);
  ck.mark(f, { kind: "self" });
  ck.mark(paired, { kind: "self" });
  if (!expected.equals(paired.value)) {
    ck.flag(paired, "增减", "error", current.cell, formatPercent(expected, paired.decimals), `${paired.text}%`, paired.value.minus(expected).toFixed(paired.decimals),
      `增减额 ${written(f)} 与增减率 ${paired.text}% 不一致：本年 ${formatWan(current.value)}（${current.cell}），上年应为 ${formatWan(last)}，增减率应为 ${formatPercent(expected, paired.decimals)}`);
  }
}

function lastYear(ck: Checker, s: Subject | null): Decimal | undefined {
  const last = ck.inputs?.last;
  if (!last || !s) return undefined;
  if (s.tag === "fact") return s.key === "t1.grand" ? last.grand : s.key === "t4.grand" ? last.fiscalGrand : s.key === "t5.total" ? last.fiscalExpense : undefined;
  if (s.tag === "sangong") return last.sanGong[s.item];
  if (s.tag === "other" && s.name === "机关运行经费") return last.runningCost;
  return undefined;
}

const isAmount = (g: TextFigure) => g.unit === "万元" || g.unit === "元" || g.unit === "亿元";
const sameUnit = (a: TextFigure, b: TextFigure) => a.unit === b.unit && a.countWord === b.countWord;

/** 其中 lists and explicit 合计/共: parts against their stated total. */
function checkParts(ck: Checker): void {
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
      const total = figs.filter((g) => g.start < at && g.nested === (nestedHere && !opens)).pop();
      if (!total) continue;
      const sentence = p.sentences.findIndex(([s, e]) => at >= s && at < e);
      const end = p.sentences[sentence]?.[1] ?? p.text.length;
      const close = nestedHere ? p.text.indexOf(")", at) : -1;
      const stop = close >= 0 ? Math.min(close, end) : end;
      const candidates = figs.filter((g) => g.start > at && g.start < stop && sameUnit(g, total) && g.nested === nestedHere && !/(?:合计|共计|总计)[为:]?\s*$/.test(p.text.slice(at, g.start)));
      // The list runs while each clause holds a part (or a share of one): 交易额 … 亿元 or 合格率达 … ends it.
      const parts: Fig[] = [];
      let from = at + m[0].length;
      for (const g of candidates) {
        const gap = p.text.slice(from, g.start).replace(/\([^)]*\)/g, "");
        const clauses = gap.split(/(?<!\d),(?!\d)|[;:]/).slice(1, -1);
        if (clauses.some((c) => c.trim() && !/占.*%/.test(c))) break;
        parts.push(g);
        from = g.end;
      }
      report(total, parts, false);
    }
  }
}

/** 年初预算 of each 类 against the 年初预算 of 一般公共预算财政拨款支出 written before them. */
function checkBudgetParts(ck: Checker): void {
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
function checkLists(ck: Checker): Map<number, Fig> {
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
      ck.flag(total, "列举合计", "error", `文中：其后列举的 ${items.length} 项`, `${formatWan(s)}万元`, written(total), formatWan(total.value.minus(s)),
        `其后列举的 ${items.length} 项合计 ${formatWan(s)} 万元，与 ${written(total)} 不符`, items);
    }
  });
  return listTotals;
}

function checkForm(ck: Checker): void {
  const year = Number(ck.tables.year ?? "0");
  ck.read.paragraphs.forEach((p, pi) => {
    for (const m of p.text.matchAll(/占[^\d%。;,]{0,16}?(\d+(?:\.\d+)?)(?![\d.]|\s*%|\s*[万亿元个家辆次人件期项台])/g)) {
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      const fake: TextFigure = { text: m[1], value: new Decimal(m[1]), unit: "count", countWord: "", decimals: 0, paragraph: pi, sentence: p.sentences.findIndex(([s, e]) => at >= s && at < e), start: at, end: at + m[1].length, nested: false };
      ck.flag(fake, "百分号", "error", "—", `${m[1]}%`, m[1], null, `占比 ${m[1]} 缺少百分号“%”`);
    }
    for (const r of RENAMED_CLASSES) {
      if (year < r.from) continue;
      for (const m of p.text.matchAll(new RegExp(`${r.old}(?:\\(类\\))?支出|${r.old}\\(类\\)`, "g"))) {
        const at = m.index ?? 0;
        const fake: TextFigure = { text: m[0], value: new Decimal(0), unit: "count", countWord: "", decimals: 0, paragraph: pi, sentence: p.sentences.findIndex(([s, e]) => at >= s && at < e), start: at, end: at + m[0].length, nested: false };
        ck.flag(fake, "科目名称", "warning", "科目名称", r.current, m[0], null, `“${m[0]}”是${r.from}年以前的类名称，${year}年度应为“${r.current}”`);
      }
    }
    // 支出决算数小于年初预算数: the word against the two figures of the paragraph.
    const word = /支出决算数(大于|小于|等于)年初预算数/.exec(p.text);
    if (word) {
      const budget = ck.figs.find((g) => g.paragraph === pi && g.role === "budget");
      const actual = ck.figs.find((g) => g.paragraph === pi && g.role === "level" && g.unit === "万元" && (!budget || g.start > budget.start));
      if (budget && actual) {
        const c = actual.value.comparedTo(budget.value);
        const right = c > 0 ? "大于" : c < 0 ? "小于" : "等于";
        if (right !== word[1]) ck.flag(actual, "大于小于", "error", describe(budget), right, word[1], null, `支出决算 ${written(actual)}${right}年初预算 ${written(budget)}，文中写“${word[1]}”`);
      }
    }
    const funds: [RegExp, FactKey, string][] = [
      [/无政府性基金预算财政拨款收入/, "t8.expense", "表8"],
      [/无国有资本经营预算财政拨款收入/, "t9.expense", "表9"],
    ];
    for (const [re, key, table] of funds) {
      const m = re.exec(p.text);
      const fact = ck.fact(key);
      if (m && fact && !fact.value.isZero()) {
        const at = m.index;
        const fake: TextFigure = { text: m[0], value: new Decimal(0), unit: "count", countWord: "", decimals: 0, paragraph: pi, sentence: p.sentences.findIndex(([s, e]) => at >= s && at < e), start: at, end: at, nested: false };
        ck.flag(fake, "无数据说明", "error", fact.cell, formatWan(fact.value), "无", null, `文中说没有这项资金，但${table}本年支出为 ${formatWan(fact.value)} 万元`);
      }
    }
  });
}

const UNCHECKED_REASON: Record<Role, string> = {
  level: "表中没有这个数（如项目金额、绩效指标、政府采购、资产数），文中也没有可核对的合计",
  budget: "年初预算不在决算表中（可在说明数据中填写）",
  change: "未找到可核对的本年数",
  share: "未找到占比的分母",
  rate: "未找到年初预算数",
  changeRate: "前面没有相配的增减额",
  other: "绩效指标、满意度等百分比，表中没有",
};

/** Check a written text (a string, or rows of a sheet) against the tables. */
export function checkNarrative(source: string | readonly string[], tables: TableFigures, inputs?: NarrativeInputs): NarrativeCheck {
  const read = readText(source);
  const ck = new Checker(read, tables, inputs);
  classify(ck);
  for (const f of ck.figs) checkTable(ck, f);
  const listTotals = checkLists(ck);
  for (const f of ck.figs) {
    checkShare(ck, f, listTotals.get(f.paragraph) ?? otherTotal(ck, f));
    checkRate(ck, f);
    checkChange(ck, f);
  }
  checkParts(ck);
  checkBudgetParts(ck);
  checkForm(ck);
  const figures = ck.figs.map((f) => ({
    figure: f as TextFigure,
    sentence: sentenceText(read, f),
    status: f.status.kind === "unchecked" && !f.status.reason ? { kind: "unchecked" as const, reason: f.unit === "count" ? "数量（车辆、项目、批次等）表中没有" : UNCHECKED_REASON[f.role] } : f.status,
  }));
  ck.findings.sort((a, b) => a.paragraph - b.paragraph);
  return { findings: ck.findings, figures, read };
}

/** For an unnamed share (占 43.3%) outside a list: the 其中 total before it. */
function otherTotal(ck: Checker, f: Fig): Fig | undefined {
  const p = ck.read.paragraphs[f.paragraph];
  const at = p.text.lastIndexOf("其中", f.start);
  if (at < 0) return undefined;
  return ck.figs.filter((g) => g.paragraph === f.paragraph && g.start < at && g.role === "level" && g.unit !== "%" && !g.nested).pop();
}

export function figureSummary(c: NarrativeCheck): { table: number; self: number; unchecked: number; reasons: Map<string, number> } {
  const reasons = new Map<string, number>();
  let table = 0;
  let self = 0;
  for (const { status } of c.figures) {
    if (status.kind === "table") table++;
    else if (status.kind === "self") self++;
    else reasons.set(status.reason, (reasons.get(status.reason) ?? 0) + 1);
  }
  return { table, self, unchecked: c.figures.length - table - self, reasons };
}

export { SANGONG_NAMES };
