// The formula notes printed under a table are checked against the built-in rules: a note that says
// something else (the seed's 表4 "57 行= (33+34+····+58) 行" for row 59) is worth an informational finding.
import type { TableId } from "../findings";
import type { NoteFormula, Table } from "../model";
import type { Checker } from "./checker";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The identities as the central template numbers its rows (行) and columns (栏). */
export const BUILT_IN_NOTES: Partial<Record<TableId, { unit: "行" | "栏"; lhs: number; terms: number[] }[]>> = {
  表1: [
    { unit: "行", lhs: 27, terms: range(1, 8) },
    { unit: "行", lhs: 30, terms: [27, 28, 29] },
    { unit: "行", lhs: 57, terms: range(31, 56) },
    { unit: "行", lhs: 60, terms: [57, 58, 59] },
  ],
  表2: [{ unit: "栏", lhs: 1, terms: range(2, 7) }],
  表3: [{ unit: "栏", lhs: 1, terms: range(2, 6) }],
  表4: [
    { unit: "行", lhs: 27, terms: [1, 2, 3] },
    { unit: "行", lhs: 28, terms: [29, 30, 31] },
    { unit: "行", lhs: 32, terms: [27, 28] },
    { unit: "行", lhs: 59, terms: range(33, 58) },
    { unit: "行", lhs: 64, terms: [59, 60] },
  ],
  表5: [{ unit: "栏", lhs: 1, terms: [2, 3] }],
  表7: [
    { unit: "栏", lhs: 1, terms: [2, 3, 6] },
    { unit: "栏", lhs: 3, terms: [4, 5] },
    { unit: "栏", lhs: 7, terms: [8, 9, 12] },
    { unit: "栏", lhs: 9, terms: [10, 11] },
  ],
  表8: [
    { unit: "栏", lhs: 6, terms: [1, 2, -3] },
    { unit: "栏", lhs: 3, terms: [4, 5] },
  ],
  表9: [{ unit: "栏", lhs: 1, terms: [2, 3] }],
};

const sameTerms = (a: number[], b: number[]) => a.length === b.length && [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join();

function show(unit: string, lhs: number, terms: number[]): string {
  const body = terms.length > 4 ? `${terms[0]}+…+${terms[terms.length - 1]}` : terms.map((t, i) => (t < 0 ? `-${-t}` : i ? `+${t}` : `${t}`)).join("");
  return `${lhs}${unit}=(${body})${unit}`;
}

/** What the table prints at row `n`, for the message (表1/表4 have 行次). */
function rowLabel(table: Table, n: number): string | null {
  if (table.kind !== "summary") return null;
  const line = [...table.income, ...table.expense].find((l) => l.rowNo === n);
  return line ? line.label : null;
}

export function checkNotes(table: Table, ck: Checker): void {
  const builtIn = BUILT_IN_NOTES[table.id] ?? [];
  for (const note of table.notes) {
    if (builtIn.some((b) => b.unit === note.unit && b.lhs === note.lhs && sameTerms(b.terms, note.terms))) continue;
    const sameRight = builtIn.find((b) => b.unit === note.unit && sameTerms(b.terms, note.terms));
    ck.push({
      rule: "NOTE",
      severity: "info",
      table: table.id,
      sheet: table.sheet,
      cells: [note.address],
      expected: sameRight ? show(note.unit, sameRight.lhs, sameRight.terms) : null,
      found: note.text,
      difference: null,
      message: message(table, note, sameRight),
    });
  }
}

function message(table: Table, note: NoteFormula, sameRight: { lhs: number; terms: number[] } | undefined): string {
  if (!sameRight) return `${table.id} 表下注释“${note.text}”与内置规则都不一致，已按内置规则校验`;
  const at = rowLabel(table, note.lhs);
  return (
    `${table.id} 表下注释“${note.text}”有误：应为 ${show(note.unit, sameRight.lhs, sameRight.terms)}` +
    (at ? `（第${note.lhs}${note.unit}是“${at}”）` : "") +
    "；已按内置规则校验"
  );
}
