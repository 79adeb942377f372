// A grid built from the cells a sheet actually holds, never from its declared extent: rows and columns with
// nothing in them cost nothing, and the grid starts at the first non-empty row and column (its origin).
// One value at XFD1048576 is a 1×1 grid; a rectangle too large for the core to scan is refused by name.
import { type Grid, type Rect, a1, parseRange } from "../core/grid";
import type { CellValue } from "../core/money";
import { MAX_AREA } from "./limits";
import { Unreadable, count } from "./unreadable";

type Rows<T> = Map<number, T[]>;

function put<T>(rows: Rows<T>, r: number, c: number, v: T): void {
  let row = rows.get(r);
  if (!row) rows.set(r, (row = []));
  row[c] = v;
}

/** Rows `top..bottom`, columns from `left`, holes as null: the dense shape the core reads. */
function dense<T>(rows: Rows<T>, top: number, bottom: number, left: number): (T | null)[][] {
  const out: (T | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = rows.get(r);
    if (!row) {
      out.push([]);
      continue;
    }
    const line = new Array<T | null>(Math.max(0, row.length - left));
    for (let c = 0; c < line.length; c++) line[c] = row[c + left] ?? null;
    out.push(line);
  }
  return out;
}

export class GridBuilder {
  private readonly values: Rows<CellValue> = new Map();
  private readonly formulas: Rows<string> = new Map();
  private readonly formats: Rows<string> = new Map();
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;
  /** Formulas saved without their result (a program that does not calculate wrote the file). */
  readonly uncalculated: string[] = [];

  constructor(readonly sheet: string) {}

  /** One cell, 0-based sheet coordinates. Empty values are not stored. */
  add(r: number, c: number, value: CellValue, formula: string | null, numberFormat: string | null): void {
    if (value === null || value === "") {
      if (!formula) return;
    }
    put(this.values, r, c, value);
    if (formula) put(this.formulas, r, c, formula);
    if (numberFormat) put(this.formats, r, c, numberFormat);
    if (r < this.top) this.top = r;
    if (r > this.bottom) this.bottom = r;
    if (c < this.left) this.left = c;
    if (c > this.right) this.right = c;
  }

  noCachedResult(r: number, c: number): void {
    this.uncalculated.push(a1(r, c));
  }

  /** Excel shows a merged area's top-left value only; a value left in another of its cells (some programs
   *  write them) is not read, as ExcelJS and Office.js do not. Walks the rows that hold cells, not the area. */
  private clearCovered(mergeRefs: readonly string[]): void {
    if (!mergeRefs.length || !this.values.size) return;
    const merges = rects(mergeRefs).filter((m) => m.bottom > m.top || m.right > m.left);
    for (const [r, row] of this.values) {
      for (const m of merges) {
        if (r < m.top || r > m.bottom) continue;
        for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) {
          if ((r !== m.top || c !== m.left) && row[c] !== undefined) {
            delete row[c];
            delete this.formulas.get(r)?.[c];
            delete this.formats.get(r)?.[c];
          }
        }
      }
    }
  }

  build(mergeRefs: readonly string[]): Grid {
    this.clearCovered(mergeRefs);
    if (this.bottom < 0) return { sheet: this.sheet, origin: { row: 0, col: 0 }, values: [], merges: [] };
    const height = this.bottom - this.top + 1;
    const width = this.right - this.left + 1;
    if (height * width > MAX_AREA) {
      throw new Unreadable(
        `工作表过大：工作表“${this.sheet}”的数据区域 ${a1(this.top, this.left)}:${a1(this.bottom, this.right)} 共 ${count(height * width)} 个单元格，上限 ${count(MAX_AREA)}`,
      );
    }
    const grid: Grid = { sheet: this.sheet, origin: { row: this.top, col: this.left }, values: dense(this.values, this.top, this.bottom, this.left) };
    if (this.formulas.size) grid.formulas = dense(this.formulas, this.top, this.bottom, this.left);
    if (this.formats.size) grid.numberFormats = dense(this.formats, this.top, this.bottom, this.left);
    grid.merges = gridMerges(mergeRefs, this.top, this.left);
    return grid;
  }
}

/** Sheet rectangles of merge refs, the unreadable ones left out. */
function rects(refs: readonly string[]): Rect[] {
  const out: Rect[] = [];
  for (const ref of refs) {
    try {
      out.push(parseRange(ref));
    } catch {
      // Not a range: nothing is merged.
    }
  }
  return out;
}

/** Merges relative to the grid's origin; one whose top-left cell lies before the origin holds nothing. */
function gridMerges(refs: readonly string[], top: number, left: number): Rect[] {
  const out: Rect[] = [];
  for (const ref of refs) {
    let m: Rect;
    try {
      m = parseRange(ref);
    } catch {
      continue;
    }
    if (m.top < top || m.left < left) continue;
    out.push({ top: m.top - top, left: m.left - left, bottom: m.bottom - top, right: m.right - left });
  }
  return out;
}
