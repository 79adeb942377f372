// 情况说明 in Excel: 生成 writes the text on a new sheet, one paragraph a row, placeholders filled yellow, and
// creates the 说明数据 input sheet for the figures the tables do not hold; 校对 checks a pasted text (the
// selected range, or the active sheet) against the workbook's tables. Two syncs to read, one to write.
import { type Grid, a1, parseRange } from "../core/grid";
import type { CellValue } from "../core/money";
import {
  INPUT_SHEET,
  type NarrativeCheck,
  type NarrativeFinding,
  type TableFigures,
  checkNarrative,
  extractFigures,
  figureSummary,
  generateNarrative,
  inputTemplate,
  narrativeText,
  paragraphText,
  readInputs,
} from "../core/narrative";
import { validate } from "../core/validate";
import type { ExcelHost } from "./host";
import { readWorkbook } from "./readWorkbook";

export const NARRATIVE_SHEET = "情况说明";
const PLACEHOLDER_FILL = "#FFF2CC";

/** A sheet name not yet taken: 情况说明, 情况说明(2), … */
function freeName(base: string, taken: readonly string[]): string {
  const lower = taken.map((t) => t.toLowerCase());
  let name = base;
  for (let i = 2; lower.includes(name.toLowerCase()); i++) name = `${base}(${i})`;
  return name;
}

function figuresOf(grids: Grid[]): { figures: TableFigures; inputs: ReturnType<typeof readInputs> | null } {
  const figures = extractFigures(validate(grids), grids);
  const sheet = grids.find((g) => g.sheet === INPUT_SHEET);
  return { figures, inputs: sheet ? readInputs(sheet.values) : null };
}

export interface WrittenNarrative {
  sheet: string;
  paragraphs: number;
  /** Rows (A1 addresses on `sheet`) that hold a 【待填写】 or 【待核对】. */
  placeholderCells: string[];
  notes: string[];
  /** The 说明数据 sheet was created now (it did not exist): the person fills it and generates again. */
  inputSheetCreated: boolean;
  inputProblems: string[];
  /** The whole text, for 复制全文. */
  text: string;
}

/** 生成: the 情况说明 on a new sheet, from the tables and the 说明数据 sheet (created when missing). */
export async function writeNarrativeSheet(host: ExcelHost): Promise<WrittenNarrative> {
  return host.run(async (context) => {
    const { grids } = await readWorkbook(context);
    const { figures, inputs } = figuresOf(grids);
    if (!figures.facts.size) throw new Error("工作簿中没有识别出表1–表9，无法生成情况说明：请先用“校验”查看识别结果");
    const narrative = generateNarrative(figures, inputs?.inputs);
    const taken = grids.map((g) => g.sheet);

    const inputSheetCreated = !inputs;
    if (!inputs) {
      const rows = inputTemplate(figures);
      const ws = context.workbook.worksheets.add(INPUT_SHEET);
      ws.getRange(`A1:C${rows.length}`).values = rows;
      ws.getRange("A1:C1").format.font.bold = true;
      ws.getRange(`A1:C${rows.length}`).format.autofitColumns();
    }

    const name = freeName(NARRATIVE_SHEET, [...taken, INPUT_SHEET]);
    const ws = context.workbook.worksheets.add(name);
    const rows: CellValue[][] = narrative.paragraphs.map((p) => [paragraphText(p)]);
    ws.getRange(`A1:A${rows.length}`).values = rows;
    ws.getRange("A:A").format.columnWidth = 600;
    ws.getRange(`A1:A${rows.length}`).format.wrapText = true;
    const placeholderCells: string[] = [];
    narrative.paragraphs.forEach((p, i) => {
      const address = a1(i, 0);
      if (p.heading) ws.getRange(address).format.font.bold = true;
      if (p.parts.some((x) => x.kind === "placeholder")) {
        ws.getRange(address).format.fill.color = PLACEHOLDER_FILL;
        placeholderCells.push(address);
      }
    });
    ws.activate();
    await context.sync();
    return {
      sheet: name,
      paragraphs: rows.length,
      placeholderCells,
      notes: narrative.notes,
      inputSheetCreated,
      inputProblems: inputs?.problems ?? [],
      text: narrativeText(narrative),
    };
  });
}

export interface CheckedFinding extends NarrativeFinding {
  /** The sheet and cell of the paragraph the finding is in, for click-to-select. */
  sheet: string;
  address: string;
}

export interface CheckedNarrative {
  sheet: string;
  range: string;
  findings: CheckedFinding[];
  figures: { total: number; table: number; self: number; unchecked: number };
  check: NarrativeCheck;
}

/** 校对: the selected range (more than one cell), or else the active sheet's used range, as the written text. */
export async function checkNarrativeInExcel(host: ExcelHost): Promise<CheckedNarrative> {
  return host.run(async (context) => {
    const selection = context.workbook.getSelectedRange().load("address,values,rowCount,columnCount");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    const used = active.getUsedRangeOrNullObject(true).load("address,values");
    const { grids } = await readWorkbook(context);
    const many = selection.rowCount * selection.columnCount > 1;
    if (!many && used.isNullObject) throw new Error("当前工作表是空的：请把情况说明粘贴到一个工作表中（每段一行），或选中它所在的区域，再点“校对”");
    const source = many ? selection : used;
    const rect = parseRange(source.address);
    const sheet = active.name;
    const rows = source.values as CellValue[][];
    // A paragraph a row: the row's cells joined, so that a finding points at its row.
    const lines = rows.map((row) => row.map((v) => (v === null ? "" : String(v))).join(""));
    const firstFilled = rows.map((row) => Math.max(0, row.findIndex((v) => v !== null && v !== "")));
    const { figures, inputs } = figuresOf(grids);
    if (!figures.facts.size) throw new Error("工作簿中没有识别出表1–表9，无法校对：情况说明要与表中数字对照");
    const check = checkNarrative(lines, figures, inputs?.inputs);
    const s = figureSummary(check);
    return {
      sheet,
      range: source.address,
      findings: check.findings.map((f) => ({ ...f, sheet, address: a1(rect.top + f.line, rect.left + (firstFilled[f.line] ?? 0)) })),
      figures: { total: check.figures.length, table: s.table, self: s.self, unchecked: s.unchecked },
      check,
    };
  });
}
