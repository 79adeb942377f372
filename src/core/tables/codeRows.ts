// The rows of a code table (表2/3/5/8/9) as read from their sheet. A table of 5,000 rows holds some 35,000
// figures: a row keeps its sheet row and reads a figure from the grid when asked, and makes the Amounts of its
// cells (with their A1 addresses) only when something asks for them — a finding, 填充小计, the report. The
// checker's fast path asks `cents(key)` of every cell and makes nothing.
import type { Level } from "../codes";
import type { CellValue } from "../grid";
import { type Amount, type CodeRow, amountCents } from "../model";
import { numberCents } from "../money";
import type { CodeColumnKey } from "../rules/catalogue";
import type { SheetView } from "./sheetView";

/** The table's amount columns: column key → the view's column. One object shared by all of a table's rows. */
export type ColumnIndex = Partial<Record<CodeColumnKey, number>>;

export class SheetCodeRow implements CodeRow {
  /** The Amounts made so far; all of them, in column order, once `cells` was asked for. */
  private made: Partial<Record<CodeColumnKey, Amount>> | undefined;
  private complete = false;
  /** The row's values in the grid (what view.raw reads), held for `cents`. */
  private readonly values: readonly (CellValue | undefined)[];

  constructor(
    readonly code: string | null,
    readonly level: Level | "合计",
    readonly name: string,
    readonly row: number,
    private readonly view: SheetView,
    private readonly columns: ColumnIndex,
  ) {
    this.values = view.grid.values[row] ?? [];
  }

  cell(key: CodeColumnKey): Amount | undefined {
    const col = this.columns[key];
    if (col === undefined) return undefined;
    const made = (this.made ??= {});
    return (made[key] ??= this.view.amount(this.row, col));
  }

  get cells(): Partial<Record<CodeColumnKey, Amount>> {
    if (!this.complete) {
      const all: Partial<Record<CodeColumnKey, Amount>> = {};
      for (const key in this.columns) all[key as CodeColumnKey] = this.cell(key as CodeColumnKey);
      [this.made, this.complete] = [all, true];
    }
    return this.made ?? {};
  }

  cents(key: CodeColumnKey): number | null | undefined {
    const col = this.columns[key];
    if (col === undefined) return undefined;
    // A number or an empty cell is read here exactly as readAmount reads it (money.ts); anything else by readAmount.
    const raw = this.values[col];
    if (raw === null || raw === undefined) return 0;
    if (typeof raw === "number" && Number.isFinite(raw)) return numberCents(raw);
    const cell = this.cell(key);
    return cell === undefined ? undefined : amountCents(cell);
  }
}
