// A workbook ExcelJS has loaded whole → grids, the way Office.js would present them: merged areas hold their
// value in the top-left cell only, error cells read as their `#REF!` text, formulas give their cached result.
// Built sparse, from the cells the sheet holds (sparseGrid.ts). The check itself reads the XML directly
// (sheetXml.ts); this path serves tests and tools that have an ExcelJS workbook at hand, and is what
// sheetXml.ts is compared with.
import ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import type { CellValue } from "../core/money";
import { GridBuilder } from "./sparseGrid";
import type { ZipFacts } from "./zipInspect";

type Cell = Pick<ExcelJS.Cell, "value" | "numFmt">;

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? "#日期无效" : d.toISOString().slice(0, 10);
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return (value.richText ?? []).map((t) => t.text ?? "").join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      // The streaming reader parses every cached result as a number: an error result comes out NaN.
      if (typeof result === "number" && Number.isNaN(result)) return "#公式结果为错误值";
      if (typeof result === "object" && "error" in result) return String(result.error);
      return result instanceof Date ? dateText(result) : (result as CellValue);
    }
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

function formulaText(value: ExcelJS.CellValue): string | null {
  if (value && typeof value === "object" && "formula" in value && value.formula) return `=${value.formula}`;
  return null;
}

function hasNoResult(value: ExcelJS.CellValue): boolean {
  if (!value || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return false;
  const result = (value as ExcelJS.CellFormulaValue).result;
  return result === undefined || result === null;
}

/** One cell into the builder. A formula saved without its result is never read as 0 (or as blank): its text
 *  stands in the grid, so the amount reader names it, and the caller says why. */
function addCell(b: GridBuilder, r: number, c: number, cell: Cell): void {
  const formula = formulaText(cell.value);
  const format = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
  if (hasNoResult(cell.value)) {
    b.noCachedResult(r, c);
    b.add(r, c, formula ?? "=（公式）", formula, format);
    return;
  }
  b.add(r, c, plainValue(cell.value), formula, format);
}

export interface SheetGrid {
  grid: Grid;
  hidden: boolean;
  /** A1 addresses of formulas saved without their result. */
  uncalculated: string[];
}

interface Merges {
  _merges?: Record<string, { range: string }>;
}

/** A worksheet ExcelJS loaded whole. Merges from `mergeRefs` when the caller scanned them, else ExcelJS's. */
export function worksheetToSheetGrid(ws: ExcelJS.Worksheet, mergeRefs?: readonly string[]): SheetGrid {
  const b = new GridBuilder(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged cell other than the top-left one reads as its master's value in ExcelJS; Excel says "".
      if (cell.isMerged && cell.master !== cell) return;
      addCell(b, r - 1, c - 1, cell);
    });
  });
  const refs = mergeRefs ?? Object.values((ws as unknown as Merges)._merges ?? {}).map((m) => m.range);
  return { grid: b.build(refs), hidden: ws.state !== "visible", uncalculated: b.uncalculated };
}

/** Visible sheets first: where a hidden sheet is a stale copy of a visible table, the visible one is read. */
export function visibleFirst<T extends { hidden: boolean }>(sheets: T[]): T[] {
  return [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
}

export function workbookToSheetGrids(wb: ExcelJS.Workbook, facts?: ZipFacts): SheetGrid[] {
  return visibleFirst(wb.worksheets.map((ws) => worksheetToSheetGrid(ws, facts?.sheets.find((s) => s.name === ws.name)?.merges)));
}

export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  return workbookToSheetGrids(wb).map((s) => s.grid);
}
