// Evaluates the formulas 填充小计 writes (=D8, =D8+D9-D12, =SUM(D8:D11,D15)) on the fake host's workbook,
// following references into other formula cells. Blank cells count as 0 but are reported as blank.
import { Decimal } from "../../src/core/money";
import { referencedCells } from "../../src/core/subtotals/formula";
import type { FakeSheet } from "../fakeHost/state";

export interface Evaluated {
  value: Decimal;
  blank: boolean;
}

export function evaluateCell(sheet: FakeSheet, address: string, seen = new Set<string>()): Evaluated {
  const cell = sheet.peek(address);
  if (!cell?.formula) {
    const v = cell?.value;
    if (v === null || v === undefined || v === "") return { value: new Decimal(0), blank: true };
    if (typeof v !== "number") throw new Error(`${sheet.name}!${address} is not a number: ${String(v)}`);
    return { value: new Decimal(String(v)), blank: false };
  }
  if (seen.has(address)) throw new Error(`circular reference at ${address}`);
  seen.add(address);
  const body = cell.formula.slice(1);
  let total = new Decimal(0);
  let blank = true;
  const sum = /^SUM\((.*)\)$/.exec(body);
  const terms: { sign: 1 | -1; ref: string }[] = sum
    ? sum[1].split(",").map((ref) => ({ sign: 1, ref }))
    : [...body.matchAll(/([+-]?)([A-Z]+\d+)/g)].map((m) => ({ sign: m[1] === "-" ? -1 : 1, ref: m[2] }));
  if (!sum && terms.map((t) => `${t.sign === -1 ? "-" : "+"}${t.ref}`).join("").replace(/^\+/, "") !== body) throw new Error(`cannot evaluate ${cell.formula}`);
  for (const t of terms) {
    for (const ref of referencedCells(t.ref)) {
      const e = evaluateCell(sheet, ref, new Set(seen));
      total = t.sign === -1 ? total.minus(e.value) : total.plus(e.value);
      blank &&= e.blank;
    }
  }
  return { value: total, blank };
}
