// Clicking a finding: show its sheet and select its cells.

import type { ExcelHost } from "./host";

export async function selectCells(host: ExcelHost, sheet: string, cells: readonly string[]): Promise<void> {
  if (!cells.length) return;
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet).load("visibility");
    await context.sync();
    // Excel cannot activate a hidden sheet (Excel.Worksheet.activate): say so instead of its error text.
    if (ws.visibility !== "Visible") throw new Error(`工作表「${sheet}」已隐藏：请先在 Excel 中取消隐藏，再点击定位。`);
    ws.activate();
    ws.getRange(cells[0]).select();
    await context.sync();
  });
}
