// The rows of a code table (表2/3/5/8/9) as read from their sheet. A table of 5,000 rows holds some 35,000
// figures: the reader puts each one's exact cents in one typed array for the whole table (TableCents), and a
// row makes the Amounts of its cells (with their A1 addresses) only when something asks for them — a finding,
// 填充小计, the report. The checker's fast path asks `cents(key)` of every cell and makes nothing.
import { type Level, codeLevel } from "../codes";
import type { CellValue } from "../grid";
import { type Amount, type CodeRow, amountCents } from "../model";
import { numberCents } from "../money";
import type { CodeColumnKey } from "../rules/catalogue";
import type { SheetView } from "./sheetView";

/** A code table's figures in exact integer cents, row after row of the rows it kept, its columns in the order
 *  they were read: contiguous, where the grid holds each number in its own box. NaN stands for a figure without
 *  exact cents (finer than a cent, or unreadable: its Amount says which). Shared by all of a table's rows. */
export class TableCents {
  /** Column key → the view's column, and → the slot within a row of `cents`. */
  readonly columns: Partial<Record<CodeColumnKey, number>> = {};
  readonly slots: Partial<Record<CodeColumnKey, number>> = {};
  readonly width: number;
  private cents: Float64Array;

  constructor(
    /** The sheet the rows make their Amounts from. */
    readonly view: SheetView,
    amountColumns: readonly { col: number; key: CodeColumnKey }[],
    rows: number,
  ) {
    amountColumns.forEach(({ col, key }, slot) => {
      this.columns[key] = col;
      this.slots[key] = slot;
    });
    this.width = amountColumns.length;
    this.cents = new Float64Array(Math.max(1, rows) * this.width);
  }

  /** Row `index`'s figure in `slot`: exact cents, or null. */
  get(index: number, slot: number): number | null {
    const c = this.cents[index * this.width + slot];
    return c === c ? c : null; // NaN is the one value not equal to itself
  }

  set(index: number, slot: number, cents: number | null): void {
    this.cents[index * this.width + slot] = cents === null ? NaN : cents;
  }
}

/** A number or an empty cell read exactly as readAmount reads it (money.ts), without an Amount; undefined for
 *  anything else (text, a dash, an error value), which only readAmount reads. */
function plainCents(raw: CellValue | undefined): number | null | undefined {
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === "number" && Number.isFinite(raw)) return numberCents(raw);
  return undefined;
}

/** A row kept by the reader. Its fields are few on purpose: a table of 50,000 rows keeps 50,000 of them, and the
 *  collector copies every one that outlives a young generation. */
export class SheetCodeRow implements CodeRow {
  /** The Amounts made so far; once `cells` was asked for, all of them, in column order, frozen. */
  private made: Partial<Record<CodeColumnKey, Amount>> | undefined;

  constructor(
    readonly code: string | null,
    readonly name: string,
    readonly row: number,
    private readonly figures: TableCents,
    /** The row's place in `figures`. */
    private readonly index: number,
  ) {}

  /** 类, 款 or 项 from the code's length; 合计 for the row without a code (the reader keeps no other). */
  get level(): Level | "合计" {
    return this.code === null ? "合计" : (codeLevel(this.code) ?? "合计");
  }

  /** Read the row's figures from the grid into `figures`; returns how many read as an amount. A cell that is not
   *  a plain number gets its Amount, added to `special` for the reader to say how it was read. */
  readFigures(special: Amount[]): number {
    let read = 0;
    const values = this.figures.view.grid.values[this.row] ?? [];
    for (const key in this.figures.columns) {
      const k = key as CodeColumnKey;
      const col = this.figures.columns[k] ?? -1;
      const raw = values[col];
      let cents = this.figures.view.dateFormat(this.row, col) === null ? plainCents(raw) : undefined;
      if (cents === undefined) {
        const cell = this.cell(k);
        if (cell === undefined) continue;
        special.push(cell);
        cents = amountCents(cell);
        if (cell.read.kind === "amount") read++;
      } else if (typeof raw === "number") read++;
      this.figures.set(this.index, this.figures.slots[k] ?? 0, cents);
    }
    return read;
  }

  cell(key: CodeColumnKey): Amount | undefined {
    const col = this.figures.columns[key];
    if (col === undefined) return undefined;
    const made = (this.made ??= {});
    return (made[key] ??= this.figures.view.amount(this.row, col));
  }

  get cells(): Partial<Record<CodeColumnKey, Amount>> {
    if (this.made === undefined || !Object.isFrozen(this.made)) {
      const all: Partial<Record<CodeColumnKey, Amount>> = {};
      for (const key in this.figures.columns) all[key as CodeColumnKey] = this.cell(key as CodeColumnKey);
      this.made = Object.freeze(all);
    }
    return this.made;
  }

  cents(key: CodeColumnKey): number | null | undefined {
    const slot = this.figures.slots[key];
    return slot === undefined ? undefined : this.figures.get(this.index, slot);
  }
}
