// The rows of the 校验报告 sheet, the same in the annotated copy and in Excel.
import { type Finding, severityLabel } from "./findings";
import { quoteSheet } from "./model";

export const REPORT_SHEET = "校验报告";
export const REPORT_HEADER = ["序号", "级别", "规则", "表", "单元格", "应为", "实为", "差额", "说明"];
/** Column (0-based) of the cell link. */
export const REPORT_LINK_COLUMN = 4;

export function reportRows(findings: readonly Finding[]): string[][] {
  return findings.map((f, i) => [
    String(i + 1),
    severityLabel(f),
    f.rule,
    f.table ?? "",
    f.cells.length ? `${f.sheet}!${f.cells[0]}` : "",
    f.expected ?? "",
    f.found ?? "",
    f.difference ?? "",
    f.message,
  ]);
}

/** The in-workbook link target of a finding's first cell (`#'Sheet 1'!A1` style, without the #). */
export function reportLink(f: Finding): string | null {
  return f.cells.length ? `${quoteSheet(f.sheet)}!${f.cells[0]}` : null;
}
