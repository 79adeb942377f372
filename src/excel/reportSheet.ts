// 生成校验报告: a 校验报告 sheet with one row per finding and a link to its cell, written in blocks of rows in
// syncs under the request budget (batch.ts): a report of 15,000 findings is several megabytes.
import type { Finding } from "../core/findings";
import { REPORT_HEADER, REPORT_LINK_COLUMN, REPORT_SHEET, reportLink, reportRows } from "../core/reportRows";
import { columnLetter } from "../core/grid";
import { ACTION_BYTES, Batcher, OBJECT_BYTES, jsonBytes } from "./batch";
import type { ExcelHost } from "./host";

const BLOCK_ROWS = 500;

/** Excel reads a written string as if typed ("-0.04" a number, "=…" a formula): the apostrophe keeps it as written. */
const asText = (row: readonly (string | number | boolean | null)[]) => row.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : (v ?? "")));

export async function writeReportSheet(host: ExcelHost, findings: readonly Finding[]): Promise<string> {
  await host.run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET).load("name");
    await context.sync();
    if (!old.isNullObject) old.delete();
    const ws = context.workbook.worksheets.add(REPORT_SHEET);
    const rows = [REPORT_HEADER, ...reportRows(findings)].map(asText);
    const last = columnLetter(REPORT_HEADER.length - 1);
    const batch = new Batcher(context);
    for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
      const block = rows.slice(start, start + BLOCK_ROWS);
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES + jsonBytes(block));
      ws.getRange(`A${start + 1}:${last}${start + block.length}`).values = block;
    }
    ws.getRange(`A1:${last}1`).format.font.bold = true;
    const linkColumn = columnLetter(REPORT_LINK_COLUMN);
    for (const [i, f] of findings.entries()) {
      const link = reportLink(f);
      if (!link) continue;
      const text = String(rows[i + 1][REPORT_LINK_COLUMN]).replace(/^'/, "");
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES + jsonBytes(link) + jsonBytes(text));
      ws.getRange(`${linkColumn}${i + 2}`).hyperlink = { documentReference: link, textToDisplay: text };
    }
    ws.getRange(`A1:${last}${rows.length}`).format.autofitColumns();
    ws.activate();
    await batch.flush();
    await context.sync();
  });
  return REPORT_SHEET;
}
