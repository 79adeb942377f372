// Rules on single figures: an amount against its table cell, a share against its two amounts, a completion
// rate against 决算 and 年初预算, and 增加 X 增长 Y% against each other (and against last year where known).
import { Decimal } from "../money";
import { formatPercent, formatWan } from "./format";
import { type Checker, tableKey } from "./checker";
import type { FactKey } from "./figures";
import { type Fig, type NarrativeRule, describe, inWan, isAmount, written } from "./checkTypes";
import { type Subject, lastSubject, sameSubject } from "./subjects";
import { sentenceText } from "./reading";

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


export function checkShare(ck: Checker, f: Fig, listTotal: Fig | undefined): void {
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

export function checkRate(ck: Checker, f: Fig): void {
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
export function checkChange(ck: Checker, f: Fig): void {
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
