// Printed notes under a table: the formula lines (`57 行= (31+32+…+56) 行`) and the empty-table statement.
import type { NoteFormula } from "../model";
import type { SheetView } from "./sheetView";

const FORMULA = /(?<!\d)(\d+)(行|栏)(?:各行)?=\(([^()]*)\)(?:行|栏)/g;

/** Terms of `1+2-3` or `31+32+…+56`, with the ellipsis expanded into the numbers it stands for. */
export function parseTerms(inner: string): number[] | null {
  const tokens = inner.match(/[+-]?[^+-]+/g) ?? [];
  const terms: number[] = [];
  let pendingRange = false;
  for (const token of tokens) {
    const sign = token.startsWith("-") ? -1 : 1;
    const body = token.replace(/^[+-]/, "");
    if (/^[.…·。]+$/.test(body)) {
      pendingRange = true;
      continue;
    }
    if (!/^\d+$/.test(body)) return null;
    const n = Number(body);
    if (pendingRange) {
      const from = Math.abs(terms[terms.length - 1] ?? n);
      for (let k = from + 1; k < n; k++) terms.push(sign * k);
      pendingRange = false;
    }
    terms.push(sign * n);
  }
  return terms.length ? terms : null;
}

export function readNotes(view: SheetView, fromRow: number): NoteFormula[] {
  const notes: NoteFormula[] = [];
  for (let r = fromRow; r < view.height; r++) {
    for (let c = 0; c < view.width; c++) {
      const text = view.text(r, c).replace(/[;；。]/g, ";");
      for (const m of text.matchAll(FORMULA)) {
        const terms = parseTerms(m[3]);
        if (terms) notes.push({ text: m[0], address: view.address(r, c), unit: m[2] as "行" | "栏", lhs: Number(m[1]), terms });
      }
    }
  }
  return notes;
}

const STATEMENT = /无数据|本表为空|为空表|无此类?(收入|支出)/;

const statements = new WeakMap<SheetView, boolean>();

/** Whether the sheet says anywhere that the table has no data; worked out once per sheet. */
export function hasEmptyStatement(view: SheetView): boolean {
  let found = statements.get(view);
  if (found === undefined) statements.set(view, (found = findEmptyStatement(view)));
  return found;
}

function findEmptyStatement(view: SheetView): boolean {
  // Every cell of the sheet, straight from the grid (the statement may be anywhere).
  const values = view.grid.values;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const raw = row[c];
      // Every statement has 无 or 空, which normalising neither adds nor removes: most cells need no normalising.
      if (typeof raw === "string" && (raw.includes("无") || raw.includes("空")) && STATEMENT.test(view.text(r, c))) return true;
    }
  }
  return false;
}

/** A note's first words: `注：…` or a formula line (`57 行= …`). */
const NOTE_START = /^(?:注|\d+[行栏](?:各行)?=)/;

/** The first row at or below `from` that starts the printed notes (`注：…`, a formula line, a statement). */
export function notesStart(view: SheetView, from: number): number {
  for (let r = from; r < view.height; r++) {
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (!t) continue;
      if (NOTE_START.test(t) || STATEMENT.test(t)) return r;
      break;
    }
  }
  return view.height;
}
