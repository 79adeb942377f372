// 表1 and 表4: the totals printed in their notes (27, 30, 57, 60 / 27, 28, 32, 59, 64) and 总计 = 总计.
import type { SummaryTable } from "../model";
import type { Checker } from "./checker";
import { type Identity, checkIdentities } from "./identity";
import { classLines, describeLine, line, lineCell } from "./lines";

const T1_INCOME = ["general", "govfund", "statecap", "superior", "business", "operating", "subordinate", "other"];
const FUNDS = ["general", "govfund", "statecap"];

function what(t: SummaryTable, side: "income" | "expense", key: string): string {
  const l = line(t, side, key);
  return l ? `${t.id} ${describeLine(l)}` : key;
}

export function table1Identities(t: SummaryTable): Identity[] {
  const inc = (k: string) => lineCell(t, "income", k);
  const exp = (k: string) => lineCell(t, "expense", k);
  const s = (rule: string, side: "income" | "expense", key: string) => ({ rule, table: t.id, what: what(t, side, key), fills: true });
  return [
    { ...s("T1-27", "income", "total"), target: inc("total"), parts: T1_INCOME.map(inc), partsWhat: "收入各项（第1–8行）" },
    { ...s("T1-30", "income", "grand"), target: inc("grand"), parts: [inc("total"), inc("nonfiscal"), inc("carryBegin")], partsWhat: "本年收入合计、使用非财政拨款结余、年初结转和结余" },
    { ...s("T1-57", "expense", "total"), target: exp("total"), parts: classLines(t).map((l) => l.cells.amount), partsWhat: "各类支出（第31–56行）" },
    { ...s("T1-60", "expense", "grand"), target: exp("grand"), parts: [exp("total"), exp("distribution"), exp("carryEnd")], partsWhat: "本年支出合计、结余分配、年末结转和结余" },
  ];
}

export function checkTable1(t: SummaryTable, ck: Checker): void {
  checkIdentities(table1Identities(t), ck);
  const exp = lineCell(t, "expense", "grand");
  ck.equal({ rule: "T1-总计", table: t.id, what: what(t, "expense", "grand") }, exp, lineCell(t, "income", "grand"), "收入总计");
}

export function table4Identities(t: SummaryTable): Identity[] {
  const out: Identity[] = [];
  const inc = (k: string) => lineCell(t, "income", k);
  const s = (rule: string, side: "income" | "expense", key: string, col?: string) => ({
    rule,
    table: t.id,
    what: what(t, side, key) + (col ? `（${COLUMN_NAME[col] ?? col}）` : ""),
    fills: true,
  });
  out.push({ ...s("T4-27", "income", "total"), target: inc("total"), parts: FUNDS.map(inc), partsWhat: "三项财政拨款收入（第1–3行）" });
  const carryParts = FUNDS.map((f) => inc(`carryBegin.${f}`));
  if (carryParts.some(Boolean)) out.push({ ...s("T4-28", "income", "carryBegin"), target: inc("carryBegin"), parts: carryParts, partsWhat: "三项年初结转和结余（第29–31行）" });
  out.push({ ...s("T4-32", "income", "grand"), target: inc("grand"), parts: [inc("total"), inc("carryBegin")], partsWhat: "本年收入合计与年初财政拨款结转和结余" });

  const columns = expenseColumns(t);
  // Each expense row first: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
  if (columns.includes("total") && columns.length > 1) {
    for (const l of t.expense) {
      out.push({ rule: "T4-合计栏", table: t.id, what: `${t.id} ${describeLine(l)}（合计）`, fills: true, target: l.cells.total, parts: FUNDS.map((f) => l.cells[f]), partsWhat: "三类财政拨款" });
    }
  }
  for (const col of columns) {
    const exp = (k: string) => lineCell(t, "expense", k, col);
    out.push({ ...s("T4-59", "expense", "total", col), target: exp("total"), parts: classLines(t).map((l) => l.cells[col]), partsWhat: "各类支出（第33–58行）" });
    const carryEnd = FUNDS.map((f) => exp(`carryEnd.${f}`));
    if (carryEnd.some(Boolean)) out.push({ ...s("T4-60", "expense", "carryEnd", col), target: exp("carryEnd"), parts: carryEnd, partsWhat: "三项年末结转和结余" });
    out.push({ ...s("T4-64", "expense", "grand", col), target: exp("grand"), parts: [exp("total"), exp("carryEnd")], partsWhat: "本年支出合计与年末财政拨款结转和结余" });
  }
  return out;
}

export function checkTable4(t: SummaryTable, ck: Checker): void {
  checkIdentities(table4Identities(t), ck);
  const columns = expenseColumns(t);
  ck.equal(
    { rule: "T4-总计", table: t.id, what: what(t, "expense", "grand") + `（${COLUMN_NAME[columns.includes("total") ? "total" : "amount"]}）` },
    lineCell(t, "expense", "grand", columns[0]),
    lineCell(t, "income", "grand"),
    "收入总计",
  );
}

export const COLUMN_NAME: Record<string, string> = {
  total: "合计",
  general: "一般公共预算财政拨款",
  govfund: "政府性基金预算财政拨款",
  statecap: "国有资本经营预算财政拨款",
  amount: "金额",
};

export function expenseColumns(t: SummaryTable): string[] {
  const keys = new Set(t.expense.flatMap((l) => Object.keys(l.cells)));
  return ["total", "amount", ...FUNDS].filter((k) => keys.has(k));
}
