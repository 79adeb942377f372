// Recognise 表1–表9 on the sheets of a workbook: by title, whatever the sheet is called, wherever the table sits.
import { type Finding, TABLE_IDS, type TableId, finding } from "../findings";
import type { Grid } from "../grid";
import type { SheetRecognition, Table, Workbook } from "../model";
import { rulesNeeding } from "../rules/catalogue";
import { readCodeTable } from "./codeTable";
import { readEconTable } from "./econ";
import { readPreamble } from "./layout";
import { readSanGongTable } from "./sangong";
import type { TableRead } from "./read";
import { Diagnostics, type Landed, type Region, SheetView } from "./sheetView";
import { readSummaryTable } from "./summary";
import { TITLE_RULES, type TitleHit, findTitle, titleName } from "./titles";

type Common = Pick<Table, "title" | "titleAddress" | "completeness" | "preamble">;

type Recognized = { ok: true; table: Table } | { ok: false; reason: string };

/** Read the table the title names, then add what every table has: title, preamble and completeness. The
 *  reader's table is completed in place, not copied: a code table's rows and amounts are made when asked for. */
function readTable(view: SheetView, id: TableId, hit: TitleHit, diag: Diagnostics): Recognized {
  const r = readAs(view, id, hit.row, diag);
  if (!r.ok) return r;
  const common: Common = {
    title: hit.text,
    titleAddress: hit.row >= 0 ? view.address(hit.row, hit.col) : "",
    preamble: readPreamble(view, hit.bySheetName ? "" : hit.text, hit.row, r.region.top),
    completeness: completeness(view, id, r.region, r.landed, diag),
  };
  return { ok: true, table: Object.assign(r.table, common) };
}

function readAs(view: SheetView, id: TableId, titleRow: number, diag: Diagnostics): TableRead<Table> {
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

/** Every figure in the table's region lands in the model or is named: one finding per row for those that do
 *  not (unless a reading finding names them already), and an error when there are figures but none was read. */
function completeness(view: SheetView, id: TableId, region: Region, landed: Landed, diag: Diagnostics): Table["completeness"] {
  const read = landed.read;
  const unread = view.unreadFigures(region, landed);
  if (read === 0 && unread.length > 0) {
    diag.add("UNREAD", "error", `${id} 的区域内有 ${unread.length} 个金额，但一个也未能读取（未能读取）：${list(unread)}`, unread);
    return { read, unread };
  }
  if (!unread.length) return { read, unread };
  const named = new Set(diag.findings.flatMap((f) => f.cells));
  const byRow = new Map<string, string[]>();
  for (const address of unread) {
    if (named.has(address)) continue;
    const row = address.replace(/^[A-Z]+/, "");
    byRow.set(row, [...(byRow.get(row) ?? []), address]);
  }
  for (const [row, cells] of byRow) diag.add("UNREAD", "warning", `${id} 第${row}行 有 ${cells.length} 个金额未能归入任何栏目：${list(cells)}`, cells);
  return { read, unread };
}

const list = (cells: readonly string[]) => (cells.length > 8 ? `${cells.slice(0, 8).join(", ")}…` : cells.join(", "));

export function recognizeWorkbook(grids: readonly Grid[]): Workbook {
  const tables: Workbook["tables"] = {};
  const sheets: SheetRecognition[] = [];
  const diagnostics: Finding[] = [];

  for (const grid of grids) {
    const view = new SheetView(grid);
    const hit = findTitle(view);
    if (!hit) {
      sheets.push({ sheet: grid.sheet, table: null, reason: "未找到表1–表9的标题" });
      continue;
    }
    if ("extra" in hit) {
      sheets.push({ sheet: grid.sheet, table: null, reason: `未校验的表：“${hit.extra}”不属于表1–表9`, extra: hit.extra });
      // A 绩效自评表 is not one of the nine, but the 自评 checks (检查自评表, and the command line) do check it.
      const elsewhere = /绩效(自评|评价)/.test(hit.extra) ? "，决算校验不含此表，由自评检查另行校验" : "，列为未校验的表";
      diagnostics.push(finding({ rule: "EXTRA", table: null, sheet: grid.sheet }, "info", [], `工作表「${grid.sheet}」是“${hit.extra}”，不属于表1–表9${elsewhere}`));
      continue;
    }
    const id = hit.rule.id;
    const diag = new Diagnostics(id, grid.sheet);
    const existing = tables[id];
    if (existing) {
      const reason = `与工作表「${existing.sheet}」同为${id}，只校验第一张`;
      sheets.push({ sheet: grid.sheet, table: null, candidate: id, reason });
      diag.add("REC", "warning", `工作表「${grid.sheet}」${reason}`, hit.row >= 0 ? [view.address(hit.row, hit.col)] : []);
      diagnostics.push(...diag.findings);
      continue;
    }
    const read = readTable(view, id, hit, diag);
    if (!read.ok) {
      const reason = `标题像${id} ${hit.rule.name}，但${read.reason}`;
      sheets.push({ sheet: grid.sheet, table: null, candidate: id, reason });
      diag.add("REC", "warning", `工作表「${grid.sheet}」${reason}，未能校验`, hit.row >= 0 ? [view.address(hit.row, hit.col)] : []);
    } else {
      tables[id] = read.table;
      const reason = hit.bySheetName ? "未找到标题，按工作表名识别" : undefined;
      sheets.push({ sheet: grid.sheet, table: id, reason });
      if (reason) diag.add("REC", "info", `工作表「${grid.sheet}」${reason}为${id}`);
    }
    diagnostics.push(...diag.findings);
  }
  // Missing tables first, then what each sheet said.
  return { tables, sheets, diagnostics: [...missingTables(tables, sheets), ...diagnostics] };
}

/** One warning per table not found; one error when none of the nine was, saying what was looked for where. */
function missingTables(tables: Workbook["tables"], sheets: readonly SheetRecognition[]): Finding[] {
  if (!Object.keys(tables).length) {
    const where = sheets.length ? sheets.map((s) => `工作表「${s.sheet}」：${s.reason ?? "未识别"}`).join("；") : "工作簿中没有工作表";
    const titles = TITLE_RULES.map((t) => `${t.id} ${t.name}`).join("、");
    return [finding({ rule: "MISSING", table: null, sheet: "" }, "error", [], `未找到表1–表9中的任何一张，没有进行任何校验（在每张工作表的前12行查找标题：${titles}）。${where}`)];
  }
  return TABLE_IDS.filter((id) => !tables[id]).map((id) =>
    finding({ rule: "MISSING", table: id, sheet: "" }, "warning", [], `未找到${id} ${titleName(id)}（在每张工作表的前12行查找其标题），${rulesNeeding(id)} 中与其相关的校验未执行`),
  );
}
