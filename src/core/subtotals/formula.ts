// Excel formulas for a sum of cells: =D8, =D8+D9-D12, =SUM(D8:D11), =SUM(D7,D12:D14,D20).
import { a1, parseA1 } from "../grid";

export interface Term {
  address: string;
  sign: 1 | -1;
}

/** Runs of consecutive rows in one column become ranges. */
function ranges(addresses: string[]): string[] {
  const cells = addresses.map((a) => ({ a, ...parseA1(a) })).sort((x, y) => x.col - y.col || x.row - y.row);
  const out: string[] = [];
  let start = cells[0];
  let prev = cells[0];
  const flush = () => out.push(start.a === prev.a ? start.a : `${start.a}:${prev.a}`);
  for (const c of cells.slice(1)) {
    if (c.col === prev.col && c.row === prev.row + 1) prev = c;
    else {
      flush();
      start = prev = c;
    }
  }
  if (cells.length) flush();
  return out;
}

export function sumFormula(terms: readonly Term[]): string {
  if (!terms.length) return "=0";
  const spelled = `=${terms.map((t, i) => `${t.sign === -1 ? "-" : i ? "+" : ""}${t.address}`).join("")}`;
  // With a minus the order must stay as written; up to three scattered cells read best spelled out.
  if (terms.some((t) => t.sign === -1)) return spelled;
  const runs = ranges(terms.map((t) => t.address));
  if (runs.length === terms.length && terms.length <= 3) return spelled;
  return `=SUM(${runs.join(",")})`;
}

/** The cell addresses a formula of ours refers to, ranges expanded (for tests and previews). */
export function referencedCells(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/(?<![A-Z])\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
    const from = parseA1(`${m[1]}${m[2]}`);
    const to = m[3] ? parseA1(`${m[3]}${m[4]}`) : from;
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(a1(r, c));
  }
  return out;
}
