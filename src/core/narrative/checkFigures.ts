// Rules on single figures: an amount against its table cell, a share against its two amounts, a completion
// rate against 决算 and 年初预算, and 增加 X 增长 Y% against each other (and against last year where known).
import { Decimal } from "../money";
import { formatPercent, formatWan } from "./format";
import { type Checker, tableKey } from "./checker";
import type { Fact, FactKey } from "./figures";
import { type Fig, type NarrativeRule, describe, inWan, isAmount, written } from "./checkTypes";
import { type Subject, lastSubject, sameSubject, subjectKey } from "./subjects";
import { sentenceText } from "./reading";

/** A figure compared with: its value and where it is (`表7!F7`, or `文中：…`). */
interface Ref {
  value: Decimal;
  cell: string;
}

const ofText = (g: Fig): Ref => ({ value: inWan(g), cell: describe(g) });
const ofFact = (f: Fact): Ref => ({ value: f.value, cell: f.cell });
const isCell = (r: Ref) => r.cell.startsWith("表");
const sameFact = (r: Ref, f: Fact | undefined): f is Fact => f !== undefined && r.cell === f.cell;

/** The same figure in another table, for a workbook where the first one was not recognised. */
export function fallbackKey(key: FactKey): FactKey | null {
  if (key.startsWith("t5.class.")) return `t1.class.${key.slice(9)}`;
  if (key === "t3.total") return "t1.expenseTotal";
  if (key === "t5.total") return "t4.expenseTotal";
  return null;
}

export function checkTable(ck: Checker, f: Fig): void {
  if (f.role !== "level" && f.role !== "budget") return;
  if (f.unit === "%" || f.unit === "count") return;
  const key = tableKey(f);
  const fact = ck.fact(key) ?? ck.fact(key ? fallbackKey(key) : null);
  if (!fact) return;
  const value = inWan(f);
  const table = formatWan(fact.value);
  ck.mark(f, { kind: "table", cell: fact.cell });
  if (value.equals(fact.value)) {
    if (f.unit !== "万元") ck.flag(f, "单位", "warning", fact.cell, `${table}万元`, written(f), null, `金额的单位写成了“${f.unit}”，表中单位为万元`);
    return;
  }
  const diff = formatWan(value.minus(fact.value));
  const name = f.subject?.name ?? "";
  if (fact.flagged) {
    const message = `文中${name}为 ${written(f)}，${fact.label} 为 ${table}；该单元格本身已被校验为错误，文中数字未据以判断`;
    ck.flag(f, "表数", "info", fact.cell, table, written(f), diff, message);
    return;
  }
  const unitNote = f.unit !== "万元" ? `（文中单位为${f.unit}）` : "";
  ck.flag(f, "表数", "error", fact.cell, table, written(f), diff, `文中${name}${written(f)}与${fact.label} ${table} 不符${unitNote}`);
}

/** A percentage against its own two amounts, at the decimals it was written with. */
function comparePercent(ck: Checker, f: Fig, rule: NarrativeRule, part: Decimal, whole: Ref, what: string): void {
  if (whole.value.isZero()) {
    ck.mark(f, { kind: "unchecked", reason: `${what}的分母为 0` });
    return;
  }
  const expected = part.div(whole.value).times(100).toDecimalPlaces(f.decimals, Decimal.ROUND_HALF_UP);
  ck.mark(f, isCell(whole) ? { kind: "table", cell: whole.cell } : { kind: "self" });
  if (expected.equals(f.value)) return;
  const shown = formatPercent(expected, f.decimals);
  ck.flag(f, rule, "error", whole.cell, shown, `${f.text}%`, f.value.minus(expected).toFixed(f.decimals), `${what}：按 ${whole.cell} 算得 ${shown}，文中为 ${f.text}%`);
}

/** What a share is a share of: the figure its words name (the text's own, else the table's), or the list's total. */
function shareWhole(ck: Checker, f: Fig, part: Fig, listTotal: Fig | undefined): Ref | undefined {
  if (!f.denominator) return listTotal ? ofText(listTotal) : undefined;
  const named = lastSubject(f.denominator, 0);
  if (named) {
    // The text's own figure in this paragraph, else the table's, else the text's in an earlier paragraph.
    const here = ck.index.lastLevelAmount(f, named, part, true);
    if (here) return ofText(here);
    const fact = named.tag === "fact" ? ck.fact(named.key) : undefined;
    if (fact) return ofFact(fact);
    const earlier = ck.index.lastLevelAmount(f, named, part, false);
    return earlier ? ofText(earlier) : undefined;
  }
  // Words no table names (政府采购支出总额): the figure of this paragraph whose sentence has them.
  const words = f.denominator.replace(/的$/, "");
  const has = new Map<number, boolean>(); // by sentence: each is searched once, not once for each of its figures
  const inSentence = (g: Fig) => {
    if (!has.has(g.sentence)) has.set(g.sentence, sentenceText(ck.read, g).includes(words));
    return has.get(g.sentence);
  };
  const own = ck.index.in(f.paragraph).find((g) => g.start < f.start && g.role === "level" && isAmount(g) && g !== part && !g.nested && inSentence(g));
  return own ? ofText(own) : undefined;
}

export function checkShare(ck: Checker, f: Fig, listTotal: Fig | undefined): void {
  if (f.role !== "share") return;
  const part = ck.previousLevel(f);
  if (!part) return ck.mark(f, { kind: "unchecked", reason: "占比前没有金额" });
  const whole = shareWhole(ck, f, part, listTotal);
  if (!whole) return ck.mark(f, { kind: "unchecked", reason: `未找到占比的分母“${f.denominator || "（未写明）"}”` });
  ck.mark(part, { kind: "self" });
  comparePercent(ck, f, "占比", inWan(part), whole, `${part.subject?.name ?? ""}${written(part)}的占比`);
}

/** A table's 年初预算 of 0 (or one the validator flagged) cannot check a rate or a change: say why. */
function unusableBudget(ck: Checker, f: Fig, budget: Ref, fact: Fact | undefined, current: Decimal | null, what: string): boolean {
  if (!sameFact(budget, fact)) return false;
  if (fact.flagged) {
    ck.mark(f, { kind: "unchecked", reason: `${fact.label}本身已被校验为错误` });
    return true;
  }
  if (!fact.value.isZero() || current?.isZero()) return false;
  ck.flag(f, f.role === "rate" ? "完成率" : "增减", "info", fact.cell, null, written(f), null, `${fact.label}为 0，文中却写${what} ${written(f)}：表中预算数可能漏填`);
  ck.mark(f, { kind: "unchecked", reason: `${fact.label}为 0` });
  return true;
}

export function checkRate(ck: Checker, f: Fig): void {
  if (f.role !== "rate") return;
  const actual = ck.previousLevel(f);
  if (!actual) return ck.mark(f, { kind: "unchecked", reason: "完成率前没有决算数" });
  const subject = actual.subject;
  const own = ck.index.lastBefore(f.paragraph, f.start, "budget");
  const fact = subject?.tag === "sangong" ? ck.fact(`t7.budget.${subject.item}`) : undefined;
  const input = subject?.tag === "class" ? ck.inputs?.budget.classes[subject.code] : undefined;
  const useOwn = own && (sameSubject(own.subject, subject) || own.sentence === f.sentence || !fact);
  const budget = useOwn ? ofText(own) : fact ? ofFact(fact) : input ? { value: input, cell: "说明数据" } : undefined;
  if (!budget) return ck.mark(f, { kind: "unchecked", reason: "未找到年初预算数" });
  if (unusableBudget(ck, f, budget, fact, null, "完成年初预算的")) return;
  if (useOwn) ck.mark(own, { kind: "self" });
  ck.mark(actual, { kind: "self" });
  comparePercent(ck, f, "完成率", inWan(actual), budget, `${actual.subject?.name ?? ""}${written(actual)}的完成率`);
}

/** 比年初预算减少 X: X against 决算 and 年初预算 (the text's, else 表7's). */
function changeVsBudget(ck: Checker, f: Fig, current: Ref): void {
  const subject = f.subject;
  const own = ck.own(f, "budget", subject);
  const fact = subject?.tag === "sangong" ? ck.fact(`t7.budget.${subject.item}`) : undefined;
  const budget = own ? ofText(own) : fact ? ofFact(fact) : undefined;
  if (!budget) return ck.mark(f, { kind: "unchecked", reason: "未找到年初预算数或决算数" });
  if (unusableBudget(ck, f, budget, fact, current.value, `比年初预算${f.decrease ? "减少" : "增加"}`)) return;
  const diff = current.value.minus(budget.value);
  const expected = diff.abs();
  const x = inWan(f);
  ck.mark(f, isCell(budget) ? { kind: "table", cell: budget.cell } : { kind: "self" });
  if (expected.equals(x) && (diff.isZero() || diff.isNegative() === !!f.decrease)) return;
  const shown = `${diff.isNegative() ? "减少" : "增加"}${formatWan(expected)}万元`;
  const message = `比年初预算的增减与决算数 ${formatWan(current.value)}、年初预算 ${formatWan(budget.value)}（${budget.cell}）不符`;
  ck.flag(f, "增减", "error", budget.cell, shown, `${f.decrease ? "减少" : "增加"}${written(f)}`, formatWan(x.minus(expected)), message);
}

function lastYear(ck: Checker, s: Subject | null): Decimal | undefined {
  const last = ck.inputs?.last;
  if (!last || !s) return undefined;
  if (s.tag === "sangong") return last.sanGong[s.item];
  if (s.tag === "other" && s.name === "机关运行经费") return last.runningCost;
  if (s.tag !== "fact") return undefined;
  return s.key === "t1.grand" ? last.grand : s.key === "t4.grand" ? last.fiscalGrand : s.key === "t5.total" ? last.fiscalExpense : undefined;
}

/** 比上年增加 X，增长 Y%: last year is current ∓ X, and Y = X / last year; X against last year's figure where given. */
function changeVsLastYear(ck: Checker, f: Fig, current: Ref, rate: Fig | undefined): void {
  const x = inWan(f);
  const last = f.decrease ? current.value.plus(x) : current.value.minus(x);
  const given = lastYear(ck, f.subject);
  if (given) {
    const expected = current.value.minus(given).abs();
    ck.mark(f, { kind: "table", cell: "说明数据（上年数）" });
    const message = `与上年数 ${formatWan(given)} 相比的增减额不符`;
    if (!expected.equals(x)) ck.flag(f, "增减", "error", "说明数据（上年数）", formatWan(expected), written(f), formatWan(x.minus(expected)), message);
  }
  if (!rate) return;
  if (last.isZero()) return ck.mark(rate, { kind: "unchecked", reason: "上年数为 0" });
  const expected = x.div(last).times(100).toDecimalPlaces(rate.decimals, Decimal.ROUND_HALF_UP);
  ck.mark(f, { kind: "self" });
  ck.mark(rate, { kind: "self" });
  if (expected.equals(rate.value)) return;
  const shown = formatPercent(expected, rate.decimals);
  const message = `增减额 ${written(f)} 与增减率 ${rate.text}% 不一致：本年 ${formatWan(current.value)}（${current.cell}），上年应为 ${formatWan(last)}，增减率应为 ${shown}`;
  ck.flag(rate, "增减", "error", current.cell, shown, `${rate.text}%`, rate.value.minus(expected).toFixed(rate.decimals), message);
}

/** 增加 X 万元，增长 Y%: the pair against itself, and X against 年初预算 or last year where known. */
export function checkChange(ck: Checker, f: Fig): void {
  if (f.role !== "change") return;
  const ownLevel = ck.own(f, "level", f.subject);
  const fact = ck.fact(f.subject ? tableKey({ ...f, role: "level" }) : null);
  const current = ownLevel ? ofText(ownLevel) : fact ? ofFact(fact) : undefined;
  // The rate that goes with X is the next figure of the sentence, if it is one.
  const next = ck.index.next(f);
  const rate = next?.role === "changeRate" && next.sentence === f.sentence ? next : undefined;
  if (!current) {
    ck.mark(f, { kind: "unchecked", reason: "未找到本年数，无法核对增减额" });
    if (rate) ck.mark(rate, { kind: "unchecked", reason: "未找到本年数，无法核对增减率" });
    return;
  }
  if (f.base === "budget") changeVsBudget(ck, f, current);
  else changeVsLastYear(ck, f, current, rate);
}

/** The same change written twice (in a summary and again in its section) must be the same figure. */
export function checkRepeatedChanges(ck: Checker): void {
  // The first change of each kind and subject, by key (a list searched for each change would grow with the text).
  const first = new Map<string, Fig>();
  for (const f of ck.figs) {
    if (f.role !== "change" || !f.subject || f.nested) continue;
    const key = `${f.base}:${f.decrease}:${subjectKey(f.subject)}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, f);
      continue;
    }
    ck.mark(f, { kind: "self" });
    if (inWan(earlier).equals(inWan(f))) continue;
    const message = `${f.subject.name}的增减额前文写 ${written(earlier)}，此处写 ${written(f)}`;
    ck.flag(f, "增减", "error", describe(earlier), written(earlier), written(f), formatWan(inWan(f).minus(inWan(earlier))), message, [earlier]);
  }
}
