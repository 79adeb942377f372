// ExcelJS cells → grids, the way Office.js would present them: merged areas hold their value in the top-left
// cell only, error cells read as their `#REF!` text, formulas give their cached result. Built sparse, from the
// cells the sheet holds (sparseGrid.ts). Two ways in: a workbook ExcelJS has loaded whole (needed to write
// the annotated copy), and ExcelJS's streaming reader, which holds one row at a time.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PassThrough } from "node:stream";
import type { Grid } from "../core/grid";
import type { CellValue } from "../core/money";
import { GridBuilder } from "./sparseGrid";
import type { SheetEntry, ZipFacts } from "./zipInspect";

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

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  return worksheetToSheetGrid(ws).grid;
}

/** Visible sheets first: where a hidden sheet is a stale copy of a visible table, the visible one is read. */
function visibleFirst<T extends { hidden: boolean }>(sheets: T[]): T[] {
  return [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
}

export function workbookToSheetGrids(wb: ExcelJS.Workbook, facts?: ZipFacts): SheetGrid[] {
  return visibleFirst(wb.worksheets.map((ws) => worksheetToSheetGrid(ws, facts?.sheets.find((s) => s.name === ws.name)?.merges)));
}

export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  return workbookToSheetGrids(wb).map((s) => s.grid);
}

// The streaming reader needs the workbook, its relationships and the shared strings before the first sheet
// (ExcelJS 4.4 stream/xlsx/workbook-reader.js reads `model.sheets` as soon as it meets a sheet with the shared
// strings known); files written by ExcelJS itself put the sheets first. So the parts are handed to it again in
// that order, stored without compression (streamed, never held inflated as a whole).
const FIRST = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"];

function orderedZip(zip: JSZip): PassThrough {
  const ordered = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  for (const name of [...FIRST.filter((n) => zip.files[n]), ...names.filter((n) => !FIRST.includes(n))]) {
    ordered.file(name, zip.files[name].nodeStream("nodebuffer"));
  }
  const out = new PassThrough();
  ordered.generateNodeStream({ streamFiles: true, compression: "STORE" }).on("error", (err) => out.destroy(err)).pipe(out);
  return out;
}

/** Read through ExcelJS's streaming reader: memory follows the cells kept, not the file's XML. Only for
 *  files whose sheets sit where that reader looks for them (`facts.streamable`). */
export async function streamSheetGrids(facts: ZipFacts): Promise<SheetGrid[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(orderedZip(facts.zip), { sharedStrings: "cache", styles: "cache", worksheets: "emit", hyperlinks: "ignore", entries: "ignore" });
  const out: SheetGrid[] = [];
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const entry: SheetEntry | undefined = facts.sheets.find((s) => s.name === name);
    const b = new GridBuilder(name);
    for await (const row of ws) {
      row.eachCell({ includeEmpty: false }, (cell, c) => addCell(b, row.number - 1, c - 1, cell));
    }
    out.push({ grid: b.build(entry?.merges ?? []), hidden: entry ? entry.state !== "visible" : false, uncalculated: b.uncalculated });
  }
  // The streaming reader meets sheets in zip order; the workbook's order is the one a person sees.
  const order = new Map(facts.sheets.map((s, i) => [s.name, i]));
  out.sort((a, b) => (order.get(a.grid.sheet) ?? 0) - (order.get(b.grid.sheet) ?? 0));
  return visibleFirst(out);
}
