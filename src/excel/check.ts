// 校验 in Excel: read (2 syncs), validate in core, restore the previous marks and mark anew (1 sync).
import type { Finding } from "../core/findings";
import type { Grid } from "../core/grid";
import { planMarks } from "../core/marks";
import { type CheckOptions, type ValidationResult, validate } from "../core/validate";
import type { ExcelHost } from "./host";
import { queueMarks, queueRestore } from "./marking";
import { MarkStore } from "./markStore";
import { workbookCatalog } from "./catalogStore";
import { readWorkbook } from "./readWorkbook";

export interface CheckOutcome extends ValidationResult {
  /** How many cells carry a mark now. */
  marked: number;
}

/**
 * Read the workbook (2 syncs), work out findings from its grids, then restore the previous marks and mark
 * these findings instead (1 sync); what the marks replaced is saved with the workbook.
 */
export async function markWorkbook<T extends { findings: Finding[] }>(host: ExcelHost, analyse: (grids: Grid[]) => T): Promise<T & { marked: number }> {
  const store = new MarkStore(host.settings);
  const withNotes = host.notesSupported();
  const { result, record } = await host.run(async (context) => {
    const read = await readWorkbook(context, { notes: withNotes });
    const result = analyse(read.grids);
    const previous = store.load();
    queueRestore(context, previous);
    const finish = queueMarks(context, planMarks(result.findings), read.notes, previous, withNotes);
    await context.sync();
    return { result, record: finish() };
  });
  await store.save(record);
  return { ...result, marked: record.cells.length };
}

export async function checkInExcel(host: ExcelHost, options: CheckOptions = {}): Promise<CheckOutcome> {
  return markWorkbook(host, (grids) => validate(grids, { catalog: workbookCatalog(host), ...options }));
}

/** 清除标记: put back every fill and note the last 校验 changed. Returns how many cells were restored. */
export async function clearMarks(host: ExcelHost): Promise<number> {
  const store = new MarkStore(host.settings);
  const record = store.load();
  if (!record) return 0;
  await host.run(async (context) => {
    queueRestore(context, record);
    await context.sync();
  });
  await store.save(null);
  return record.cells.length;
}
