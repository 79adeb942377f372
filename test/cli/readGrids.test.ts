// The two ways the command line reads a workbook into grids — ExcelJS's streaming reader (checking) and the
// whole workbook (the annotated copy, odd part names) — give the same grids; grids are sparse; number formats
// other than General are kept.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadWhole, readWorkbook } from "../../src/cli/openWorkbook";
import { visibleFirst, workbookToSheetGrids } from "../../src/cli/xlsxGrids";
import { inspectZip } from "../../src/cli/zipInspect";
import { cellAt } from "../../src/core/grid";
import { SHANGHAI_XLSX, WUHAN_XLSX, tempDir } from "../support/workbooks";

describe("reading a workbook into grids", () => {
  async function bothWays(path: string) {
    const { facts, sheets } = await inspectZip(readFileSync(path));
    return { direct: visibleFirst(sheets), whole: workbookToSheetGrids(await loadWhole(path, facts), facts) };
  }

  it.each([WUHAN_XLSX, SHANGHAI_XLSX, join(__dirname, "..", "..", "samples", "wuhan-2020-self-eval.xlsx")])("reads the XML into the same grids as ExcelJS's whole load: %s", async (path) => {
    const { direct, whole } = await bothWays(path);
    expect(direct.map((s) => s.grid.sheet)).toEqual(whole.map((s) => s.grid.sheet));
    expect(direct).toEqual(whole);
    expect(direct.some((s) => (s.grid.merges ?? []).length > 0)).toBe(true);
  });

  it("reads every kind of cell as ExcelJS does", async () => {
    const path = join(tempDir(), "kinds.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("种类 & <符号>");
    ws.getCell("A1").value = "文本 & <尖括号> \"引号\"";
    ws.getCell("B1").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
    ws.getCell("C1").value = true;
    ws.getCell("D1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("E1").value = new Date(Date.UTC(2020, 11, 31));
    ws.getCell("F1").value = 0.9673;
    ws.getCell("F1").numFmt = "0.00%";
    ws.getCell("G1").value = -1234.5;
    ws.getCell("G1").numFmt = '#,##0.00;[Red]\\-#,##0.00';
    ws.getCell("A2").value = { formula: "SUM(F1,G1)", result: -1233.5327 } as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { formula: "A1&\"x\"", result: "文本x" } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("D2").value = { formula: "TRUE()", result: true } as ExcelJS.CellFormulaValue;
    ws.getCell("E2").value = { formula: "F1*2" } as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = 1;
    ws.getCell("A4").value = { sharedFormula: "A2", result: 2 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B5").value = "合并";
    ws.mergeCells("B5:D6");
    ws.getCell("X100").value = "远处";
    wb.addWorksheet("隐藏", { state: "hidden" }).getCell("B2").value = 5;
    await wb.xlsx.writeFile(path);
    const { direct, whole } = await bothWays(path);
    expect(direct).toEqual(whole);
    const g = direct[0].grid;
    expect(g.values[0]).toEqual(["文本 & <尖括号> \"引号\"", "富文本", true, "#DIV/0!", "2020-12-31", 0.9673, -1234.5]);
    expect(direct[0].uncalculated).toEqual(["E2"]);
    expect(direct.map((s) => s.hidden)).toEqual([false, true]);
  });

  it("builds a grid from the cells that exist: one value at XFD1048576 is a 1×1 grid at that origin", async () => {
    const path = join(tempDir(), "far.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("XFD1048576").value = 7;
    ws.mergeCells("XFA1048570:XFB1048571");
    await wb.xlsx.writeFile(path);
    const read = await readWorkbook(path);
    if (!read.ok) throw new Error(read.reason);
    const grid = read.sheets[0].grid;
    expect(grid.origin).toEqual({ row: 1048575, col: 16383 });
    expect(grid.values).toEqual([[7]]);
  });

  it("keeps number formats other than General, so 0.9673 shown as 96.73% is known as a percentage", async () => {
    const path = join(tempDir(), "fmt.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "完成率";
    ws.getCell("B1").value = 0.9673;
    ws.getCell("B1").numFmt = "0.00%";
    ws.getCell("C1").value = 12;
    await wb.xlsx.writeFile(path);
    const read = await readWorkbook(path);
    if (!read.ok) throw new Error(read.reason);
    const grid = read.sheets[0].grid;
    expect(cellAt(grid, 0, 1)).toBe(0.9673);
    expect(grid.numberFormats).toEqual([[null, "0.00%"]]);
  });

  it("puts visible sheets before hidden ones and says which are hidden", async () => {
    const path = join(tempDir(), "hidden.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("旧", { state: "hidden" }).getCell("A1").value = "x";
    wb.addWorksheet("新").getCell("A1").value = "y";
    await wb.xlsx.writeFile(path);
    const read = await readWorkbook(path);
    if (!read.ok) throw new Error(read.reason);
    expect(read.sheets.map((s) => [s.grid.sheet, s.hidden])).toEqual([
      ["新", false],
      ["旧", true],
    ]);
  });
});
