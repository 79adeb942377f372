// 导出 CSV: the 校验报告's rows as a CSV file the browser downloads (UTF-8 with a BOM, so that Excel opens the
// Chinese text correctly).
import type { Finding } from "../../core/findings";
import { REPORT_HEADER, reportRows } from "../../core/reportRows";

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function reportCsv(findings: readonly Finding[]): string {
  return `\uFEFF${[REPORT_HEADER, ...reportRows(findings)].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

export function downloadCsv(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
