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
