// 插入缺失行: a 款 or 类 row the table lacks, inserted above its first child with its code and catalogue name,
// in one sync; undone by deleting exactly those rows.
import type { MissingParent } from "../core/subtotals/plan";
import type { ExcelHost } from "./host";
import { pushUndo } from "./undo";

export async function insertMissingRows(host: ExcelHost, missing: readonly MissingParent[]): Promise<number> {
  const rows = missing.filter((m) => m.cells.length);
  if (!rows.length) return 0;
  await host.run(async (context) => {
    // Bottom up within each sheet, so that each position is still the one planned.
    for (const m of [...rows].sort((a, b) => a.sheet.localeCompare(b.sheet) || b.insertAt - a.insertAt)) {
      const ws = context.workbook.worksheets.getItem(m.sheet);
      ws.getRange(`A${m.insertAt + 1}`).getEntireRow().insert("Down");
      // A code typed as "21011" would become the number 21011: the apostrophe keeps it as text, like the codes around it.
      for (const cell of m.cells) ws.getRange(`${cell.column}${m.insertAt + 1}`).values = [[typeof cell.value === "string" ? `'${cell.value}` : cell.value]];
    }
    await context.sync();
  });
  // Where the rows are now: each is pushed down by the ones inserted above it on its sheet.
  const inserted = rows.map((m) => ({ sheet: m.sheet, row: m.insertAt + rows.filter((o) => o.sheet === m.sheet && o.insertAt < m.insertAt).length }));
  await pushUndo(host, { kind: "insert", rows: inserted });
  return rows.length;
}
