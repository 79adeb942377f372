// A read-only view of one grid for the recognisers: raw cells, normalised text with merged headers filled in,
// amounts tied to their A1 address, and a place to put what could not be read.
import { type Finding, type Severity, type TableId, finding } from "../findings";
import { type Grid, cellAt, columnLetter, gridWidth } from "../grid";
import type { Amount } from "../model";
import { type CellValue, readAmount } from "../money";
import { normalizeLabel } from "../text";

export class SheetView {
  readonly height: number;
  readonly width: number;
  /** Cell → the top-left cell of its merged area, for the cells that are merged. */
  private readonly mergeMaster = new Map<number, number>();

  constructor(readonly grid: Grid) {
    this.height = grid.values.length;
    this.width = gridWidth(grid);
    for (const m of grid.merges ?? []) {
      for (let r = m.top; r <= m.bottom && r < this.height; r++) {
        for (let c = m.left; c <= m.right && c < this.width; c++) this.mergeMaster.set(this.key(r, c), this.key(m.top, m.left));
      }
    }
  }

  private key(r: number, c: number): number {
    return r * 16384 + c;
  }

  get sheet(): string {
    return this.grid.sheet;
  }

  raw(r: number, c: number): CellValue {
    return cellAt(this.grid, r, c);
  }

  /** Normalised text of the cell itself (merges not filled). */
  text(r: number, c: number): string {
    const raw = this.raw(r, c);
    if (raw === null) return "";
    if (typeof raw === "number") return String(raw);
    return normalizeLabel(raw);
  }

  /** Normalised text, merged areas filled: a merged header's text belongs to every cell it covers, though
   *  Excel stores it in the top-left one only. For reading header labels. */
  headerText(r: number, c: number): string {
    if (c < 0) return "";
    const master = this.mergeMaster.get(this.key(r, c));
    return master === undefined ? this.text(r, c) : this.text(Math.floor(master / 16384), master % 16384);
  }

  private readonly letters: string[] = [];

  address(r: number, c: number): string {
    const letters = (this.letters[c] ??= columnLetter(this.grid.origin.col + c));
    return `${letters}${this.grid.origin.row + r + 1}`;
  }

  /** Each amount handed out, and its cell: the completeness count asks which cells became model amounts. */
  private readonly amountCells = new Map<Amount, number>();

  amount(r: number, c: number): Amount {
    const raw = this.raw(r, c);
    const a: Amount = { sheet: this.sheet, address: this.address(r, c), raw, read: readAmount(raw) };
    this.amountCells.set(a, this.key(r, c));
    return a;
  }

  /** The last column of the merged area that holds (r, c), or c itself. */
  mergeRight(r: number, c: number): number {
    const master = this.mergeMaster.get(this.key(r, c));
    if (master === undefined) return c;
    let right = c;
    while (right + 1 < this.width && this.mergeMaster.get(this.key(r, right + 1)) === master) right++;
    return right;
  }

  /** A column's label: its distinct header texts from top to bottom (`本年支出` + `小计`). */
  columnLabel(c: number, top: number, bottom: number): string {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = this.headerText(r, c);
      // 栏次 numbers are not part of a column's name.
      if (t && t !== "栏次" && !/^\d+$/.test(t) && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join("|");
  }

  /** The lowest non-empty header text in the column (its own name, not its group's). */
  leafLabel(c: number, top: number, bottom: number): string {
    for (let r = bottom; r >= top; r--) {
      const t = this.headerText(r, c);
      if (t && !/^\d+$/.test(t) && t !== "栏次") return t;
    }
    return "";
  }

  /** A 栏次 row: labelled 栏次, or numbered 1, 2, 3 … from left to right. */
  isColumnNumberRow(r: number): boolean {
    const texts: string[] = [];
    for (let c = 0; c < this.width; c++) {
      const t = this.text(r, c);
      if (t) texts.push(t);
    }
    if (texts.some((t) => t === "栏次")) return true;
    const numbers = texts.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
    return numbers.length >= 3 && numbers.length === texts.length && numbers.every((n, i) => n === numbers[0] + i);
  }

  /** Cells read as something other than an amount (codes, 行次): they hold digits but are not figures. */
  private readonly labelCells = new Set<number>();

  /** Mark a code or 行次 cell as read, for the completeness count. */
  consume(r: number, c: number): void {
    this.labelCells.add(this.key(r, c));
  }

  /** The rightmost column with header text between `top` and `bottom`. */
  headerRight(top: number, bottom: number): number {
    let right = 0;
    for (let r = top; r <= bottom; r++) for (let c = 0; c < this.width; c++) if (this.headerText(r, c)) right = Math.max(right, c);
    return right;
  }

  /** Cells in rows top..bottom, columns 0..right, that hold a figure and are neither one of `amounts` (the
   *  amounts of the table's model) nor a code. */
  unreadFigures(region: Region, amounts: readonly Amount[]): string[] {
    const landed = new Set<number>();
    for (const a of amounts) {
      const k = this.amountCells.get(a);
      if (k !== undefined) landed.add(k);
    }
    const out: string[] = [];
    for (let r = region.top; r <= region.bottom; r++) {
      const row = this.grid.values[r];
      if (!row) continue;
      for (let c = 0; c <= region.right && c < row.length; c++) {
        const raw = row[c];
        if (raw === null || raw === undefined || typeof raw === "boolean") continue;
        const k = this.key(r, c);
        if (landed.has(k) || this.labelCells.has(k)) continue;
        // Numbers are figures; text only when it reads as an amount (a 行次 or code was consumed above).
        if (typeof raw === "number" ? Number.isFinite(raw) : /\d/.test(raw) && readAmount(raw).kind === "amount") out.push(this.address(r, c));
      }
    }
    return out;
  }

  rowIsEmpty(r: number): boolean {
    for (let c = 0; c < this.width; c++) if (this.text(r, c)) return false;
    return true;
  }
}

/** A table's data rows (0-based grid rows) and its last header column. */
export interface Region {
  top: number;
  bottom: number;
  right: number;
}

/** Builds findings of the reading stage for one table on one sheet. */
export class Diagnostics {
  readonly findings: Finding[] = [];

  constructor(
    private readonly table: TableId | null,
    private readonly sheet: string,
  ) {}

  add(rule: string, severity: Severity, message: string, cells: readonly string[] = []): void {
    this.findings.push(finding({ rule, table: this.table, sheet: this.sheet }, severity, cells, message));
  }

  /** Say how an amount cell was read when it was not a plain number, or that it could not be read. */
  amount(a: Amount, what: string): void {
    if (a.read.kind === "invalid") {
      this.add("AMT", "error", `${what}（${a.address}）无法读取为金额：${a.read.reason}；涉及此单元格的校验未能进行`, [a.address]);
    } else if (a.read.kind === "amount" && a.read.note) {
      this.add("AMT-TEXT", "info", `${what}（${a.address}）“${String(a.raw)}”${a.read.note}，按 ${a.read.value.toString()} 计算`, [a.address]);
    } else if (a.read.kind === "blank" && a.read.dash) {
      this.add("AMT-DASH", "info", `${what}（${a.address}）“${String(a.raw)}”按空值（0）计算`, [a.address]);
    }
  }
}
