// The two ways the command line reads a workbook into grids — ExcelJS's streaming reader (checking) and the
// whole workbook (the annotated copy, odd part names) — give the same grids; grids are sparse; number formats
// other than General are kept.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadWhole, readWorkbook } from "../../src/cli/openWorkbook";
import { streamSheetGrids, workbookToSheetGrids } from "../../src/cli/xlsxGrids";
import { inspectZip } from "../../src/cli/zipInspect";
import { cellAt } from "../../src/core/grid";
import { SHANGHAI_XLSX, WUHAN_XLSX, tempDir } from "../support/workbooks";

describe("reading a workbook into grids", () => {
  it.each([WUHAN_XLSX, SHANGHAI_XLSX])("streams the same grids as a whole load: %s", async (path) => {
    const facts = await inspectZip(readFileSync(path));
    expect(facts.streamable).toBe(true);
    const streamed = await streamSheetGrids(facts);
    const whole = workbookToSheetGrids(await loadWhole(path, facts), facts);
    expect(streamed.map((s) => s.grid.sheet)).toEqual(whole.map((s) => s.grid.sheet));
    expect(streamed).toEqual(whole);
    expect(streamed.some((s) => (s.grid.merges ?? []).length > 0)).toBe(true);
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
