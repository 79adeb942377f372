// Findings the command line adds to the core's: what it learnt while reading the file (formulas saved without
// their results, tables taken from hidden sheets) and that nothing at all was checked. Plus the shortening
// of cell texts quoted in messages, so a 1 MB cell does not repeat in every message and note.
import type { Finding, TableId } from "../core/findings";
import type { Workbook } from "../core/model";
import type { CliRuleId } from "../core/rules/catalogue";
import { EXCEL_CELL_CHARS, MAX_MESSAGE_CHARS } from "./limits";
import type { SheetGrid } from "./xlsxGrids";

function workbookFinding(rule: CliRuleId, severity: Finding["severity"], message: string, sheet = "", cells: string[] = [], table: TableId | null = null): Finding {
  return { rule, severity, table, sheet, cells, expected: null, found: null, difference: null, message };
}

function listCells(cells: readonly string[], max = 8): string {
  return cells.length > max ? `${cells.slice(0, max).join("、")} 等 ${cells.length} 处` : cells.join("、");
}

export const NO_CACHE_MESSAGE = "公式未保存计算结果，请在 Excel 中打开并保存后再校验";

export function cliFindings(sheets: readonly SheetGrid[], workbook: Workbook, hasSelfEval: boolean, coreFindings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const s of sheets) {
    if (!s.uncalculated.length) continue;
    // Read as 0 they would make false errors; their text stands in the grid, so the amount reader names them.
    out.push(workbookFinding("NO-CACHE", "error", `工作表“${s.grid.sheet}”有 ${s.uncalculated.length} 个${NO_CACHE_MESSAGE}（${listCells(s.uncalculated)}）`, s.grid.sheet, s.uncalculated));
  }
  const hidden = new Set(sheets.filter((s) => s.hidden).map((s) => s.grid.sheet));
  for (const [id, table] of Object.entries(workbook.tables)) {
    if (table && hidden.has(table.sheet)) {
      out.push(workbookFinding("HIDDEN", "warning", `${id} 取自隐藏的工作表“${table.sheet}”：请确认它不是过期的副本`, table.sheet, [], id as TableId));
    }
  }
  // A workbook in which nothing was checked cannot pass. The core may say so itself (with its own rule):
  // then any error it reports already keeps the exit code at 1, and this is not added twice.
  const nothingChecked = Object.keys(workbook.tables).length === 0 && !hasSelfEval;
  if (nothingChecked && !coreFindings.some((f) => f.severity === "error")) {
    const names = sheets.map((s) => `“${s.grid.sheet}”`).join("、");
    out.push(workbookFinding("NO-TABLE", "error", `未找到可校验的表：工作表 ${names || "（无）"} 中既没有标题为表1–表9 的决算表，也没有项目支出绩效自评表；此文件未经校验`));
  }
  return out;
}

/** Cut a text to `max` characters (never inside a surrogate pair), saying how long it was. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 20;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…（共 ${text.length} 字，已截断）`;
}

export function shortenFindings(findings: Finding[]): Finding[] {
  return findings.map((f) => (f.message.length > MAX_MESSAGE_CHARS ? { ...f, message: shorten(f.message, MAX_MESSAGE_CHARS) } : f));
}

/** A note or a cell text Excel can hold. */
export function fitCell(text: string): string {
  return shorten(text, EXCEL_CELL_CHARS);
}
