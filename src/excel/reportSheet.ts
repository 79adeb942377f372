// 生成校验报告: a 校验报告 sheet with one row per finding and a link to its cell, written as one 2-D range.
import type { Finding } from "../core/findings";
import { REPORT_HEADER, REPORT_LINK_COLUMN, REPORT_SHEET, reportLink, reportRows } from "../core/reportRows";
import { columnLetter } from "../core/grid";
import type { ExcelHost } from "./host";

export async function writeReportSheet(host: ExcelHost, findings: readonly Finding[]): Promise<string> {
  await host.run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET).load("name");
    await context.sync();
    if (!old.isNullObject) old.delete();
    const ws = context.workbook.worksheets.add(REPORT_SHEET);
    const rows = [REPORT_HEADER, ...reportRows(findings)];
    const last = columnLetter(REPORT_HEADER.length - 1);
    ws.getRange(`A1:${last}${rows.length}`).values = rows;
    ws.getRange(`A1:${last}1`).format.font.bold = true;
    const linkColumn = columnLetter(REPORT_LINK_COLUMN);
    findings.forEach((f, i) => {
      const link = reportLink(f);
      if (link) ws.getRange(`${linkColumn}${i + 2}`).hyperlink = { documentReference: link, textToDisplay: rows[i + 1][REPORT_LINK_COLUMN] };
    });
    ws.getRange(`A1:${last}${rows.length}`).format.autofitColumns();
    ws.activate();
    await context.sync();
  });
  return REPORT_SHEET;
}
