// The annotated copy: offending cells filled and noted, plus a 校验报告 sheet with a link to each cell.
// Works on the workbook already loaded; the caller writes it to a new path, never over the input.
import type ExcelJS from "exceljs";
import { type Finding, severityLabel } from "../core/findings";
import { quoteSheet } from "../core/model";

export const FILL: Record<Finding["severity"], string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
export const REPORT_SHEET = "校验报告";

export function noteText(f: Finding): string {
  const figures = f.expected !== null ? `\n应为：${f.expected}\n实为：${f.found ?? ""}\n差额：${f.difference ?? ""}` : "";
  return `【决算助手·${severityLabel(f)} ${f.rule}】${f.message}${figures}`;
}

export function annotateWorkbook(wb: ExcelJS.Workbook, findings: readonly Finding[]): void {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const cell of f.cells) {
      const key = `${f.sheet}!${cell}`;
      byCell.set(key, [...(byCell.get(key) ?? []), f]);
    }
  }
  for (const [key, list] of byCell) {
    const bang = key.lastIndexOf("!");
    const ws = wb.getWorksheet(key.slice(0, bang));
    if (!ws) continue;
    const cell = ws.getCell(key.slice(bang + 1));
    const worst = [...list].sort((a, b) => rank[a.severity] - rank[b.severity])[0];
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[worst.severity] } };
    const existing = typeof cell.note === "string" ? cell.note : "";
    cell.note = [existing, ...list.map(noteText)].filter(Boolean).join("\n\n");
  }
  addReportSheet(wb, findings);
}

function addReportSheet(wb: ExcelJS.Workbook, findings: readonly Finding[]): void {
  const old = wb.getWorksheet(REPORT_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(REPORT_SHEET);
  ws.columns = [
    { header: "序号", width: 6 },
    { header: "级别", width: 8 },
    { header: "规则", width: 10 },
    { header: "表", width: 6 },
    { header: "单元格", width: 16 },
    { header: "应为", width: 14 },
    { header: "实为", width: 14 },
    { header: "差额", width: 12 },
    { header: "说明", width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  findings.forEach((f, i) => {
    const where = f.cells.length ? `${f.sheet}!${f.cells[0]}` : "";
    const row = ws.addRow([i + 1, severityLabel(f), f.rule, f.table ?? "", where, f.expected ?? "", f.found ?? "", f.difference ?? "", f.message]);
    if (where) row.getCell(5).value = { text: where, hyperlink: `#${quoteSheet(f.sheet)}!${f.cells[0]}` };
    row.getCell(2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[f.severity] } };
  });
}
