// ExcelJS workbook → grids, the way Office.js would present them: merged areas hold their value in the
// top-left cell only, error cells read as their `#REF!` text, formulas give their cached result.
import type ExcelJS from "exceljs";
import type { Grid, Rect } from "../core/grid";
import { parseRange } from "../core/grid";
import type { CellValue } from "../core/money";

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && "error" in result) return String(result.error);
      return result instanceof Date ? result.toISOString().slice(0, 10) : (result as CellValue);
    }
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

function formulaOf(value: ExcelJS.CellValue): string | null {
  if (value && typeof value === "object" && "formula" in value && value.formula) return `=${value.formula}`;
  return null;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const height = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const width = ws.columnCount;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let hasFormula = false;
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const rowValues: CellValue[] = new Array<CellValue>(width).fill(null);
    const rowFormulas: (string | null)[] = new Array<string | null>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged cell other than the top-left one reads as its master's value in ExcelJS; Excel says "".
      if (cell.isMerged && cell.master !== cell) return;
      rowValues[c - 1] = plainValue(cell.value);
      const f = formulaOf(cell.value);
      if (f) {
        rowFormulas[c - 1] = f;
        hasFormula = true;
      }
    });
    values.push(rowValues);
    formulas.push(rowFormulas);
  }
  const merges: Rect[] = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).map((master) => {
    const model = (ws as unknown as { _merges: Record<string, { range: string }> })._merges[master];
    return parseRange(model.range);
  });
  return { sheet: ws.name, origin: { row: 0, col: 0 }, values, ...(hasFormula ? { formulas } : {}), merges };
}

export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.filter((ws) => ws.state !== "veryHidden").map(worksheetToGrid);
}
