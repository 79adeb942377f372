// The fake host is as strict as Excel where the add-in can trip: each behaviour below is one Excel has (the
// source is cited where the fake implements it, test/fakeHost/*.ts).
import { checkInExcel, clearMarks } from "../../src/excel/check";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { selectCells } from "../../src/excel/navigate";
import { openWorkbook } from "../fakeHost/adapterHost";
import { createFakeHost } from "../fakeHost/office";
import { FakeContext } from "../fakeHost/proxies";
import { FakeSheet, FakeWorkbook } from "../fakeHost/state";
import { userEdit } from "../fakeHost/userEdit";
import { evaluate } from "../support/evaluate";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

function oneSheet(): FakeWorkbook {
  const state = new FakeWorkbook();
  state.addSheet(new FakeSheet("Sheet1"));
  state.activeSheet = "Sheet1";
  return state;
}

describe("writes are read as typed", () => {
  it.each([
    ["95%", 0.95, "0%"],
    ["96.73%", 0.9673, "0.00%"],
    ["1,234.5", 1234.5, "#,##0.00"],
    ["2024-01-31", 45322, "yyyy/m/d"],
    ["'100%", "100%", undefined],
    ["≥95%", "≥95%", undefined],
    ["TRUE", true, undefined],
  ])("%s is stored as %p", async (typed, stored, format) => {
    const state = oneSheet();
    await userEdit(state, (c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[typed]]));
    expect(state.sheets[0].peek("A1")?.value).toBe(stored);
    expect(state.sheets[0].peek("A1")?.numberFormat).toBe(format);
  });

  it("a leading =, + or - makes a formula, calculated by the engine; the text format keeps a string as written", async () => {
    const state = oneSheet();
    await userEdit(state, (c) => {
      const ws = c.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A2").values = [[2], [3]];
      ws.getRange("B1").formulas = [["=A1*A2"]];
      ws.getRange("B2").values = [["+A1+A2"]];
      ws.getRange("C1").numberFormat = [["@"]];
      ws.getRange("C1").values = [["=A1"]];
    });
    const s = state.sheets[0];
    expect(s.peek("B2")?.formula).toBe("=+A1+A2");
    expect(evaluate(s, "B1")?.toString()).toBe("6");
    expect(evaluate(s, "B2")?.toString()).toBe("5");
    expect(s.peek("C1")).toMatchObject({ value: "=A1", numberFormat: "@" });
    const context = new FakeContext(state);
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").load("values,text,numberFormat");
    await context.sync();
    expect(range.values).toEqual([[2, 6, "=A1"]]);
    expect(range.text).toEqual([["2", "6", "=A1"]]);
  });

  it("inserting a row moves the formulas that point below it", async () => {
    const state = oneSheet();
    await userEdit(state, (c) => {
      const ws = c.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [[1], [2], [3]];
      ws.getRange("A4").formulas = [["=SUM(A1:A3)"]];
    });
    await userEdit(state, (c) => c.workbook.worksheets.getItem("Sheet1").getRange("A2").getEntireRow().insert("Down"));
    expect(state.sheets[0].peek("A5")?.formula).toBe("=SUM(A1:A4)");
    expect(evaluate(state.sheets[0], "A5")?.toString()).toBe("6");
  });
});

describe("limits and rules", () => {
  it("refuses a request over 5 MB, and measures each sync", async () => {
    const state = oneSheet();
    const big = Array.from({ length: 100000 }, (_, i) => [`第${i}行的一段较长的文字，用来把请求撑大`]);
    await expect(userEdit(state, (c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1:A100000").values = big))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(state.sheets[0].peek("A1")).toBeUndefined();
    expect(state.syncs.at(-1)!.request).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("finds sheets by name regardless of case, or by id, and keeps Excel's sheet-name rules", async () => {
    const state = oneSheet();
    await userEdit(state, (c) => (c.workbook.worksheets.getItem("SHEET1").getRange("A1").values = [[1]]));
    expect(state.sheets[0].peek("A1")?.value).toBe(1);
    await userEdit(state, (c) => (c.workbook.worksheets.getItem(state.sheets[0].id).getRange("A2").values = [[2]]));
    expect(state.sheets[0].peek("A2")?.value).toBe(2);
    await expect(userEdit(state, (c) => c.workbook.worksheets.add("sheet1"))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(userEdit(state, (c) => c.workbook.worksheets.add("a/b"))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(userEdit(state, (c) => c.workbook.worksheets.add("x".repeat(32)))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a hidden sheet cannot be activated; a protected sheet refuses writes", async () => {
    const state = oneSheet();
    const hidden = state.addSheet(new FakeSheet("隐藏"));
    hidden.visibility = "Hidden";
    await expect(selectCells(openWorkbook(state), "隐藏", ["A1"])).rejects.toThrow(/已隐藏：请先在 Excel 中取消隐藏/);
    await expect(userEdit(state, (c) => c.workbook.worksheets.getItem("隐藏").activate())).rejects.toMatchObject({ code: "InvalidOperation" });
    state.sheets[0].protected = true;
    await expect(userEdit(state, (c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]]))).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("the settings fail to save past their size limit", async () => {
    const state = oneSheet();
    const settings = createFakeHost(state).Office.context.document.settings;
    settings.set("big", "x".repeat(state.settingsLimit + 1));
    const status = await new Promise<string>((resolve) => settings.saveAsync((r) => resolve(r.status)));
    expect(status).toBe("failed");
    expect(state.savedSettings).toEqual({});
  });
});

describe("the adapter under those rules", () => {
  it("reads values with their number formats, so that 0.9673 is known as 96.73%", async () => {
    const state = oneSheet();
    await userEdit(state, (c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["完成率", "96.73%"]]));
    const read = await openWorkbook(state).run((context) => readWorkbook(context, { numberFormats: true }));
    expect(read.grids[0].values).toEqual([["完成率", 0.9673]]);
    expect(read.grids[0].numberFormats).toEqual([[null, "0.00%"]]);
  });

  it("校验 on a workbook with a protected sheet fails with Excel's code, and 清除标记 then restores every sheet", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const before = state.snapshot();
    state.sheet("表7")!.protected = true;
    const host = openWorkbook(state);
    await expect(checkInExcel(host)).rejects.toMatchObject({ code: "AccessDenied" });
    state.sheet("表7")!.protected = false;
    await clearMarks(host);
    expect(state.snapshot()).toEqual(before);
  });
});
