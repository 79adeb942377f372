// 校验 in Excel: read the workbook (readWorkbook.ts), validate in core, then replace the previous marks with the
// new ones. The record of what the marks replace is written first (intent first), so that a batch failing
// half-way can still be cleared; the previous marks are found where they are now, never by a stale address.
import type { Finding } from "../core/findings";
import type { Grid } from "../core/grid";
import { planMarks } from "../core/marks";
import { SheetView } from "../core/tables/sheetView";
import { findTitle } from "../core/tables/titles";
import { type CheckOptions, type ValidationResult, validate } from "../core/validate";
import { workbookCatalog } from "./catalogStore";
import { type ExcelHost, mergesSupported } from "./host";
import { type Located, type NotRestored, carriesOwnNote, currentSheets, locateMarks, planNewMarks, restoreMarks, userPartOf, writeMarks } from "./marking";
import { type MarkFeature, type MarkRecord, MarkStore } from "./markStore";
import { Batcher } from "./batch";
import { readWorkbook } from "./readWorkbook";

export type { NotRestored };

export interface MarkOutcome {
  /** How many cells carry a mark now. */
  marked: number;
  /** Previous marks that could not be put back (sheet deleted, note deleted, fill changed by the user). */
  notRestored?: NotRestored[];
  /** Sheets read without their merged areas (an Excel without the call, or more than 512 in a band). */
  mergesUnread?: string[];
}

export interface CheckOutcome extends ValidationResult, MarkOutcome {}

/** A sheet worth reading in full for 校验: core finds a table title in its top rows (or its name). */
export function hasTableTitle(top: Grid): boolean {
  return findTitle(new SheetView(top)) !== null;
}

/**
 * Read the sheets `candidate` accepts, work out findings from their grids, then put back the previous marks
 * of this feature and mark these findings instead.
 */
export async function markWorkbook<T extends { findings: Finding[] }>(
  host: ExcelHost,
  feature: MarkFeature,
  candidate: (top: Grid) => boolean,
  analyse: (grids: Grid[]) => T,
): Promise<T & MarkOutcome> {
  const store = new MarkStore(host, feature);
  const withNotes = host.notesSupported();
  const previous = await store.load();
  const prepared = await host.run(async (context) => {
    const read = await readWorkbook(context, { candidate, merges: mergesSupported(host), numberFormats: true });
    const result = analyse(read.grids);
    const { located, lost } = await locateMarks(context, previous?.cells ?? [], read.sheets, withNotes);
    const planned = await planNewMarks(context, planMarks(result.findings), read.sheets, located, withNotes);
    return { result, read, located, lost, planned };
  });
  const { result, read, located, lost, planned } = prepared;
  const marked = new Set(planned.map((p) => `${p.sheetId}!${p.mark.address}`));
  const toRestore = located.filter((l) => !marked.has(`${l.at.sheetId}!${l.at.address}`));
  // Intent first: the new marks and the previous ones still to put back, before a single cell changes.
  const pending: MarkRecord = { version: 2, state: "pending", cells: [...planned.map((p) => p.entry), ...toRestore.map(relocated)] };
  await store.save(pending);
  const left = await host.run(async (context) => {
    const batch = new Batcher(context);
    const restored = await restoreMarks(context, toRestore, withNotes, previous?.state === "pending", batch);
    await writeMarks(context, planned, withNotes, batch);
    return restored.left;
  });
  await store.save({ version: 2, state: "applied", cells: planned.map((p) => p.entry) });
  return { ...result, marked: planned.length, notRestored: [...lost, ...left], mergesUnread: read.mergesUnread };
}

/** A located mark, recorded at the address where it is now. */
function relocated(l: Located): MarkRecord["cells"][number] {
  return { ...l.entry, sheetId: l.at.sheetId, sheet: l.at.sheet, address: l.at.address };
}

export async function checkInExcel(host: ExcelHost, options: CheckOptions = {}): Promise<CheckOutcome> {
  return markWorkbook(host, "check", hasTableTitle, (grids) => validate(grids, { catalog: workbookCatalog(host), ...options }));
}

/** 清除标记 of one feature, saying what could not be put back. Safe to repeat after a failure. */
export async function clearMarksReport(host: ExcelHost, feature: MarkFeature = "check"): Promise<{ restored: number; notRestored: NotRestored[] }> {
  const store = new MarkStore(host, feature);
  const record = await store.load();
  if (!record) return { restored: 0, notRestored: [] };
  const withNotes = host.notesSupported();
  const outcome = await host.run(async (context) => {
    const sheets = await currentSheets(context);
    const { located, lost } = await locateMarks(context, record.cells, sheets, withNotes);
    const { restored, left } = await restoreMarks(context, located, withNotes, record.state === "pending");
    return { restored, notRestored: [...lost, ...left] };
  });
  await store.save(null);
  return outcome;
}

/** 清除标记: put back every fill and note the last 校验 (or 检查自评表) changed; returns how many cells. */
export async function clearMarks(host: ExcelHost, feature: MarkFeature = "check"): Promise<number> {
  return (await clearMarksReport(host, feature)).restored;
}

/**
 * 重置标记记录, for what nothing else can fix: put back what the records still can, remove the add-in's part of
 * every note in the workbook, and forget the records whatever happens. Returns how many notes were cleaned.
 */
export async function resetMarkRecords(host: ExcelHost): Promise<{ restored: number; notesCleaned: number }> {
  let restored = 0;
  for (const feature of ["check", "selfEval"] as const) {
    restored += await clearMarks(host, feature).catch(() => 0);
    await new MarkStore(host, feature).save(null).catch(() => undefined);
  }
  if (!host.notesSupported()) return { restored, notesCleaned: 0 };
  const notesCleaned = await host.run(async (context) => {
    const notes = context.workbook.notes.load("items/content");
    await context.sync();
    const own = notes.items.filter((n) => carriesOwnNote(n.content));
    const batch = new Batcher(context);
    for (const note of own) {
      await batch.reserve(600 + note.content.length * 3);
      const user = userPartOf(note.content);
      if (user === null) note.delete();
      else note.content = user;
    }
    await batch.flush();
    return own.length;
  });
  return { restored, notesCleaned };
}
