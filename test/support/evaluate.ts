// Evaluates the formulas the add-in writes, on the fake host's workbook: + - * /, SUM, SUMIF and the JUESUAN
// functions (dispatched to their real implementations), following references into other formula cells.
import { Decimal } from "../../src/core/money";
import { referencedCells } from "../../src/core/subtotals/formula";
import * as functions from "../../src/functions/functions";
import type { FakeSheet } from "../fakeHost/state";
import { installCustomFunctions } from "./customFunctions";

export interface Evaluated {
  value: Decimal;
  blank: boolean;
}

type Value = Decimal | string | null | { range: string[] };

export class FormulaError extends Error {}

const JUESUAN: Record<string, (...args: unknown[]) => unknown> = {
  "JUESUAN.SCORE.INDICATOR": functions.scoreIndicatorCell as (...a: unknown[]) => unknown,
  "JUESUAN.SCORE.BUDGET": functions.scoreBudgetCell as (...a: unknown[]) => unknown,
  "JUESUAN.SCORE.BAND": functions.scoreBandCell as (...a: unknown[]) => unknown,
  "JUESUAN.SCORE.QUALITATIVE": functions.scoreQualitativeCell as (...a: unknown[]) => unknown,
  "JUESUAN.SCORE.GRADE": functions.scoreGradeCell as (...a: unknown[]) => unknown,
  "JUESUAN.LEVEL": functions.level as (...a: unknown[]) => unknown,
};

export function evaluate(sheet: FakeSheet, address: string, seen: ReadonlySet<string> = new Set()): Value {
  const cell = sheet.peek(address);
  if (!cell?.formula) {
    const v = cell?.value;
    if (v === null || v === undefined || v === "") return null;
    return typeof v === "number" ? new Decimal(String(v)) : String(v);
  }
  if (seen.has(address)) throw new FormulaError(`circular reference at ${address}`);
  installCustomFunctions();
  const inner = new Set(seen).add(address);
  const tokens = cell.formula.slice(1).match(/"(?:[^"]|"")*"|(?<![A-Z.$])[A-Z][A-Z.]*\(|(?<![A-Z.$])\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\d+(?:\.\d+)?|[-+*/(),]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const num = (v: Value): Decimal => {
    if (v === null) return new Decimal(0);
    if (v instanceof Decimal) return v;
    if (typeof v === "string") throw new FormulaError(`#VALUE! text “${v}” in arithmetic`);
    throw new FormulaError("#VALUE! a range in arithmetic");
  };
  const cellValue = (ref: string): Value => evaluate(sheet, ref, inner);
  const factor = (): Value => {
    const t = next();
    if (t === undefined) throw new FormulaError(`unexpected end of ${cell.formula}`);
    if (t === "-") return num(factor()).negated();
    if (t === "(") {
      const v = expr();
      next();
      return v;
    }
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(t)) return new Decimal(t);
    if (t.endsWith("(")) {
      const name = t.slice(0, -1);
      const args: Value[] = [];
      while (peek() !== ")") {
        args.push(expr());
        if (peek() === ",") next();
      }
      next();
      return call(name, args);
    }
    if (t.includes(":")) return { range: referencedCells(t) };
    return cellValue(t.replace(/\$/g, ""));
  };
  const term = (): Value => {
    let v = factor();
    while (peek() === "*" || peek() === "/") {
      const op = next();
      const r = num(factor());
      if (op === "/" && r.isZero()) throw new FormulaError("#DIV/0!");
      v = op === "*" ? num(v).times(r) : num(v).dividedBy(r);
    }
    return v;
  };
  const expr = (): Value => {
    let v = term();
    while (peek() === "+" || peek() === "-") {
      const op = next();
      const r = num(term());
      v = op === "+" ? num(v).plus(r) : num(v).minus(r);
    }
    return v;
  };
  const call = (name: string, args: Value[]): Value => {
    const cells = (v: Value) => (v && typeof v === "object" && "range" in v ? v.range.map(cellValue) : [v]);
    if (name === "SUM") return args.flatMap(cells).reduce<Decimal>((s, v) => (v instanceof Decimal ? s.plus(v) : s), new Decimal(0));
    if (name === "SUMIF") {
      const [range, crit, sumRange] = args as [{ range: string[] }, string, { range: string[] }];
      return range.range.reduce((s, ref, k) => (cellValue(ref) === crit ? s.plus(num(cellValue(sumRange.range[k]))) : s), new Decimal(0));
    }
    const fn = JUESUAN[name];
    if (!fn) throw new FormulaError(`unknown function ${name}`);
    const plain = (v: Value): unknown => (v instanceof Decimal ? v.toNumber() : v === null ? "" : v);
    const result = fn(...args.map((v) => (v && typeof v === "object" && "range" in v ? v.range.map((r) => [plain(cellValue(r))]) : plain(v))));
    if (result && typeof result === "object" && "code" in result) throw new FormulaError(`${String((result as { code: string }).code)} ${String((result as { message?: string }).message ?? "")}`);
    return typeof result === "number" ? new Decimal(String(result)) : String(result);
  };
  const value = expr();
  if (i !== tokens.length) throw new FormulaError(`cannot evaluate ${cell.formula}`);
  return value;
}

/** A cell as a number: blank cells count as 0 but say they are blank. */
export function evaluateCell(sheet: FakeSheet, address: string): Evaluated {
  const v = evaluate(sheet, address);
  if (v === null) return { value: new Decimal(0), blank: true };
  if (!(v instanceof Decimal)) throw new FormulaError(`${sheet.name}!${address} is not a number: ${JSON.stringify(v)}`);
  return { value: v, blank: false };
}
