// Geometry on sheet specs: cells by address, rows and columns inserted or removed with their merges moved, and
// the grids a spec becomes (merges included), for the layout generator.
import type { Grid, Rect } from "../../src/core/grid";
import { a1, parseA1, parseRange } from "../../src/core/grid";
import type { Cell, SheetSpec } from "../../scripts/samples/sheetSpec";

export function clone(specs: readonly SheetSpec[]): SheetSpec[] {
  return specs.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), merges: [...s.merges], headerRows: [...s.headerRows] }));
}

export function getCell(spec: SheetSpec, address: string): Cell {
  const { row, col } = parseA1(address);
  return spec.rows[row]?.[col] ?? null;
}

export function setCell(spec: SheetSpec, address: string, value: Cell): void {
  const { row, col } = parseA1(address);
  while (spec.rows.length <= row) spec.rows.push([]);
  const cells = spec.rows[row];
  while (cells.length <= col) cells.push(null);
  cells[col] = value;
}

const rangeText = (r: Rect) => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`);

function mapMerges(spec: SheetSpec, f: (r: Rect) => Rect | null): void {
  spec.merges = spec.merges.flatMap((m) => {
    const r = f(parseRange(m));
    return r && (r.bottom > r.top || r.right > r.left) ? [rangeText(r)] : [];
  });
}

/** Insert `n` empty columns before column `at` (0-based); merges across `at` grow. */
export function insertColumns(spec: SheetSpec, at: number, n: number): void {
  spec.rows = spec.rows.map((r) => (r.length > at ? [...r.slice(0, at), ...Array<Cell>(n).fill(null), ...r.slice(at)] : [...r]));
  mapMerges(spec, (m) => (m.left >= at ? { ...m, left: m.left + n, right: m.right + n } : m.right >= at ? { ...m, right: m.right + n } : m));
}

/** Remove columns at..at+n-1; merges shrink, those inside vanish. */
export function removeColumns(spec: SheetSpec, at: number, n: number): void {
  spec.rows = spec.rows.map((r) => [...r.slice(0, at), ...r.slice(at + n)]);
  const end = at + n - 1;
  mapMerges(spec, (m) => {
    const shift = (c: number) => (c > end ? c - n : c >= at ? at - 1 : c);
    const left = m.left >= at && m.left <= end ? at : shift(m.left);
    const right = shift(m.right);
    return right < left ? null : { ...m, left, right };
  });
}

/** Move row `from` to just before row `to` (indexes before the move). */
export function moveRow(spec: SheetSpec, from: number, to: number): void {
  const index = (r: number) => {
    if (r === from) return to > from ? to - 1 : to;
    if (from < to && r > from && r < to) return r - 1;
    if (to <= r && r < from) return r + 1;
    return r;
  };
  const rows: Cell[][] = [];
  spec.rows.forEach((r, i) => (rows[index(i)] = r));
  spec.rows = Array.from({ length: spec.rows.length }, (_, i) => rows[i] ?? []);
  mapMerges(spec, (m) => (m.top === m.bottom ? { ...m, top: index(m.top), bottom: index(m.top) } : m));
}

/** Shift the whole sheet down and right. */
export function offset(spec: SheetSpec, rows: number, cols: number): void {
  spec.rows = [...Array.from({ length: rows }, () => [] as Cell[]), ...spec.rows.map((r) => [...Array<Cell>(cols).fill(null), ...r])];
  mapMerges(spec, (m) => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols }));
  spec.headerRows = spec.headerRows.map((r) => r + rows);
}

export function toGrids(specs: readonly SheetSpec[]): Grid[] {
  return specs.map((s) => ({
    sheet: s.name,
    origin: { row: 0, col: 0 },
    values: s.rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    merges: s.merges.map(parseRange),
  }));
}
