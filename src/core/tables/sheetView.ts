// A read-only view of one grid for the recognisers: raw cells, normalised text with merged headers filled in,
// amounts tied to their A1 address, and a place to put what could not be read.
import { type Finding, type Severity, type TableId, finding } from "../findings";
import { type Grid, cellAt, columnLetter, gridWidth } from "../grid";
import type { Amount } from "../model";
import { type AmountRead, type CellValue, type Decimal, couldBeAmount, fromNumber, numberCents, readAmount } from "../money";
import { isDateFormat } from "../numberFormats";
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

  /** A cell's key in the view's maps and sets (and CellAmount#cell): the row × 16,384 columns a sheet has. */
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

  amount(r: number, c: number): Amount {
    const raw = this.raw(r, c);
    const key = this.key(r, c);
    if (typeof raw !== "number" || !Number.isFinite(raw)) return new ReadCell(this, raw, key, readAmount(raw));
    const date = this.dateFormat(r, c);
    // Excel keeps a typed date as its serial number (45721): the format says it is a date, not an amount.
    if (date !== null) return new ReadCell(this, raw, key, { kind: "invalid", reason: `单元格是日期（格式 ${date}），不是金额` });
    return new NumberCell(this, raw, key);
  }

  private readonly dateFormats = new Map<string, boolean>();

  /** The cell's number format when it shows a date or a time (the grid's reader gave formats), else null. */
  dateFormat(r: number, c: number): string | null {
    const format = this.grid.numberFormats?.[r]?.[c];
    if (!format) return null;
    let date = this.dateFormats.get(format);
    if (date === undefined) this.dateFormats.set(format, (date = isDateFormat(format)));
    return date ? format : null;
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

  /** Cells read as something other than an amount (codes, 行次): they hold digits but are not figures. By column
   *  (a table reads its codes from one to three), one flag per row. */
  private readonly labelCells = new Map<number, Uint8Array>();

  /** Mark a code or 行次 cell as read, for the completeness count. */
  consume(r: number, c: number): void {
    let rows = this.labelCells.get(c);
    if (!rows) this.labelCells.set(c, (rows = new Uint8Array(this.height)));
    rows[r] = 1;
  }

  private isLabel(r: number, c: number): boolean {
    return this.labelCells.get(c)?.[r] === 1;
  }

  /** The rightmost column with header text between `top` and `bottom`. */
  headerRight(top: number, bottom: number): number {
    let right = 0;
    for (let r = top; r <= bottom; r++) for (let c = 0; c < this.width; c++) if (this.headerText(r, c)) right = Math.max(right, c);
    return right;
  }

  /** Cells in rows top..bottom, columns 0..right, that hold a figure and are neither `landed` (in the table's
   *  model) nor a code. */
  unreadFigures(region: Region, landed: Landed): string[] {
    const out: string[] = [];
    for (let r = region.top; r <= region.bottom; r++) {
      const row = this.grid.values[r];
      if (!row) continue;
      for (let c = 0; c <= region.right && c < row.length; c++) {
        // Landed first: it is most cells, and asking does not touch the value (a number is a box of its own).
        if (landed.has(r, c)) continue;
        const raw = row[c];
        if (raw === null || raw === undefined || typeof raw === "boolean" || this.isLabel(r, c)) continue;
        // Numbers are figures; text only when it reads as an amount (a 行次 or code was consumed above).
        if (typeof raw === "number" ? Number.isFinite(raw) : couldBeAmount(raw) && readAmount(raw).kind === "amount") out.push(this.address(r, c));
      }
    }
    return out;
  }

  rowIsEmpty(r: number): boolean {
    for (let c = 0; c < this.width; c++) if (this.text(r, c)) return false;
    return true;
  }
}

/** An amount as the view hands it out: the model's Amount, and the cell it came from (for the completeness
 *  count) as the view's key of that cell. */
abstract class CellAmount implements Amount {
  private a1: string | undefined;

  constructor(
    protected readonly view: SheetView,
    readonly raw: CellValue,
    readonly cell: number,
  ) {}

  abstract get read(): AmountRead;

  get sheet(): string {
    return this.view.sheet;
  }

  /** Worked out when asked for: only the cells of a finding are named. */
  get address(): string {
    return (this.a1 ??= this.view.address(Math.floor(this.cell / 16384), this.cell % 16384));
  }
}

/** A cell read by readAmount: text, empty, or anything else that is not a plain number. */
class ReadCell extends CellAmount {
  constructor(
    view: SheetView,
    raw: CellValue,
    cell: number,
    readonly read: AmountRead,
  ) {
    super(view, raw, cell);
  }
}

/** A number from Excel, most cells of a table: the amount and its reading in one object (its `read` is itself),
 *  read as readAmount reads a number: cents by numberCents, the Decimal by fromNumber on first use. */
class NumberCell extends CellAmount {
  readonly kind = "amount" as const;
  readonly note: undefined;
  readonly cents: number | null;
  private decimal: Decimal | undefined;

  constructor(view: SheetView, raw: number, cell: number) {
    super(view, raw, cell);
    this.cents = numberCents(raw);
  }

  get read(): this {
    return this;
  }

  get value(): Decimal {
    return (this.decimal ??= fromNumber(this.raw as number));
  }
}

/** The figures of a table that landed in its model: how many read as an amount, and whether a cell is one. */
export interface Landed {
  read: number;
  has(r: number, c: number): boolean;
}

/** Landed figures of a table whose reader made an Amount of each (the tables of a few hundred cells). */
export function landedAmounts(amounts: readonly Amount[]): Landed {
  let read = 0;
  const cells = new Set<number>();
  for (const a of amounts) {
    if (a.read.kind === "amount") read++;
    if (a instanceof CellAmount) cells.add(a.cell);
  }
  return { read, has: (r, c) => cells.has(r * 16384 + c) };
}

/** A table's data rows (0-based grid rows) and its last header column. */
export interface Region {
  top: number;
  bottom: number;
  right: number;
}

/** Whether Diagnostics#amount has something to say about the cell: unreadable, read from text, or a dash. */
export function readingNoted(a: Amount): boolean {
  const read = a.read;
  return read.kind === "invalid" || (read.kind === "amount" ? Boolean(read.note) : read.dash);
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
