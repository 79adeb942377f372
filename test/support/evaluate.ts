// A cell of the fake host's workbook as Excel calculates it: the fake host's engine (HyperFormula with the JUESUAN
// functions, test/fakeHost/engine.ts), read back as an exact decimal or a text. An Excel error is thrown.
import { Decimal } from "../../src/core/money";
import { computedValue } from "../fakeHost/engine";
import type { FakeSheet } from "../fakeHost/state";

export interface Evaluated {
  value: Decimal;
  blank: boolean;
}

type Value = Decimal | string | null;

export class FormulaError extends Error {}

const EXCEL_ERROR = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|CYCLE!)$/;

export function evaluate(sheet: FakeSheet, address: string): Value {
  const v = computedValue(sheet.book?.sheets ?? [sheet], sheet.name, address);
  if (v === null || v === "") return null;
  if (typeof v === "number") return new Decimal(String(v));
  if (typeof v === "string" && sheet.peek(address)?.formula && EXCEL_ERROR.test(v)) throw new FormulaError(`${sheet.name}!${address} ${v} (${sheet.peek(address)?.formula})`);
  return String(v);
}

/** A cell as a number: blank cells count as 0 but say they are blank. */
export function evaluateCell(sheet: FakeSheet, address: string): Evaluated {
  const v = evaluate(sheet, address);
  if (v === null) return { value: new Decimal(0), blank: true };
  if (!(v instanceof Decimal)) throw new FormulaError(`${sheet.name}!${address} is not a number: ${JSON.stringify(v)}`);
  return { value: v, blank: false };
}
