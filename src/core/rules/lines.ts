// Looking up rows of the recognised tables and naming them in messages.
import type { Amount, CodeRow, CodeTable, SummaryLine, SummaryTable } from "../model";

export function line(table: SummaryTable, side: "income" | "expense", key: string): SummaryLine | undefined {
  return table[side].find((l) => l.key === key);
}

export function lineCell(table: SummaryTable, side: "income" | "expense", key: string, column = "amount"): Amount | undefined {
  const l = line(table, side, key);
  if (!l) return undefined;
  return l.cells[column] ?? (column === "total" ? l.cells.amount : undefined);
}

export function describeLine(l: SummaryLine): string {
  return l.rowNo !== null ? `第${l.rowNo}行 ${l.label}` : `“${l.label}”`;
}

export function classLines(table: SummaryTable): SummaryLine[] {
  return table.expense.filter((l) => /^c\d{3}$/.test(l.key));
}

const rowIndex = new WeakMap<CodeTable, Map<string, CodeRow>>();

/** The row of a code, through an index built once per table (表间 rules look up every code). */
export function codeRow(table: CodeTable, code: string): CodeRow | undefined {
  let index = rowIndex.get(table);
  if (!index) {
    index = new Map(table.rows.filter((r) => r.code).map((r) => [r.code as string, r]));
    rowIndex.set(table, index);
  }
  return index.get(code);
}

export function totalRow(table: CodeTable): CodeRow | undefined {
  return table.rows.find((r) => r.level === "合计");
}

export function describeRow(r: CodeRow): string {
  return r.code ? `${r.level}${r.code} ${r.name}` : "合计行";
}

export function columnLabel(table: CodeTable, key: string): string {
  const label = table.columns.find((c) => c.key === key)?.label ?? key;
  return label.split("|").pop() ?? label;
}
