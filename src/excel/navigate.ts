// Clicking a finding: show its sheet and select its cells.

import type { ExcelHost } from "./host";

export async function selectCells(host: ExcelHost, sheet: string, cells: readonly string[]): Promise<void> {
  if (!cells.length) return;
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cells[0]).select();
    await context.sync();
  });
}
