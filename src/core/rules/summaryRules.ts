// 表1 and 表4: the totals printed in their notes (27, 30, 57, 60 / 27, 28, 32, 59, 64) and 总计 = 总计 (docs/rules.md).
import type { SummaryTable } from "../model";
import { FUNDS, SUMMARY_COLUMN_LABEL, type SummaryColumnKey, type SummaryLineKey } from "./catalogue";
import type { Checker } from "./checker";
import { type Identity, checkIdentities } from "./identity";
import { classLines, describeLine, line, lineCell, summaryCell } from "./lines";

type LineKey = Exclude<SummaryLineKey, "class">;
type Side = "income" | "expense";

const T1_INCOME: LineKey[] = ["general", "govfund", "statecap", "superior", "business", "operating", "subordinate", "other"];

function what(t: SummaryTable, side: Side, key: LineKey): string {
  const l = line(t, side, key);
  return l ? `${t.id} ${describeLine(l)}` : `${t.id} ${key === "grand" ? (side === "income" ? "收入总计" : "支出总计") : side === "income" ? "本年收入合计" : "本年支出合计"}`;
}

export function table1Identities(t: SummaryTable): Identity[] {
  const inc = (k: LineKey) => lineCell(t, "income", k);
  const exp = (k: LineKey) => lineCell(t, "expense", k);
  const s = (rule: string, side: Side, key: LineKey) => ({ rule, table: t.id, what: what(t, side, key), fills: true });
  return [
    { ...s("T1-27", "income", "total"), target: inc("total"), parts: T1_INCOME.map(inc), partsWhat: "收入各项（第1–8行）" },
    { ...s("T1-30", "income", "grand"), target: inc("grand"), parts: [inc("total"), inc("nonfiscal"), inc("carryBegin")], partsWhat: "本年收入合计、使用非财政拨款结余、年初结转和结余" },
    { ...s("T1-57", "expense", "total"), target: exp("total"), parts: classLines(t).map((l) => summaryCell(t, l, "amount")), partsWhat: "各类支出（第31–56行）" },
    { ...s("T1-60", "expense", "grand"), target: exp("grand"), parts: [exp("total"), exp("distribution"), exp("carryEnd")], partsWhat: "本年支出合计、结余分配、年末结转和结余" },
  ];
}

export function checkTable1(t: SummaryTable, ck: Checker): void {
  checkIdentities(table1Identities(t), ck);
  ck.equal({ rule: "T1-总计", table: t.id, what: what(t, "expense", "grand") }, lineCell(t, "expense", "grand"), lineCell(t, "income", "grand"), "收入总计");
}

export function table4Identities(t: SummaryTable): Identity[] {
  const out: Identity[] = [];
  const inc = (k: LineKey) => lineCell(t, "income", k);
  const s = (rule: string, side: Side, key: LineKey, col?: SummaryColumnKey) => ({
    rule,
    table: t.id,
    what: what(t, side, key) + (col ? `（${SUMMARY_COLUMN_LABEL[col]}）` : ""),
    fills: true,
  });
  out.push({ ...s("T4-27", "income", "total"), target: inc("total"), parts: FUNDS.map(inc), partsWhat: "三项财政拨款收入（第1–3行）" });
  // 年初结转和结余 by fund is printed by the central template only; where it is not, T4-28 does not apply.
  const carryParts = FUNDS.map((f) => inc(`carryBegin.${f}`));
  if (FUNDS.some((f) => line(t, "income", `carryBegin.${f}`))) out.push({ ...s("T4-28", "income", "carryBegin"), target: inc("carryBegin"), parts: carryParts, partsWhat: "三项年初结转和结余（第29–31行）" });
  out.push({ ...s("T4-32", "income", "grand"), target: inc("grand"), parts: [inc("total"), inc("carryBegin")], partsWhat: "本年收入合计与年初财政拨款结转和结余" });

  const columns = expenseColumns(t);
  // Each expense row first: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
  if (columns.includes("total") && columns.length > 1) {
    for (const l of t.expense) {
      out.push({ rule: "T4-合计栏", table: t.id, what: `${t.id} ${describeLine(l)}（合计）`, fills: true, target: summaryCell(t, l, "total"), parts: FUNDS.map((f) => summaryCell(t, l, f)), partsWhat: "三类财政拨款" });
    }
  }
  for (const col of columns) {
    const exp = (k: LineKey) => lineCell(t, "expense", k, col);
    out.push({ ...s("T4-59", "expense", "total", col), target: exp("total"), parts: classLines(t).map((l) => summaryCell(t, l, col)), partsWhat: "各类支出（第33–58行）" });
    if (FUNDS.some((f) => line(t, "expense", `carryEnd.${f}`))) {
      out.push({ ...s("T4-60", "expense", "carryEnd", col), target: exp("carryEnd"), parts: FUNDS.map((f) => exp(`carryEnd.${f}`)), partsWhat: "三项年末结转和结余" });
    }
    out.push({ ...s("T4-64", "expense", "grand", col), target: exp("grand"), parts: [exp("total"), exp("carryEnd")], partsWhat: "本年支出合计与年末财政拨款结转和结余" });
  }
  return out;
}

export function checkTable4(t: SummaryTable, ck: Checker): void {
  checkIdentities(table4Identities(t), ck);
  const columns = expenseColumns(t);
  if (!FUNDS.some((f) => line(t, "income", `carryBegin.${f}`))) ck.notApplies({ rule: "T4-28", table: t.id }, "表4 未分列三项年初结转和结余");
  if (!FUNDS.some((f) => line(t, "expense", `carryEnd.${f}`))) ck.notApplies({ rule: "T4-60", table: t.id }, "表4 未分列三项年末结转和结余");
  if (!(columns.includes("total") && columns.length > 1)) ck.notApplies({ rule: "T4-合计栏", table: t.id }, "表4 支出方只有一栏金额");
  const first = columns[0] ?? "amount";
  ck.equal({ rule: "T4-总计", table: t.id, what: what(t, "expense", "grand") + `（${SUMMARY_COLUMN_LABEL[first]}）` }, lineCell(t, "expense", "grand", first), lineCell(t, "income", "grand"), "收入总计");
}

/** The amount columns of 表4's expense side, 合计 (or the single 金额) first. */
export function expenseColumns(t: SummaryTable): SummaryColumnKey[] {
  const keys = new Set(t.expense.flatMap((l) => Object.keys(l.cells)));
  return (["total", "amount", ...FUNDS] as const).filter((k) => keys.has(k));
}
