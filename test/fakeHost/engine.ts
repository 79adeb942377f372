// The fake host's calculation: HyperFormula computes every formula of the workbook, with the JUESUAN custom
// functions registered in it and dispatched to their real implementations (src/functions/functions.ts), so that
// what 填充小计 and 生成自评表 write is evaluated as Excel would evaluate it.
import {
  CellError,
  type CellValue as HfValue,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InterpreterValue } from "hyperformula/typings/interpreter/InterpreterValue";
import { a1, parseA1 } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import * as functions from "../../src/functions/functions";
import { installCustomFunctions } from "../support/customFunctions";
import type { FakeSheet } from "./state";

type Implementation = (...args: unknown[]) => unknown;

/** The JUESUAN functions a formula can call, by their Excel name, with how many arguments each takes. */
const JUESUAN: Record<string, { fn: Implementation; args: number; optional: number }> = {
  "JUESUAN.LEVEL": { fn: functions.level as Implementation, args: 1, optional: 0 },
  "JUESUAN.NAME": { fn: functions.name as Implementation, args: 1, optional: 0 },
  "JUESUAN.SUBTOTAL": { fn: functions.subtotal as Implementation, args: 3, optional: 0 },
  "JUESUAN.SCORE.INDICATOR": { fn: functions.scoreIndicatorCell as Implementation, args: 4, optional: 1 },
  "JUESUAN.SCORE.BUDGET": { fn: functions.scoreBudgetCell as Implementation, args: 3, optional: 1 },
  "JUESUAN.SCORE.BAND": { fn: functions.scoreBandCell as Implementation, args: 2, optional: 0 },
  "JUESUAN.SCORE.QUALITATIVE": { fn: functions.scoreQualitativeCell as Implementation, args: 2, optional: 0 },
  "JUESUAN.SCORE.GRADE": { fn: functions.scoreGradeCell as Implementation, args: 1, optional: 0 },
};

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

/** A value as a custom function receives it: an empty cell is "", a rich number (95%) its number. */
function plain(v: unknown): unknown {
  if (v === EmptyValue) return "";
  if (v && typeof v === "object" && "val" in v) return (v as { val: unknown }).val;
  return v;
}

function methodName(id: string): string {
  return `juesuan_${id.replace(/\./g, "_")}`;
}

class JuesuanPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    Object.entries(JUESUAN).map(([id, spec]) => [
      id,
      {
        method: methodName(id),
        parameters: Array.from({ length: spec.args }, (_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i >= spec.args - spec.optional })),
      },
    ]),
  );
}

for (const [id, spec] of Object.entries(JUESUAN)) {
  Object.defineProperty(JuesuanPlugin.prototype, methodName(id), {
    value(this: JuesuanPlugin, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
      return this.runFunction(ast.args, state, this.metadata(id), (...args: unknown[]) => {
        // The host's own CustomFunctions global when there is one (the browser's fake host), else the tests'.
        if (!("CustomFunctions" in globalThis) || !(globalThis as { CustomFunctions?: unknown }).CustomFunctions) installCustomFunctions();
        const passed = args.map((a) => (a instanceof SimpleRangeValue ? a.data.map((row) => row.map(plain)) : a === undefined ? undefined : plain(a)));
        const result = spec.fn(...passed);
        if (result && typeof result === "object" && "code" in result) {
          const e = result as { code: string; message?: string };
          return new CellError(ERROR_TYPES[e.code] ?? ErrorType.VALUE, e.message);
        }
        return result as InterpreterValue;
      });
    },
  });
}

HyperFormula.registerFunctionPlugin(JuesuanPlugin, { enGB: Object.fromEntries(Object.keys(JUESUAN).map((id) => [id, id])) });

/** A computed cell as Office.js reports it: an error is its error string ("#N/A"), as `Range.values` returns it. */
export type Computed = CellValue;

function content(cell: { value: CellValue; formula?: string; text?: boolean }): string | number | boolean | null {
  if (cell.formula) return cell.formula;
  const v = cell.value;
  // Text is given with an apostrophe, so that the engine does not parse "95%" or "=A1" held as text.
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  return v;
}

/** The computed value of every formula cell of these sheets (sheet name → address → value). */
export function calculate(sheets: readonly FakeSheet[]): Map<string, Map<string, Computed>> {
  const data: Record<string, (string | number | boolean | null)[][]> = {};
  const formulaCells: { sheet: string; row: number; col: number; address: string }[] = [];
  for (const s of sheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (const [address, cell] of s.cells) {
      const c = content(cell);
      if (c === null) continue;
      const { row, col } = parseA1(address);
      while (rows.length <= row) rows.push([]);
      rows[row][col] = c;
      if (cell.formula) formulaCells.push({ sheet: s.name, row, col, address });
    }
    data[s.name] = rows.map((r) => Array.from(r, (v) => v ?? null));
  }
  const out = new Map<string, Map<string, Computed>>(sheets.map((s) => [s.name, new Map()]));
  if (!formulaCells.length) return out;
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: "gpl-v3" });
  for (const f of formulaCells) {
    const id = hf.getSheetId(f.sheet);
    if (id === undefined) continue;
    const v: HfValue = hf.getCellValue({ sheet: id, row: f.row, col: f.col });
    out.get(f.sheet)?.set(f.address, v instanceof DetailedCellError ? v.value : v === null ? "" : (v as CellValue));
  }
  hf.destroy();
  return out;
}

/** One cell's computed value. */
export function computedValue(sheets: readonly FakeSheet[], sheet: string, address: string): Computed {
  const s = sheets.find((x) => x.name === sheet);
  const cell = s?.peek(address);
  if (!cell?.formula) return cell?.value ?? null;
  return calculate(sheets).get(sheet)?.get(a1(parseA1(address).row, parseA1(address).col)) ?? null;
}
