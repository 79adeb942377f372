// 生成校验报告: a 校验报告 sheet — a header (when, which mode, the counts), then one row per finding with a link
// to its cell, amounts as numbers — written as 2-D ranges, in syncs under the request budget. An existing report is replaced only
// when the caller says so (the pane asks first); otherwise the new one gets a free name.
import type { Finding } from "../core/findings";
import { REPORT_HEADER, REPORT_LINK_COLUMN, REPORT_SHEET, reportLink, reportRows } from "../core/reportRows";
import { columnLetter } from "../core/grid";
import { ACTION_BYTES, Batcher, OBJECT_BYTES, jsonBytes } from "./batch";
import type { ExcelHost } from "./host";

const BLOCK_ROWS = 500;

export interface ReportOptions {
  /** When the findings were made, and in which mode: the report's header says so. */
  at: Date;
  strict: boolean;
  /** The counts line of the header (`3 处错误，1 条提示`). */
  counts: string;
  /** Replace an existing 校验报告 sheet (the user agreed); otherwise write a new sheet beside it. */
  replace: boolean;
}

/** Rows above the table: title, when and how, a blank line. */
const HEADER_ROWS = 3;
/** 应为, 实为, 差额: numbers in the sheet when they are plain amounts (a bound such as "≤ 30.50" stays text). */
const AMOUNT_COLUMNS = [REPORT_HEADER.indexOf("应为"), REPORT_HEADER.indexOf("实为"), REPORT_HEADER.indexOf("差额")];
const AMOUNT = /^-?\d+(?:\.\d+)?$/;

export function reportCells(findings: readonly Finding[]): (string | number)[][] {
  return reportRows(findings).map((row) => row.map((v, c) => (c === 0 ? Number(v) : AMOUNT_COLUMNS.includes(c) && AMOUNT.test(v) ? Number(v) : v)));
}

const stamp = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")} ${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;

export async function reportSheetExists(host: ExcelHost): Promise<boolean> {
  return host.run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET).load("name");
    await context.sync();
    return !old.isNullObject;
  });
}

/** Write the report; returns the sheet's name. */
export async function writeReportSheet(host: ExcelHost, findings: readonly Finding[], options: ReportOptions): Promise<string> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    // Excel's sheet names are case-insensitive.
    const names = sheets.items.map((s) => s.name);
    const taken = (n: string) => names.find((x) => x.toLowerCase() === n.toLowerCase());
    let name = REPORT_SHEET;
    const existing = taken(REPORT_SHEET);
    if (options.replace && existing) context.workbook.worksheets.getItem(existing).delete();
    else for (let i = 2; taken(name); i++) name = `${REPORT_SHEET}(${i})`;
    const ws = context.workbook.worksheets.add(name);
    const last = columnLetter(REPORT_HEADER.length - 1);
    ws.getRange("A1:A2").values = [["决算助手 校验报告"], [`校验时间 ${stamp(options.at)} · ${options.strict ? "严格模式（尾差也算错误）" : "普通模式"} · ${options.counts}`]];
    ws.getRange("A1").format.font.bold = true;
    const top = HEADER_ROWS + 1;
    const rows = reportCells(findings);
    ws.getRange(`A${top}:${last}${top}`).values = [REPORT_HEADER];
    ws.getRange(`A${top}:${last}${top}`).format.font.bold = true;
    // Body, formats and links in blocks of rows, in syncs under the request budget (batch.ts): a report of
    // 15,000 findings is several megabytes, more than Excel on the web takes in one request.
    // Texts are kept as written by an apostrophe (Excel would read "-0.04 以上" or "=…" as typed).
    const batch = new Batcher(context);
    for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
      const block = rows.slice(start, start + BLOCK_ROWS).map((row) => row.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v)));
      const from = top + 1 + start;
      const to = from + block.length - 1;
      await batch.reserve(OBJECT_BYTES * (2 + AMOUNT_COLUMNS.length * 2) + ACTION_BYTES * (1 + AMOUNT_COLUMNS.length) + jsonBytes(block) + block.length * 12 * AMOUNT_COLUMNS.length);
      ws.getRange(`A${from}:${last}${to}`).values = block;
      for (const c of AMOUNT_COLUMNS) {
        const col = columnLetter(c);
        ws.getRange(`${col}${from}:${col}${to}`).numberFormat = block.map(() => ["#,##0.00"]);
      }
    }
    const linkColumn = columnLetter(REPORT_LINK_COLUMN);
    for (const [i, f] of findings.entries()) {
      const link = reportLink(f);
      if (!link) continue;
      const text = String(rows[i][REPORT_LINK_COLUMN]);
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES + jsonBytes(link) + jsonBytes(text));
      ws.getRange(`${linkColumn}${top + 1 + i}`).hyperlink = { documentReference: link, textToDisplay: text };
    }
    ws.getRange(`A${top}:${last}${top + rows.length}`).format.autofitColumns();
    ws.activate();
    await context.sync();
    return name;
  });
}
