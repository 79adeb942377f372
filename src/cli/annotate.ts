// The annotated copy: offending cells filled and noted, plus a 校验报告 sheet with a link to each cell.
// Works on the workbook already loaded; the caller writes it to a new path, never over the input.
export { REPORT_SHEET };
import type ExcelJS from "exceljs";
import type { Finding } from "../core/findings";
import { REPORT_HEADER, REPORT_LINK_COLUMN, REPORT_SHEET, reportLink, reportRows } from "../core/reportRows";
import { MARK_FILL, planMarks } from "../core/marks";
import { fitCell } from "./extraFindings";

const argb = (hex: string) => `FF${hex.slice(1)}`;

export function annotateWorkbook(wb: ExcelJS.Workbook, findings: readonly Finding[]): void {
  for (const mark of planMarks(findings)) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.address);
    // ExcelJS gives every cell read with the same style one shared style object: setting this cell's fill
    // on it would fill them all. A copy of its own first (fill, font, border … are replaced, never mutated).
    cell.style = { ...cell.style };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(mark.fill) } };
    // A note the cell already had is kept (its text, when it was a formatted note).
    const note = cell.note as string | { texts?: { text?: string }[] } | undefined;
    const existing = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text ?? "").join("");
    cell.note = fitCell([existing, mark.note].filter(Boolean).join("\n\n"));
  }
  addReportSheet(wb, findings);
}

function addReportSheet(wb: ExcelJS.Workbook, findings: readonly Finding[]): void {
  const old = wb.getWorksheet(REPORT_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(REPORT_SHEET);
  const widths = [6, 8, 10, 6, 16, 14, 14, 12, 90];
  ws.columns = REPORT_HEADER.map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  const rows = reportRows(findings);
  findings.forEach((f, i) => {
    const row = ws.addRow(rows[i].map((v) => (typeof v === "string" ? fitCell(v) : v)));
    const link = reportLink(f);
    if (link) row.getCell(REPORT_LINK_COLUMN + 1).value = { text: rows[i][REPORT_LINK_COLUMN], hyperlink: `#${link}` };
    row.getCell(2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(MARK_FILL[f.severity]) } };
  });
}
