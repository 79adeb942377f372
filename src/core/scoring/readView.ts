// A grid as the 自评表 reader sees it: merged areas filled from their top-left cell, percent-formatted numbers as
// the percent text Excel shows, and labels normalised from their first characters only (so that a
// 1,000,000-character cell costs no more than a short one).
import { type Grid, gridAddress, gridWidth } from "../grid";
import { type CellValue, Decimal } from "../money";
import { normalizeLabel } from "../text";

export const LABEL_LENGTH = 80;
const POINTS = /\((\d+(?:\.\d+)?)分/;

/** The weight written in a label: 产出指标（60分）, 预算执行情况（万元）（20分）, 得分（20分*执行率）. */
export function points(text: string): Decimal | null {
  const m = POINTS.exec(text);
  return m ? new Decimal(m[1]) : null;
}

/** A grid with merged areas filled from their top-left cell, and percent-formatted numbers as percent text. */
export class View {
  readonly rows: number;
  readonly cols: number;
  private readonly filled = new Map<string, CellValue>();

  constructor(readonly grid: Grid) {
    this.rows = grid.values.length;
    this.cols = gridWidth(grid);
    for (const m of grid.merges ?? []) {
      const top = m.top - grid.origin.row;
      const left = m.left - grid.origin.col;
      const v = grid.values[top]?.[left] ?? null;
      // Bounded: a merge over a whole sheet must not allocate a million cells.
      for (let r = top; r <= Math.min(m.bottom - grid.origin.row, top + 500); r++) {
        for (let c = left; c <= Math.min(m.right - grid.origin.col, left + 50); c++) if (r !== top || c !== left) this.filled.set(`${r},${c}`, v);
      }
    }
  }

  value(r: number, c: number | undefined): CellValue {
    if (c === undefined) return null;
    const own = this.grid.values[r]?.[c];
    const v = own === null || own === undefined || own === "" ? (this.filled.get(`${r},${c}`) ?? own ?? null) : own;
    const format = this.grid.numberFormats?.[r]?.[c];
    // Excel holds a cell showing 96.73% as 0.9673: say it as the sheet shows it.
    if (typeof v === "number" && format && format.includes("%")) return `${new Decimal(v).times(100).toString()}%`;
    return v;
  }

  /** The cell's own stored value, without its number format (a printed 执行率 keeps its precision). */
  raw(r: number, c: number | undefined): CellValue {
    return c === undefined ? null : (this.grid.values[r]?.[c] ?? null);
  }

  /**
   * The cell as a label, for matching headers, titles and row kinds. Every such test looks at how a label
   * starts (or needs it short), so only its first characters are normalised: a 1,000,000-character cell costs
   * no more than a short one. A cut label ends in "#", so it never passes for a whole word.
   */
  label(r: number, c: number | undefined): string {
    const v = this.value(r, c);
    if (typeof v !== "string" || v.length <= LABEL_LENGTH) return normalizeLabel(v);
    return `${normalizeLabel(v.slice(0, LABEL_LENGTH))}#`;
  }

  text(r: number, c: number | undefined): string {
    const v = this.value(r, c);
    return v === null ? "" : String(v).trim();
  }

  address(r: number, c: number | undefined): string | undefined {
    return c === undefined ? undefined : gridAddress(this.grid, r, c);
  }

  /** The first non-empty label in a row, and its column. */
  lead(r: number): { text: string; col: number } | null {
    for (let c = 0; c < this.cols; c++) {
      const t = this.label(r, c);
      if (t) return { text: t, col: c };
    }
    return null;
  }
}

/** Which column each label names, the first match per key, from column `from` on; (A), (B), (B/A) left off. */
export function matchColumns<K extends string>(view: View, r: number, patterns: [K, RegExp][], from = 0): Partial<Record<K, number>> {
  const cols: Partial<Record<K, number>> = {};
  for (let c = from; c < view.cols; c++) {
    const t = view.label(r, c).replace(/\([A-Z/]+\)$/, "");
    const hit = patterns.find(([key, re]) => cols[key] === undefined && re.test(t));
    if (hit) cols[hit[0]] = c;
  }
  return cols;
}
