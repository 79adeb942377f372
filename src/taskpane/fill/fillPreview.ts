// What a 填充小计 write does to the figure a cell shows: the preview counts and filters the writes that change
// an amount (most rewrite a subtotal that already agrees, with a formula in place of a typed figure).
import { Decimal, cents, formatAmount, readAmount } from "../../core/money";
import type { PlannedWrite } from "../../core/subtotals/plan";

/** The cell's figure before, as shown in the preview. */
export function shownOld(w: PlannedWrite): string {
  const read = readAmount(w.old);
  if (read.kind === "blank") return "（空）";
  if (read.kind === "amount") return formatAmount(read.value);
  return String(w.old);
}

export function shownNew(w: PlannedWrite): string {
  return w.value === null ? "（空）" : formatAmount(w.value);
}

/** Whether the write changes the figure: a blank and 0.00 are the same figure; text that is no amount is not. */
export function changesAmount(w: PlannedWrite): boolean {
  const read = readAmount(w.old);
  if (read.kind === "invalid") return true;
  const before = read.kind === "amount" ? cents(read.value) : new Decimal(0);
  const after = w.value === null ? new Decimal(0) : cents(w.value);
  return !before.eq(after);
}
