// Recognise 表1–表9 on the sheets of a workbook: by title, whatever the sheet is called, wherever the table sits.
import { TABLE_IDS, type TableId } from "../findings";
import type { Grid } from "../grid";
import type { SheetRecognition, Table, Workbook } from "../model";
import { readCodeTable } from "./codeTable";
import { readEconTable } from "./econ";
import { readSanGongTable } from "./sangong";
import { Diagnostics, SheetView } from "./sheetView";
import { readSummaryTable } from "./summary";
import { TITLE_RULES, findTitle, titleName } from "./titles";

/** The rules that cannot run without a table, for the message when it is missing. */
const RULES_NEEDING: Record<TableId, string> = {
  表1: "X1–X4、X10",
  表2: "X1、X2",
  表3: "X3、X8",
  表4: "X4–X6、X10、X11",
  表5: "X5、X7、X8",
  表6: "X7、X9",
  表7: "X9",
  表8: "X6、X11",
  表9: "X6、X11",
};

function readTable(view: SheetView, id: TableId, titleRow: number, diag: Diagnostics): Omit<Table, "title" | "titleAddress"> | string {
  switch (id) {
    case "表1":
    case "表4":
      return readSummaryTable(view, id, titleRow, diag);
    case "表6":
      return readEconTable(view, titleRow, diag);
    case "表7":
      return readSanGongTable(view, titleRow, diag);
    default:
      return readCodeTable(view, id, titleRow, diag);
  }
}

export function recognizeWorkbook(grids: readonly Grid[]): Workbook {
  const tables: Workbook["tables"] = {};
  const sheets: SheetRecognition[] = [];
  const diagnostics = [];

  for (const grid of grids) {
    const view = new SheetView(grid);
    const hit = findTitle(view);
    if (!hit) {
      sheets.push({ sheet: grid.sheet, table: null, reason: "未找到表1–表9的标题" });
      continue;
    }
    const id = hit.rule.id;
    const diag = new Diagnostics(id, grid.sheet);
    const existing = tables[id];
    if (existing) {
      const reason = `与工作表「${existing.sheet}」同为${id}，只校验第一张`;
      sheets.push({ sheet: grid.sheet, table: null, candidate: id, reason });
      diag.add("REC", "warning", `工作表「${grid.sheet}」${reason}`);
      diagnostics.push(...diag.findings);
      continue;
    }
    const read = readTable(view, id, hit.row, diag);
    if (typeof read === "string") {
      const reason = `标题像${id} ${hit.rule.name}，但${read}`;
      sheets.push({ sheet: grid.sheet, table: null, candidate: id, reason });
      diag.add("REC", "warning", `工作表「${grid.sheet}」${reason}，未能校验`, hit.row >= 0 ? [view.address(hit.row, hit.col)] : []);
    } else {
      const titleAddress = hit.row >= 0 ? view.address(hit.row, hit.col) : "";
      tables[id] = { ...read, title: hit.text, titleAddress } as Table;
      const reason = hit.bySheetName ? "未找到标题，按工作表名识别" : undefined;
      sheets.push({ sheet: grid.sheet, table: id, reason });
      if (reason) diag.add("REC", "info", `工作表「${grid.sheet}」${reason}为${id}`);
    }
    diagnostics.push(...diag.findings);
  }

  const missing: Diagnostics[] = [];
  for (const id of TABLE_IDS) {
    if (tables[id]) continue;
    const pattern = TITLE_RULES.find((t) => t.id === id)?.name ?? id;
    const workbookDiag = new Diagnostics(id, "");
    missing.push(workbookDiag);
    workbookDiag.add(
      "MISSING",
      "warning",
      `未找到${id} ${titleName(id)}（查找标题含“${pattern}”的工作表），${RULES_NEEDING[id]} 中与其相关的校验未执行`,
    );
  }
  // Missing tables first, then what each sheet said.
  return { tables, sheets, diagnostics: [...missing.flatMap((d) => d.findings), ...diagnostics] };
}
