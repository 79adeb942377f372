// The one interface between a workbook (Excel or a file) and the core: a sheet's values and where they sit.
/** A raw cell value as both Office.js (`range.values`) and the ExcelJS reader deliver it. */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based, relative to the grid's own top-left cell. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** 0-based row and column of values[0][0] on the sheet (a used range need not start at A1). */
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Formulas where the reader has them (same shape as values; null or a non-formula where there is none). */
  formulas?: (string | null)[][];
  /** Number formats where the reader has them (same shape as values), e.g. "0.00%": Excel stores a typed 95% as 0.95. */
  numberFormats?: (string | null)[][];
  /** Merged areas: only their top-left cell holds a value, as in Excel. */
  merges?: Rect[];
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a cell given by its 0-based sheet row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Parse `B7` (or `$B$7`) into 0-based sheet coordinates. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parse `A1:C3` (or a single cell) into a 0-based sheet rectangle. */
export function parseRange(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = bare.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.values[r];
  return row === undefined ? null : (row[c] ?? null);
}

export function gridAddress(grid: Grid, r: number, c: number): string {
  return a1(grid.origin.row + r, grid.origin.col + c);
}

export function gridWidth(grid: Grid): number {
  return grid.values.reduce((w, row) => Math.max(w, row.length), 0);
}
