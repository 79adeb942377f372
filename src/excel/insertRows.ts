// 插入缺失行: a 款 or 类 row the table lacks, inserted above its first child with its code and catalogue name.
// The undo entry (each row, where it will be and what it will hold) is saved before the rows go in; the rows go
// in one sync; the entry is marked done once that sync has returned.
import type { MissingParent } from "../core/subtotals/plan";
import type { ExcelHost } from "./host";
import { currentSheets } from "./marking";
import { type InsertedRow, newUndoId, pushUndo, updateUndo } from "./undo";

export async function insertMissingRows(host: ExcelHost, missing: readonly MissingParent[]): Promise<number> {
  const rows = missing.filter((m) => m.cells.length);
  if (!rows.length) return 0;
  const idOf = await host.run(async (context) => new Map((await currentSheets(context)).map((s) => [s.name, s.id])));
  // Bottom up within each sheet, so that each position is still the one planned; a row ends up pushed down
  // by the ones inserted above it on its sheet.
  const ordered = [...rows].sort((a, b) => a.sheet.localeCompare(b.sheet) || b.insertAt - a.insertAt);
  const inserted: InsertedRow[] = ordered.map((m) => {
    const sheetId = idOf.get(m.sheet);
    if (!sheetId) throw new Error(`工作表「${m.sheet}」已不存在，请重新预览。`);
    return { sheetId, sheet: m.sheet, insertAt: m.insertAt, above: rows.filter((o) => o.sheet === m.sheet && o.insertAt < m.insertAt).length, cells: m.cells.map((c) => ({ column: c.column, value: c.value })) };
  });
  const id = newUndoId();
  await pushUndo(host, { id, kind: "insert", state: "pending", rows: inserted });
  await host.run(async (context) => {
    for (const m of inserted) {
      const ws = context.workbook.worksheets.getItem(m.sheetId);
      ws.getRange(`A${m.insertAt + 1}`).getEntireRow().insert("Down");
      // A code typed as "21011" would become the number 21011: the apostrophe keeps it as text, like the codes around it.
      for (const cell of m.cells) ws.getRange(`${cell.column}${m.insertAt + 1}`).values = [[typeof cell.value === "string" ? `'${cell.value}` : cell.value]];
    }
    await context.sync();
  });
  await updateUndo(host, id, { state: "done" });
  return rows.length;
}
