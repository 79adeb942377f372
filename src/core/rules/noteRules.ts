// The formula notes printed under a table are checked against the built-in rules (catalogue.ts, docs/rules.md): a note that says
// something else (the seed's 表4 "57 行= (33+34+····+58) 行" for row 59) is worth an informational finding.
import type { NoteFormula, Table } from "../model";
import { type PrintedNote, printedNotes } from "./catalogue";
import type { Checker } from "./checker";

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
  const builtIn = printedNotes(table.id);
  for (const note of table.notes) {
    if (builtIn.some((b) => b.unit === note.unit && b.lhs === note.lhs && sameTerms(b.terms, note.terms))) continue;
    const sameRight = builtIn.find((b) => b.unit === note.unit && sameTerms(b.terms, note.terms));
    ck.flag({ rule: "NOTE", table: table.id, what: "" }, "info", { sheet: table.sheet, cells: [note.address] }, message(table, note, sameRight), {
      expected: sameRight ? show(note.unit, sameRight.lhs, sameRight.terms) : null,
      found: note.text,
    });
  }
}

function message(table: Table, note: NoteFormula, sameRight: PrintedNote | undefined): string {
  if (!sameRight) return `${table.id} 表下注释“${note.text}”与内置规则都不一致，已按内置规则校验`;
  const at = rowLabel(table, note.lhs);
  return (
    `${table.id} 表下注释“${note.text}”有误：应为 ${show(note.unit, sameRight.lhs, sameRight.terms)}` +
    (at ? `（第${note.lhs}${note.unit}是“${at}”）` : "") +
    "；已按内置规则校验"
  );
}
