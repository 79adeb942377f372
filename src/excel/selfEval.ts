// 绩效自评 in Excel: 生成自评表 from the indicator list on the active sheet (a new sheet, one write, undoable),
// and 检查自评表 on every filled 自评表 of the workbook, marked in place like 校验.
import { type Grid, parseA1, parseRange } from "../core/grid";
import type { CellValue } from "../core/money";
import { type SelfEvalCheck, checkSelfEvalGrids } from "../core/scoring/checkSheets";
import { type LayoutKind, readIndicatorRows, selfEvalLayout } from "../core/scoring/sheet";
import { type MarkOutcome, markWorkbook } from "./check";
import type { ExcelHost } from "./host";
import { newUndoId, pushUndo, updateUndo } from "./undo";

export type { SelfEvalCheck };

/**
 * A sheet worth reading for 检查自评表: its top rows hold the 自评表 title, the indicator header, or the 得分率 of a
 * 得分情况 summary (a 摘要版 sheet has neither of the others, and checkSelfEvalGrids checks it too).
 */
export function looksLikeSelfEval(top: Grid): boolean {
  return top.values.some((row) => row.some((v) => typeof v === "string" && /自评表|一级指标|得分率/.test(v)));
}

export async function checkSelfEvalInExcel(host: ExcelHost): Promise<SelfEvalCheck & MarkOutcome> {
  return markWorkbook(host, "selfEval", looksLikeSelfEval, checkSelfEvalGrids);
}

/**
 * The indicator list as the accountant sees it: a percent typed in Excel is stored as a number with a percent
 * format (96.73% is 0.9673), and the scoring rules read targets and actuals from their text ("≥95%", "96.73%"),
 * so a number shown as a percent is taken as its displayed text. The number formats go with the grid as well.
 */
function indicatorGrid(sheet: string, origin: ReturnType<typeof parseRange>, used: Excel.Range): Grid {
  const formats = used.numberFormat as (string | null)[][];
  const values = (used.values as CellValue[][]).map((row, r) =>
    row.map((v, c) => (typeof v === "number" && /%/.test(formats[r]?.[c] ?? "") ? (used.text[r]?.[c] ?? v) : v)),
  );
  return { sheet, origin: { row: origin.top, col: origin.left }, values, numberFormats: formats };
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\) and that the workbook does not have yet. */
function sheetName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "自评表";
  let name = clean;
  for (let i = 2; taken.includes(name); i++) name = `${clean.slice(0, 28 - String(i).length)}(${i})`;
  return name;
}

export interface BuiltSheet {
  sheet: string;
  project: string;
  rows: number;
  /** Rows left for a person to score, with the reason. */
  attention: { address: string; note: string }[];
}

/** 生成自评表: read the active sheet's indicator list, write the standard layout on a new sheet. */
export async function buildSelfEvalSheet(host: ExcelHost, layoutKind: LayoutKind = "national"): Promise<BuiltSheet> {
  const built = await host.run(async (context) => {
    // Only the active sheet is read (and the sheet names, for a new name that is free): one sync.
    const sheets = context.workbook.worksheets.load("items/name");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    const used = active.getUsedRangeOrNullObject(true).load("address,values,numberFormat,text");
    await context.sync();
    const origin = used.isNullObject ? null : parseRange(used.address);
    const grid: Grid | null = origin ? indicatorGrid(active.name, origin, used) : null;
    const list = grid ? readIndicatorRows(grid) : null;
    if (!list || !list.rows.length) {
      throw new Error("当前工作表中没有指标清单：需要“一级指标、二级指标、三级指标、年初目标值、实际完成值、分值”这些列（评分标准、计分方法可选）");
    }
    const layout = selfEvalLayout(list.project, list.rows, { layout: layoutKind });
    const name = sheetName(`自评表-${list.project}`, sheets.items.map((ws) => ws.name));
    // Intent first: the undo entry is saved before the sheet exists; A1 and B2 are how undo knows the sheet.
    const title = String(layout.cells.find((c) => c.address === "A1")?.value ?? "");
    const id = newUndoId();
    await pushUndo(host, { id, kind: "sheet", state: "pending", sheet: name, title, project: list.project });
    const ws = context.workbook.worksheets.add(name);
    ws.load("id");
    // The whole block in one 2-D write. Excel reads a string written to a cell as if it was typed ("100%" becomes
    // the number 1), so every text cell is first given the text format "@", which keeps it as written; formulas
    // and numbers keep the General format. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
    const block: (string | number | boolean)[][] = Array.from({ length: layout.rowCount }, () => Array(layout.width).fill(""));
    const formats: string[][] = Array.from({ length: layout.rowCount }, () => Array(layout.width).fill("General"));
    for (const c of layout.cells) {
      const { row, col } = parseA1(c.address);
      block[row][col] = c.formula ?? (c.value === null || c.value === undefined ? "" : c.value);
      if (!c.formula && typeof c.value === "string") formats[row][col] = "@";
    }
    const whole = ws.getRange(`A1:${layout.lastColumn}${layout.rowCount}`);
    whole.numberFormat = formats;
    whole.formulas = block;
    for (const m of layout.merges) ws.getRange(m).merge();
    for (const f of layout.formats) ws.getRange(f.address).numberFormat = [[f.format]];
    for (const r of layout.boldRows) ws.getRange(`A${r}:${layout.lastColumn}${r}`).format.font.bold = true;
    for (const a of layout.attention) ws.getRange(a.address).format.fill.color = "#FFEB9C";
    ws.activate();
    await context.sync();
    return { id, sheetId: ws.id, built: { sheet: name, project: list.project, rows: list.rows.length, attention: layout.attention } };
  });
  await updateUndo(host, built.id, { state: "done", sheetId: built.sheetId });
  return built.built;
}
