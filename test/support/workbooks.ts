// Test helpers: the sample workbooks as sheet specs, grids read from real .xlsx files, and small edits.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workbookToGrids } from "../../src/cli/xlsxGrids";
import type { Grid } from "../../src/core/grid";
import { parseA1 } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import type { Cell, SheetSpec } from "../../scripts/samples/sheetSpec";
import { writeWorkbook } from "../../scripts/samples/sheetSpec";
import { shanghaiSheets } from "../../scripts/samples/shanghai";
import { wuhanSheets } from "../../scripts/samples/wuhan";

export const ROOT = join(__dirname, "..", "..");
export const WUHAN_XLSX = join(ROOT, "samples", "wuhan-2020.xlsx");
export const SHANGHAI_XLSX = join(ROOT, "samples", "shanghai-putuo-czj-2024.xlsx");

/** The 12 scores of samples/wuhan-2020-self-eval.xlsx that disagree with their own 评分标准 (as published; the
 *  sample keeps them): `sheet prefix!cell found→expected`, what the core and 检查自评表 in Excel must both say. */
export const WUHAN_SELF_EVAL_DISAGREEING = [
  "p01!H6 3.50→3.00",
  "p01!H7 0.20→0.10",
  "p01!H19 0.63→0.69",
  "p07!H8 9.00→10.00",
  "p10!H8 9.00→8.00",
  "p11!H6 9.00→8.00",
  "p11!H7 9.00→8.00",
  "p11!H8 9.00→8.00",
  "p11!H9 9.00→8.00",
  "p11!H10 39.00→38.00",
  "p12!H14 6.00→5.00",
  "p12!H15 6.00→5.00",
];

/** A score finding as WUHAN_SELF_EVAL_DISAGREEING lists it. */
export const disagreement = (f: { sheet: string; cells: string[]; found: string | null; expected: string | null }) => `${f.sheet.slice(0, 3)}!${f.cells[0]} ${f.found}→${f.expected}`;

export function wuhanSpecs(): SheetSpec[] {
  return wuhanSheets(join(ROOT, "samples", "data", "wuhan-2020"));
}

export function shanghaiSpecs(): SheetSpec[] {
  return shanghaiSheets(join(ROOT, "samples", "data", "shanghai-putuo-czj-2024"));
}

export async function readGrids(path: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return workbookToGrids(wb);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "juesuan-test-"));
}

/** Write specs to a real .xlsx in a fresh temp folder and return its path. */
export async function writeTemp(specs: SheetSpec[], name = "book.xlsx"): Promise<string> {
  const path = join(tempDir(), name);
  await writeWorkbook(specs, path);
  return path;
}

export function specSheet(specs: SheetSpec[], name: string): SheetSpec {
  const s = specs.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Set one cell of a spec by A1 address. */
export function setSpecCell(spec: SheetSpec, address: string, value: Cell): void {
  const { row, col } = parseA1(address);
  while (spec.rows.length <= row) spec.rows.push([]);
  const cells = spec.rows[row];
  while (cells.length <= col) cells.push(null);
  cells[col] = value;
}

/** A copy of the grids with one cell changed (the grids of a file are not touched). */
export function withCell(grids: Grid[], sheet: string, address: string, value: CellValue): Grid[] {
  const { row, col } = parseA1(address);
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const values = g.values.map((r, i) => (i === row - g.origin.row ? [...r] : r));
    values[row - g.origin.row][col - g.origin.col] = value;
    return { ...g, values };
  });
}
