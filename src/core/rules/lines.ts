// Looking up rows and cells of the recognised tables, and naming them in messages. A lookup that finds
// nothing says why (model.ts `Absent`), so that the rule using it can say it could not run.
import { type CodeRow, type CodeTable, type Ref, type SummaryLine, type SummaryTable, absent } from "../model";
import { CODE_COLUMNS, type CodeColumnKey, REQUIRED_LINES, SUMMARY_COLUMN_LABEL, SUMMARY_LINE_LABEL, type SummaryColumnKey, type SummaryLineKey } from "./catalogue";

type Side = "income" | "expense";

export function line(table: SummaryTable, side: Side, key: Exclude<SummaryLineKey, "class">): SummaryLine | undefined {
  return table[side].find((l) => l.key === key);
}

function lineLabel(side: Side, key: Exclude<SummaryLineKey, "class">): string {
  if (key === "total") return side === "income" ? "本年收入合计" : "本年支出合计";
  if (key === "grand") return side === "income" ? "收入总计" : "支出总计";
  return SUMMARY_LINE_LABEL[key];
}

/** A line's cell. A line the table does not print counts as 0 unless it is a total every template prints. */
export function lineCell(table: SummaryTable, side: Side, key: Exclude<SummaryLineKey, "class">, column: SummaryColumnKey = "amount"): Ref {
  const l = line(table, side, key);
  if (!l) return absent(`${table.id} ${lineLabel(side, key)}`, "表中未找到该行", !REQUIRED_LINES.includes(key));
  return summaryCell(table, l, column);
}

export function summaryCell(table: SummaryTable, l: SummaryLine, column: SummaryColumnKey): Ref {
  const cell = l.cells[column] ?? (column === "total" ? l.cells.amount : undefined);
  return cell ?? absent(`${table.id} ${describeLine(l)}（${SUMMARY_COLUMN_LABEL[column]}）`, "表中没有该栏", true);
}

export function describeLine(l: SummaryLine): string {
  return l.rowNo !== null ? `第${l.rowNo}行 ${l.label}` : `“${l.label}”`;
}

export function classLines(table: SummaryTable): SummaryLine[] {
  return table.expense.filter((l) => l.key === "class");
}

export function totalRow(table: CodeTable): CodeRow | undefined {
  return table.rows.find((r) => r.level === "合计");
}

/** A cell of a code row: absent (not applicable) when the table does not print the column. */
export function rowCell(table: CodeTable, row: CodeRow, key: CodeColumnKey): Ref {
  return row.cell(key) ?? absent(`${table.id} ${describeRow(row)} ${columnName(table, key)}`, "表中没有该栏", true);
}

/** A cell of the 合计 row, or why there is none. */
export function totalCell(table: CodeTable, key: CodeColumnKey): Ref {
  const total = totalRow(table);
  return total ? rowCell(table, total, key) : absent(`${table.id} 合计行 ${columnName(table, key)}`, "表中未找到合计行");
}

export function describeRow(r: CodeRow): string {
  return r.code ? `${r.level}${r.code} ${r.name}` : "合计行";
}

/** A column's name in messages: its printed leaf label, else the catalogue's. */
export function columnName(table: CodeTable, key: CodeColumnKey): string {
  const label = table.columns.find((c) => c.key === key)?.label;
  if (label) return label.split("|").pop() ?? label;
  return CODE_COLUMNS[table.id].find((c) => c.key === key)?.label ?? key;
}

export function hasColumn(table: CodeTable, key: CodeColumnKey): boolean {
  return table.columns.some((c) => c.key === key);
}
