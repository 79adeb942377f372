// Read the workbook into grids with every request and response well under Excel on the web's 5 MB:
// sync 1 lists the sheets; sync 2 reads each sheet's used range address and its top rows; a sheet whose top rows
// hold no candidate title is not read further; the others are read in row chunks of at most CELLS_PER_SYNC
// cells (values, and formulas and number formats when asked), several sheets to a sync while they fit.
// So 2 + ⌈cells of the candidate sheets × properties / CELLS_PER_SYNC⌉ syncs (sheets' chunks are packed).
import type { Grid, Rect } from "../core/grid";
import { parseRange } from "../core/grid";
import type { CellValue } from "../core/money";
import { isStoreSheet } from "./docStore";
import type { SheetRef } from "./marking";

/** Cells × properties per sync: at 20–25 bytes a cell as JSON, about 2.5 MB of response. */
export const CELLS_PER_SYNC = 100000;
/** Rows read first to decide whether a sheet is worth reading (core's title search looks at 12). */
export const TOP_ROWS = 15;
/** Merged areas are asked for per band of rows: the call fails above 512 areas (Excel.Range.getMergedAreasOrNullObject). */
const MERGE_BAND = 64;

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
  /** Formulas beside the values, for 填充小计 (what a cell holds, and what undo must put back). */
  formulas?: boolean;
  /** Number formats beside the values (Excel stores a typed 96.73% as 0.9673 formatted "0.00%"). */
  numberFormats?: boolean;
  /** Merged areas (ExcelApi 1.13; asked for unless false): false on an older Excel, and the sheets are then named in mergesUnread. */
  merges?: boolean;
  /** Whether a sheet is worth reading in full, from its top rows; every sheet when left out. */
  candidate?: (top: Grid) => boolean;
}

export interface WorkbookRead {
  grids: Grid[];
  /** Every sheet the add-in may mark, by id and name. */
  sheets: SheetRef[];
  /** Sheets whose merged areas could not be read (too many, or an Excel without the call). */
  mergesUnread: string[];
}

interface SheetPlan {
  ref: SheetRef;
  rect: Rect | null;
  top: CellValue[][];
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const collection = context.workbook.worksheets.load("items/id,items/name,items/visibility");
  await context.sync();
  const sheets = collection.items.filter((s) => s.visibility !== "VeryHidden" && !isStoreSheet(s.name));

  const probes = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true).load("address");
    const top = used.getRow(0).getResizedRange(TOP_ROWS - 1, 0).load("values");
    return { ref: { id: sheet.id, name: sheet.name }, used, top };
  });
  await context.sync();
  const plans: SheetPlan[] = probes.map(({ ref, used, top }) => {
    if (used.isNullObject) return { ref, rect: null, top: [] };
    const rect = parseRange(used.address);
    return { ref, rect, top: (top.values as CellValue[][]).slice(0, rect.bottom - rect.top + 1) };
  });

  const grids: Grid[] = [];
  const full: SheetPlan[] = [];
  for (const p of plans) {
    const topGrid: Grid = { sheet: p.ref.name, origin: { row: p.rect?.top ?? 0, col: p.rect?.left ?? 0 }, values: p.top };
    if (!p.rect) grids.push({ ...topGrid, values: [] });
    else if (options.candidate && !options.candidate(topGrid)) grids.push(topGrid);
    else full.push(p);
  }
  const read = await readChunks(context, full, options);
  // On an Excel without the merged-areas call every sheet read in full is read without them: say so.
  const mergesUnread = options.merges === false ? full.map((p) => p.ref.name) : read.mergesUnread;
  return { grids: [...grids, ...read.grids], sheets: plans.map((p) => p.ref), mergesUnread };
}

interface Chunk {
  plan: SheetPlan;
  top: number;
  bottom: number;
}

function chunksOf(plans: readonly SheetPlan[], properties: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const plan of plans) {
    const rect = plan.rect as Rect;
    const width = rect.right - rect.left + 1;
    const rows = Math.max(1, Math.floor(CELLS_PER_SYNC / (width * properties)));
    for (let top = rect.top; top <= rect.bottom; top += rows) chunks.push({ plan, top, bottom: Math.min(rect.bottom, top + rows - 1) });
  }
  return chunks;
}

async function readChunks(context: Excel.RequestContext, plans: readonly SheetPlan[], options: ReadOptions): Promise<{ grids: Grid[]; mergesUnread: string[] }> {
  const props = ["values", ...(options.formulas ? ["formulas"] : []), ...(options.numberFormats ? ["numberFormat"] : [])];
  const chunks = chunksOf(plans, props.length);
  const parts = new Map<string, { values: CellValue[][]; formulas: unknown[][]; formats: unknown[][]; merges: Rect[] }>();
  const mergesUnread = new Set<string>();
  for (const p of plans) parts.set(p.ref.id, { values: [], formulas: [], formats: [], merges: [] });

  // Chunks go to Excel in groups that fit one sync.
  let i = 0;
  while (i < chunks.length) {
    const group: Chunk[] = [];
    let cells = 0;
    while (i < chunks.length) {
      const c = chunks[i];
      const size = (c.bottom - c.top + 1) * ((c.plan.rect as Rect).right - (c.plan.rect as Rect).left + 1) * props.length;
      if (group.length && cells + size > CELLS_PER_SYNC) break;
      group.push(c);
      cells += size;
      i++;
    }
    // A failed read is tried once more as it was (a passing failure); failing again with merged areas asked
    // for, it is read without them (the call fails past 512 areas in a band) and the sheets are named.
    const withMerges = options.merges !== false;
    const result = await readGroup(context, group, props, withMerges)
      .catch(() => readGroup(context, group, props, withMerges))
      .catch(async (err: unknown) => {
        if (!withMerges) throw err;
        for (const c of group) mergesUnread.add(c.plan.ref.name);
        return readGroup(context, group, props, false);
      });
    result.forEach((r, k) => {
      const part = parts.get(group[k].plan.ref.id);
      if (!part) return;
      part.values.push(...r.values);
      part.formulas.push(...r.formulas);
      part.formats.push(...r.formats);
      part.merges.push(...r.merges);
    });
  }

  const grids = plans.map((p): Grid => {
    const rect = p.rect as Rect;
    const part = parts.get(p.ref.id) ?? { values: [], formulas: [], formats: [], merges: [] };
    const grid: Grid = {
      sheet: p.ref.name,
      origin: { row: rect.top, col: rect.left },
      values: part.values,
      merges: part.merges.map((m) => ({ top: m.top - rect.top, left: m.left - rect.left, bottom: m.bottom - rect.top, right: m.right - rect.left })),
    };
    if (options.formulas) grid.formulas = part.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
    if (options.numberFormats) grid.numberFormats = part.formats.map((row) => row.map((f) => (typeof f === "string" && f !== "General" ? f : null)));
    return grid;
  });
  return { grids, mergesUnread: [...mergesUnread] };
}

async function readGroup(context: Excel.RequestContext, group: readonly Chunk[], props: readonly string[], merges: boolean): Promise<{ values: CellValue[][]; formulas: unknown[][]; formats: unknown[][]; merges: Rect[] }[]> {
  const queued = group.map((c) => {
    const rect = c.plan.rect as Rect;
    const ws = context.workbook.worksheets.getItem(c.plan.ref.id);
    const range = ws.getRangeByIndexes(c.top, rect.left, c.bottom - c.top + 1, rect.right - rect.left + 1).load(props.join(","));
    const bands: Excel.RangeAreas[] = [];
    if (merges) {
      for (let top = c.top; top <= c.bottom; top += MERGE_BAND) {
        const rows = Math.min(MERGE_BAND, c.bottom - top + 1);
        bands.push(ws.getRangeByIndexes(top, rect.left, rows, rect.right - rect.left + 1).getMergedAreasOrNullObject().load("address"));
      }
    }
    return { range, bands };
  });
  await context.sync();
  return queued.map(({ range, bands }) => ({
    values: range.values as CellValue[][],
    formulas: props.includes("formulas") ? (range.formulas as unknown[][]) : [],
    formats: props.includes("numberFormat") ? (range.numberFormat as unknown[][]) : [],
    merges: bands.flatMap((b) => (b.isNullObject ? [] : parseAreas(b.address).map((a) => a.rect))),
  }));
}
