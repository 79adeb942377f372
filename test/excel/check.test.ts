// 校验 through the real adapter on the strict fake host, loaded with the Wuhan sample.
import { checkInExcel, clearMarks } from "../../src/excel/check";
import { selectCells } from "../../src/excel/navigate";
import { parseAreas } from "../../src/excel/readWorkbook";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeContext } from "../fakeHost/proxies";
import { FakeWorkbook } from "../fakeHost/state";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

async function wuhan(): Promise<FakeWorkbook> {
  const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
  // Some of the user's own formatting and notes on cells that 校验 will mark.
  state.sheet("表1")!.cell("F32").fill = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
  state.sheet("表1")!.notes.set("F24", "会计：此数待核");
  state.sheet("表7")!.cell("C7").fill = { color: "#00B050", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0.4, patternTintAndShade: -0.2 };
  return state;
}

describe("the fake host is strict", () => {
  it("throws on a property that was not loaded and synced, and applies writes only at sync", async () => {
    const state = await wuhan();
    const context = new FakeContext(state);
    const sheets = context.workbook.worksheets.load("items/name");
    expect(() => sheets.items).toThrow(/not available/);
    const range = context.workbook.worksheets.getItem("表1").getRange("F24");
    range.values = [[1]];
    expect(state.sheet("表1")!.peek("F24")?.value).toBe(610.4);
    expect(() => range.values).toThrow(/call the load method/);
    await context.sync();
    expect(state.sheet("表1")!.peek("F24")?.value).toBe(1);
    expect(sheets.items.map((s) => s.name)).toHaveLength(9);
    expect(state.syncCount).toBe(1);
  });
});

describe("校验 in Excel", () => {
  it("takes five syncs (sheets, top rows, one chunk, the cells to mark, the marks), marks the right cells, and changes no value or formula", async () => {
    const state = await wuhan();
    const before = state.contentSnapshot();
    const outcome = await checkInExcel(openWorkbook(state));
    expect(state.syncCount).toBe(5);
    expect(outcome.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cells}`)).toEqual(["表1!F32", "表1!F24", "表7!C7"]);
    expect(state.contentSnapshot()).toEqual(before);

    const t1 = state.sheet("表1")!;
    expect(t1.peek("F32")?.fill?.color).toBe("#FFC7CE");
    expect(t1.notes.get("F32")).toMatch(/^【决算助手·错误 T1-57】[\s\S]*应为：23327\.87\n实为：23327\.91\n差额：0\.04$/);
    // The user's note stays, the finding is added under it.
    expect(t1.notes.get("F24")).toMatch(/^会计：此数待核\n\n【决算助手·错误 X3】/);
    expect(state.sheet("表4")!.peek("A41")?.fill?.color).toBe("#DDEBF7");
    expect(outcome.marked).toBe(4);
  });

  it("清除标记 restores every fill and note exactly, also after the workbook was closed and reopened", async () => {
    const state = await wuhan();
    const before = state.snapshot();
    await checkInExcel(openWorkbook(state));
    expect(state.snapshot()).not.toEqual(before);
    // A new session: only what was saved with the workbook is known.
    const restored = await clearMarks(openWorkbook(state));
    expect(restored).toBe(4);
    expect(state.snapshot()).toEqual(before);
    expect(state.savedSettings).toEqual({});
  });

  it("checking again replaces the old marks instead of stacking them", async () => {
    const state = await wuhan();
    const before = state.snapshot();
    const host = openWorkbook(state);
    await checkInExcel(host);
    const once = state.snapshot();
    await checkInExcel(host);
    expect(state.snapshot()).toEqual(once);
    await clearMarks(host);
    expect(state.snapshot()).toEqual(before);
  });

  it("a fixed cell loses its mark on the next 校验", async () => {
    const state = await wuhan();
    const host = openWorkbook(state);
    await checkInExcel(host);
    state.sheet("表7")!.cell("E7").value = 30.5;
    const outcome = await checkInExcel(host);
    expect(outcome.findings.some((f) => f.sheet === "表7")).toBe(false);
    expect(state.sheet("表7")!.peek("C7")?.fill).toEqual({ color: "#00B050", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0.4, patternTintAndShade: -0.2 });
  });

  it("without the notes API it marks fills only, and still restores them", async () => {
    const state = await wuhan();
    state.excelApi = "1.17";
    const before = state.snapshot();
    await checkInExcel(openWorkbook(state));
    expect(state.sheet("表1")!.peek("F32")?.fill?.color).toBe("#FFC7CE");
    expect(state.sheet("表1")!.notes.has("F32")).toBe(false);
    await clearMarks(openWorkbook(state));
    expect(state.snapshot()).toEqual(before);
  });

  it("clicking a finding activates its sheet and selects its cell", async () => {
    const state = await wuhan();
    await selectCells(openWorkbook(state), "表1", ["F24"]);
    expect(state.selection).toEqual({ sheet: "表1", address: "F24" });
    expect(state.activeSheet).toBe("表1");
  });

  it("reads merged areas and used ranges that do not start at A1", () => {
    expect(parseAreas("表1!A1:F1,'My ''x'' sheet'!$B$2:$C$3")).toEqual([
      { sheet: "表1", rect: { top: 0, left: 0, bottom: 0, right: 5 } },
      { sheet: "My 'x' sheet", rect: { top: 1, left: 1, bottom: 2, right: 2 } },
    ]);
  });
});
