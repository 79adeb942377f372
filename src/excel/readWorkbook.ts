// Read every sheet's used range into grids in one batch: sheet names first (sync 1), then all values,
// merged areas and note locations together (sync 2).
import type { Grid, Rect } from "../core/grid";
import { a1, parseRange } from "../core/grid";
import type { CellValue } from "../core/money";

export interface WorkbookRead {
  grids: Grid[];
  /** Existing notes by `sheet!A1`, so that marking can keep them. */
  notes: Map<string, string>;
}

/** `表1!A1:F1,表1!A3:C3` or `'My sheet'!A1` → the sheet name and rectangles. */
export function parseAreas(address: string): { sheet: string; rect: Rect }[] {
  const areas: { sheet: string; rect: Rect }[] = [];
  const re = /(?<=^|,)('(?:[^']|'')+'|[^,!']+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
  for (const m of address.matchAll(re)) {
    const sheet = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1].trim();
    areas.push({ sheet, rect: parseRange(m[2].replace(/\$/g, "")) });
  }
  return areas;
}

export interface ReadOptions {
  /** Existing notes, for marking without losing them. */
  notes?: boolean;
  /** Formulas beside the values, for 填充小计 (what a cell holds, and what undo must put back). */
  formulas?: boolean;
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const withNotes = !!options.notes;
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const notes = withNotes ? context.workbook.notes.load("items/content") : null;
  await context.sync();

  const reads = sheets.items
    .filter((s) => s.visibility !== "VeryHidden")
    .map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true).load(options.formulas ? "address,values,formulas" : "address,values");
      const merged = used.getMergedAreasOrNullObject().load("address");
      return { name: sheet.name, used, merged };
    });
  const locations = (notes?.items ?? []).map((note) => ({ note, where: note.getLocation().load("address") }));
  await context.sync();

  const grids: Grid[] = [];
  for (const { name, used, merged } of reads) {
    if (used.isNullObject) {
      grids.push({ sheet: name, origin: { row: 0, col: 0 }, values: [] });
      continue;
    }
    const origin = parseRange(used.address);
    const merges = merged.isNullObject
      ? []
      : parseAreas(merged.address).map(({ rect }) => ({
          top: rect.top - origin.top,
          left: rect.left - origin.left,
          bottom: rect.bottom - origin.top,
          right: rect.right - origin.left,
        }));
    const formulas = options.formulas ? (used.formulas as unknown[][]).map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))) : undefined;
    grids.push({ sheet: name, origin: { row: origin.top, col: origin.left }, values: used.values as CellValue[][], merges, ...(formulas ? { formulas } : {}) });
  }
  const noteMap = new Map<string, string>();
  for (const { note, where } of locations) {
    const [area] = parseAreas(where.address);
    if (area) noteMap.set(`${area.sheet}!${a1(area.rect.top, area.rect.left)}`, note.content);
  }
  return { grids, notes: noteMap };
}
