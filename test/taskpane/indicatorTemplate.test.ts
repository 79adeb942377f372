// 插入指标清单模板 on the fake host: its undo entry is recorded before the sheet exists, 撤销 deletes it, and
// refuses once the template's header was changed; a second 撤销 after the sheet is gone touches nothing.
import { insertIndicatorTemplate } from "../../src/excel/indicatorTemplate";
import { UndoRefused, lastUndo, undoLast } from "../../src/excel/undo";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

describe("插入指标清单模板", () => {
  it("is undone by 撤销 (the sheet deleted), and the entry says done with the sheet's id", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = openWorkbook(state);
    const sheets = state.sheets.map((s) => s.name);
    const name = await insertIndicatorTemplate(host);
    expect(name).toBe("指标清单模板");
    expect(state.sheet(name)?.peek("D5")?.value).toBe("≥95%");
    const entry = lastUndo(host);
    expect(entry).toMatchObject({ kind: "sheet", state: "done", sheet: name, sheetId: state.sheet(name)?.id });
    expect(await undoLast(host)).toMatchObject({ kind: "sheet" });
    expect(state.sheets.map((s) => s.name)).toEqual(sheets);
    expect(await undoLast(host)).toBeNull();
  });

  it("refuses to delete a template whose header was changed", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = openWorkbook(state);
    const name = await insertIndicatorTemplate(host);
    state.sheet(name)!.cell("B2").value = "我的指标";
    await expect(undoLast(host)).rejects.toThrow(UndoRefused);
    expect(state.sheet(name)).toBeDefined();
  });

  it("after a failed sync, 撤销 leaves the workbook as it was", async () => {
    for (const mode of ["before", "half", "replyLost"] as const) {
      const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
      const host = openWorkbook(state);
      const sheets = state.sheets.map((s) => s.name);
      state.fault = { at: 2, mode };
      await expect(insertIndicatorTemplate(host)).rejects.toThrow();
      state.fault = null;
      await undoLast(host);
      expect([mode, state.sheets.map((s) => s.name)]).toEqual([mode, sheets]);
    }
  });
});
