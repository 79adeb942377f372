// 表间 rules X1–X11 (docs/rules.md): the same figure must agree wherever the tables print it. A rule whose
// tables are not all recognised does not run; the missing table's finding (MISSING) names it.
import { className } from "../codes";
import type { TableId } from "../findings";
import { type CodeTable, type EconTable, type Ref, type SanGongTable, type SummaryTable, type Table, type Workbook, absent, amountValue, isAbsent, present } from "../model";
import { Decimal, formatAmount } from "../money";
import { type CodeColumnKey, type Fund, SUMMARY_COLUMN_LABEL, SUMMARY_LINE_LABEL, type SummaryColumnKey, X9_PAIRS } from "./catalogue";
import type { Checker } from "./checker";
import { classLines, columnName, describeLine, describeRow, hasColumn, lineCell, rowCell, summaryCell, totalCell } from "./lines";
import { sangongCell } from "./sangongRules";

interface Tables {
  t1?: SummaryTable;
  t2?: CodeTable;
  t3?: CodeTable;
  t4?: SummaryTable;
  t5?: CodeTable;
  t6?: EconTable;
  t7?: SanGongTable;
  t8?: CodeTable;
  t9?: CodeTable;
}

function tableOf<K extends Table["kind"]>(wb: Workbook, id: TableId, kind: K): Extract<Table, { kind: K }> | undefined {
  const t = wb.tables[id];
  return t?.kind === kind ? (t as Extract<Table, { kind: K }>) : undefined;
}

function tablesOf(wb: Workbook): Tables {
  return {
    t1: tableOf(wb, "表1", "summary"),
    t2: tableOf(wb, "表2", "code"),
    t3: tableOf(wb, "表3", "code"),
    t4: tableOf(wb, "表4", "summary"),
    t5: tableOf(wb, "表5", "code"),
    t6: tableOf(wb, "表6", "econ"),
    t7: tableOf(wb, "表7", "sangong"),
    t8: tableOf(wb, "表8", "code"),
    t9: tableOf(wb, "表9", "code"),
  };
}

/** 表1's other income lines and the 表2 column of the same name. */
const T1_OTHER_INCOME = ["superior", "business", "operating", "subordinate", "other"] as const;

export function checkCrossTables(wb: Workbook, ck: Checker): void {
  const t = tablesOf(wb);
  if (t.t1 && t.t2) x1x2(t.t1, t.t2, ck);
  if (t.t1 && t.t3) x3(t.t1, t.t3, ck);
  if (t.t1 && t.t4) x4x10(t.t1, t.t4, ck);
  if (t.t4 && t.t5) fundColumn("X5", t.t4, "general", t.t5, ck);
  if (t.t4 && t.t8) fundColumn("X6", t.t4, "govfund", t.t8, ck);
  if (t.t4 && t.t9) fundColumn("X6", t.t4, "statecap", t.t9, ck);
  if (t.t5 && t.t6) x7(t.t5, t.t6, ck);
  if (t.t3 && t.t5) x8(t.t3, t.t5, ck);
  if (t.t6 && t.t7) x9(t.t6, t.t7, ck);
  for (const [table, column] of [[t.t8, "govfund"], [t.t9, "statecap"]] as const) if (table) x11(table, t.t4, column, ck);
}

function x1x2(t1: SummaryTable, t2: CodeTable, ck: Checker): void {
  const inc = (k: Fund | "total") => lineCell(t1, "income", k);
  ck.equal({ rule: "X1", table: "表1", what: "表1 本年收入合计" }, inc("total"), totalCell(t2, "total"), "表2 合计 本年收入合计");
  ck.sum({ rule: "X2", table: "表2", what: "表2 合计 财政拨款收入" }, totalCell(t2, "fiscal"), (["general", "govfund", "statecap"] as const).map(inc), "表1 三项财政拨款收入");
  for (const key of T1_OTHER_INCOME) {
    const line = t1.income.find((l) => l.key === key);
    if (line) ck.equal({ rule: "X2", table: "表1", what: `表1 ${describeLine(line)}` }, summaryCell(t1, line, "amount"), totalCell(t2, key), `表2 合计 ${columnName(t2, key)}`);
    // 表1 does not print the line: 表2's column must then be 0.
    else if (hasColumn(t2, key)) ck.equalValue({ rule: "X2", table: "表2", what: `表2 合计 ${columnName(t2, key)}` }, totalCell(t2, key), new Decimal(0), [], `表1（无${SUMMARY_LINE_LABEL[key]}行，即 0）`);
  }
}

function x3(t1: SummaryTable, t3: CodeTable, ck: Checker): void {
  ck.equal({ rule: "X3", table: "表1", what: "表1 本年支出合计" }, lineCell(t1, "expense", "total"), totalCell(t3, "total"), "表3 合计 本年支出合计");
  classAgreement("X3", t1, "amount", t3, "total", ck);
}

/** Each 类 of a 功能分类 table must match the 表1/表4 expense row of the same class, both ways. */
function classAgreement(rule: string, summary: SummaryTable, column: SummaryColumnKey, table: CodeTable, tableColumn: CodeColumnKey, ck: Checker): void {
  const lines = classLines(summary);
  const what = (l: (typeof lines)[number]) => `${summary.id} ${describeLine(l)}${summary.id === "表4" ? `（${SUMMARY_COLUMN_LABEL[column]}）` : ""}`;
  for (const l of lines) {
    const code = l.classCode ?? "";
    const row = table.byCode.get(code);
    const cell = summaryCell(summary, l, column);
    if (row) ck.equal({ rule, table: summary.id, what: what(l) }, cell, rowCell(table, row, tableColumn), `${table.id} 类${code} ${columnName(table, tableColumn)}`);
    else ck.equalValue({ rule, table: summary.id, what: what(l) }, cell, new Decimal(0), [], `${table.id}（无类${code}，即 0）`);
  }
  for (const row of table.rows.filter((r) => r.level === "类")) {
    const code = row.code as string;
    if (lines.some((l) => l.classCode === code)) continue;
    const cell = present(rowCell(table, row, tableColumn));
    const value = cell ? amountValue(cell) : undefined;
    if (!cell || !value || value.isZero()) continue;
    ck.flag({ rule, table: table.id, what: "" }, "error", cell, `${table.id} ${describeRow(row)} 有金额 ${formatAmount(value)}，但${summary.id}没有“${className(code) ?? code}”这一行`, {
      found: formatAmount(value),
    });
  }
}

function x4x10(t1: SummaryTable, t4: SummaryTable, ck: Checker): void {
  for (const key of ["general", "govfund", "statecap"] as const) {
    const line = t4.income.find((l) => l.key === key);
    if (line) ck.equal({ rule: "X4", table: "表4", what: `表4 ${describeLine(line)}` }, summaryCell(t4, line, "amount"), lineCell(t1, "income", key), "表1 同名收入");
    // 表4 does not print the line: 表1's must then be 0.
    else ck.equalValue({ rule: "X4", table: "表1", what: `表1 ${SUMMARY_LINE_LABEL[key]}` }, lineCell(t1, "income", key), new Decimal(0), [], `表4（无此行，即 0）`);
  }
  ck.atMost({ rule: "X10", table: "表4", what: "表4 年初财政拨款结转和结余" }, lineCell(t4, "income", "carryBegin"), lineCell(t1, "income", "carryBegin"), "表1 年初结转和结余");
  ck.atMost({ rule: "X10", table: "表4", what: "表4 年末财政拨款结转和结余" }, lineCell(t4, "expense", "carryEnd", "total"), lineCell(t1, "expense", "carryEnd"), "表1 年末结转和结余");
}

/** X5/X6: a fund column of 表4 against the table of that fund (表5, 表8, 表9), class by class and in total. */
function fundColumn(rule: string, t4: SummaryTable, column: Fund, table: CodeTable, ck: Checker): void {
  if (!t4.expense.some((l) => l.cells[column])) return ck.notApplies({ rule, table: "表4" }, `表4 没有“${SUMMARY_COLUMN_LABEL[column]}”栏`);
  const what = `表4 本年支出合计（${SUMMARY_COLUMN_LABEL[column]}）`;
  ck.equal({ rule, table: "表4", what }, lineCell(t4, "expense", "total", column), totalCell(table, "total"), `${table.id} 合计 ${columnName(table, "total")}`);
  classAgreement(rule, t4, column, table, "total", ck);
}

function x7(t5: CodeTable, t6: EconTable, ck: Checker): void {
  const total = (label: string, cell: EconTable["personnelTotal"]): Ref => cell ?? absent(`表6 ${label}`, "表中未找到该行或其金额");
  ck.sum({ rule: "X7", table: "表5", what: "表5 合计 基本支出" }, totalCell(t5, "basic"), [total("人员经费合计", t6.personnelTotal), total("公用经费合计", t6.publicTotal)], "表6 人员经费合计与公用经费合计");
}

function x8(t3: CodeTable, t5: CodeTable, ck: Checker): void {
  const columns = (["basic", "project"] as const).filter((col) => {
    if (!hasColumn(t5, col)) ck.notApplies({ rule: "X8", table: "表5" }, `表5 没有“${columnName(t5, col)}”栏`);
    return hasColumn(t5, col);
  });
  // The words of each column, worked out once: X8 looks at every row of 表5.
  const words = new Map(columns.map((col) => [col, { own: columnName(t5, col), limit: `表3 同一科目的${columnName(t3, col)}` }]));
  for (const row of t5.rows) {
    if (!row.code) continue;
    const other = t3.byCode.get(row.code);
    for (const col of columns) {
      // Most of 表5's rows are within 表3's: that is settled in cents, before a Ref or a message is made.
      const limit = other ? other.cents(col) : 0; // no such row in 表3: 0
      if (ck.holdsAtMost(row.cents(col), limit === undefined ? 0 : limit)) continue;
      const w = words.get(col);
      if (!w) continue;
      const limitRef: Ref = other ? rowCell(t3, other, col) : absent(`表3 ${row.code}`, "表3 无此科目，即 0", true);
      ck.atMost({ rule: "X8", table: "表5", what: () => `表5 ${describeRow(row)} ${w.own}` }, rowCell(t5, row, col), limitRef, other ? w.limit : "表3（无此科目，即 0）");
    }
  }
}

/** X9: a blank 表7 决算数 is 0, like any blank amount; a 表6 款 the table does not print is 0 too. */
function x9(t6: EconTable, t7: SanGongTable, ck: Checker): void {
  for (const [code, item] of X9_PAIRS) {
    const econ = t6.items.find((i) => i.code === code);
    if (!econ) continue;
    const limit = sangongCell(t7, "决算数", item);
    const label = isAbsent(limit) ? limit.what : `表7 决算数 ${econ.name.replace(/用$/, "")}`;
    ck.atMost({ rule: "X9", table: "表6", what: `表6 ${code} ${econ.name}` }, econ.amount, limit, label, "error");
  }
}

/** A table with nothing but blanks and zeros has no data. Settled in cents, cell by cell; a cell without exact
 *  cents (finer than a cent, or unreadable) by its Amount. */
function isEmpty(table: CodeTable): boolean {
  return table.rows.every((row) =>
    table.columns.every(({ key }) => {
      const c = row.cents(key);
      if (c !== null) return c === 0 || c === undefined;
      const read = row.cell(key)?.read;
      return read?.kind === "amount" && read.value.isZero();
    }),
  );
}

function x11(table: CodeTable, t4: SummaryTable | undefined, column: "govfund" | "statecap", ck: Checker): void {
  if (!isEmpty(table)) return;
  if (!table.emptyStatement) {
    ck.flag(
      { rule: "X11", table: table.id, what: "" },
      "warning",
      { sheet: table.sheet, cells: table.titleAddress ? [table.titleAddress] : [] },
      `${table.id} 没有数据，但表下未说明原因（应注明如“本部门没有${column === "govfund" ? "政府性基金" : "国有资本经营"}预算财政拨款收入和支出，故本表无数据”）`,
    );
  }
  if (!t4) return;
  for (const l of t4.expense) {
    const cell = l.cells[column];
    const v = cell ? amountValue(cell) : undefined;
    if (!cell || !v || v.isZero()) continue;
    ck.flag({ rule: "X11", table: "表4", what: "" }, "error", cell, `${table.id} 为空表，但表4 ${describeLine(l)} 的${SUMMARY_COLUMN_LABEL[column]}栏有金额 ${formatAmount(v)}`, {
      expected: "0.00",
      found: formatAmount(v),
      difference: formatAmount(v),
    });
  }
}
