// One row of a 自评表 scored by its rule: a budget line by 执行率 (from its 其中 lines when the total was left at 0),
// an indicator by scoreIndicator.
import { type CellValue, Decimal, readAmount } from "../money";
import { type IndicatorScore, scoreBudget, scoreIndicator } from "./score";
import type { SelfEvalRow } from "./types";

export const isBudgetRow = (r: Pick<SelfEvalRow, "level1">) => /预算执行|资金|预算管理/.test(r.level1);

export function decimalOf(v: CellValue | undefined): Decimal | null {
  const read = readAmount(v ?? null);
  return read.kind === "amount" ? read.value : null;
}

/** A budget line's 预算数 and 执行数; from its 其中 lines when the total line was left at 0 or empty. */
export function budgetFigures(row: SelfEvalRow): { budget: Decimal | null; executed: Decimal | null; fromParts: boolean } {
  const [budget, executed] = [decimalOf(row.target), decimalOf(row.actual)];
  const parts = row.budget?.parts ?? [];
  const sum = (key: "budget" | "executed") => parts.reduce((s, p) => s.plus(decimalOf(p[key]) ?? 0), new Decimal(0));
  if ((!budget || budget.isZero()) && sum("budget").gt(0)) return { budget: sum("budget"), executed: executed && !executed.isZero() ? executed : sum("executed"), fromParts: true };
  return { budget, executed, fromParts: false };
}

export function scoreRow(row: SelfEvalRow): IndicatorScore {
  const weight = decimalOf(row.weight);
  if (isBudgetRow(row)) {
    const { budget, executed } = budgetFigures(row);
    if (!weight) return { score: null, basis: "缺少分值", flags: ["NO_WEIGHT"] };
    if (!budget || !executed) return { score: null, basis: "预算数或执行数不是数值", flags: ["JUDGEMENT"] };
    return scoreBudget(budget, executed, weight);
  }
  return scoreIndicator({ name: row.level3, target: row.target, actual: row.actual, weight, rule: row.rule, method: row.method });
}
