// The defects of issue 9, each reproduced on the honest fake host: these tests fail on the adapter as it was
// (restore by stale address, texts through `formulas`, undo by row number, merged areas without a check).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal, formatAmount } from "../../src/core/money";
import { scoreRow } from "../../src/core/scoring/selfEval";
import { readIndicatorRows, selfEvalLayout } from "../../src/core/scoring/sheet";
import { a1, parseA1 } from "../../src/core/grid";
import { checkInExcel, clearMarks, clearMarksReport, resetMarkRecords } from "../../src/excel/check";
import { applyFill, previewFill } from "../../src/excel/fill";
import { insertMissingRows } from "../../src/excel/insertRows";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { buildSelfEvalSheet } from "../../src/excel/selfEval";
import { MAX_UNDO, lastUndo, undoLast } from "../../src/excel/undo";
import { openWorkbook } from "../fakeHost/adapterHost";
import { declaredOnly } from "../fakeHost/office";
import { FakeContext } from "../fakeHost/proxies";
import { FakeSheet, FakeWorkbook } from "../fakeHost/state";
import { userEdit } from "../fakeHost/userEdit";
import { evaluate, evaluateCell } from "../support/evaluate";
import { ROOT, WUHAN_XLSX, readGrids } from "../support/workbooks";

async function wuhan(): Promise<FakeWorkbook> {
  const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
  state.sheet("表7")!.cell("C7").fill = { color: "#00B050", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0.4, patternTintAndShade: -0.2 };
  state.sheet("表1")!.notes.set("F24", "会计：此数待核");
  return state;
}


const insertRowAbove = (sheet: string, row: number) => (c: FakeContext) => c.workbook.worksheets.getItem(sheet).getRange(`A${row}`).getEntireRow().insert("Down");

describe("defect 1: marks survive edits between checks", () => {
  it("校验 again and 清除标记 work after a sheet was renamed, a row inserted above a mark and a note deleted, and put back every fill and note", async () => {
    const state = await wuhan();
    // The same edits on a workbook the add-in never touched: what 清除标记 must give back.
    const untouched = await wuhan();
    const edits = async (s: FakeWorkbook) => {
      await userEdit(s, (c) => (c.workbook.worksheets.getItem("表1").name = "收支总表"));
      await userEdit(s, insertRowAbove("表7", 7));
    };
    const host = openWorkbook(state);
    await checkInExcel(host);
    await edits(state);
    await edits(untouched);
    // The user deletes the add-in's note on a marked cell (its own note, under F24's, stays).
    state.sheet("收支总表")!.notes.delete("F32");
    const again = await checkInExcel(openWorkbook(state));
    expect(again.findings.length).toBeGreaterThan(0);
    const report = await clearMarksReport(openWorkbook(state));
    expect(report.notRestored).toEqual([]);
    expect(state.snapshot()).toEqual(untouched.snapshot());
  });

  it("清除标记 after rows moved a marked cell puts its fill and note back where the cell is now", async () => {
    const state = await wuhan();
    const untouched = await wuhan();
    await checkInExcel(openWorkbook(state));
    await userEdit(state, insertRowAbove("表7", 3));
    await userEdit(untouched, insertRowAbove("表7", 3));
    expect(await clearMarks(openWorkbook(state))).toBeGreaterThan(0);
    expect(state.snapshot()).toEqual(untouched.snapshot());
  });

  it("without the notes API, a cell that moved into a marked address is not given the old fill; the moved mark is named", async () => {
    const state = await wuhan();
    state.excelApi = "1.17";
    await checkInExcel(openWorkbook(state));
    await userEdit(state, insertRowAbove("表7", 7));
    const report = await clearMarksReport(openWorkbook(state));
    // C7 is the user's new, empty row: it must not receive C7's old green pattern.
    expect(state.sheet("表7")!.peek("C7")?.fill).toBeUndefined();
    expect(report.notRestored.map((n) => `${n.sheet}!${n.address}`)).toContain("表7!C7");
  });

  it("a sheet deleted after 校验 does not block 清除标记, and 重置标记记录 forgets every record", async () => {
    const state = await wuhan();
    const host = openWorkbook(state);
    await checkInExcel(host);
    await userEdit(state, (c) => c.workbook.worksheets.getItem("表7").delete());
    const report = await clearMarksReport(host);
    expect(report.notRestored.some((n) => n.sheet === "表7" && /已删除/.test(n.reason))).toBe(true);
    await checkInExcel(host);
    const reset = await resetMarkRecords(host);
    expect(reset.restored).toBeGreaterThan(0);
    expect(Object.keys(state.savedSettings).filter((k) => k.startsWith("juesuan.marks"))).toEqual([]);
    expect([...state.sheets.flatMap((s) => [...s.notes.values()])].filter((n) => n.includes("【决算助手"))).toEqual([]);
  });
});

describe("defect 2: 生成自评表 writes texts as text", () => {
  it("on the indicator list typed into Excel (“100%” stored as the number 1), the formulas give the rules' 总分 and 等级", async () => {
    const grids = await readGrids(join(ROOT, "samples", "self-eval-indicators.xlsx"));
    const list = readIndicatorRows(grids[0])!;
    const ruleTotal = list.rows.map((r) => scoreRow({ ...r, score: null }).score).reduce<Decimal>((s, x) => s.plus(x ?? 0), new Decimal(0));
    // Type the list into a fresh workbook cell by cell, as a person would: Excel turns "100%" into 1 formatted 0%.
    const state = new FakeWorkbook();
    state.addSheet(new FakeSheet(grids[0].sheet));
    state.activeSheet = grids[0].sheet;
    await userEdit(state, (c) => {
      const ws = c.workbook.worksheets.getItem(grids[0].sheet);
      grids[0].values.forEach((row, r) => row.forEach((v, col) => v !== null && (ws.getCell(r, col).values = [[v]])));
    });
    const typed = state.sheets[0].cells;
    expect([...typed.values()].some((c) => c.numberFormat === "0%" && c.value === 1)).toBe(true);

    const built = await buildSelfEvalSheet(openWorkbook(state));
    const ws = state.sheet(built.sheet)!;
    // Where the layout puts the 总分, and the 等级 under it.
    const { totalCell } = selfEvalLayout(list.project, list.rows);
    const { row, col } = parseA1(totalCell);
    expect(formatAmount(evaluateCell(ws, totalCell).value)).toBe(formatAmount(ruleTotal));
    expect(evaluate(ws, a1(row + 1, col))).toBe("良");
    // The actual typed as 100% is on the new sheet as the accountant typed it, as text.
    expect([...ws.cells.values()].filter((c) => c.value === "100%").length).toBeGreaterThan(0);
  });
});

describe("defect 4: 撤销 checks before it acts", () => {
  it("refuses to undo 插入缺失的行 when the user inserted a row above it, and deletes nothing", async () => {
    const grids = (await readGrids(WUHAN_XLSX)).map((g) => (g.sheet === "表3" ? { ...g, values: g.values.filter((r) => r[0] !== "21011") } : g));
    const state = FakeWorkbook.fromGrids(grids);
    const host = openWorkbook(state);
    const plan = await previewFill(host, { mode: "formula", tables: ["表3"] });
    const at = plan.missing[0].insertAt;
    await insertMissingRows(host, plan.missing);
    await userEdit(state, (c) => {
      const ws = c.workbook.worksheets.getItem("表3");
      ws.getRange(`A${at + 1}`).getEntireRow().insert("Down");
      ws.getRange(`B${at + 1}`).values = [["用户自己的行"]];
    });
    const before = state.snapshot();
    await expect(undoLast(host)).rejects.toThrow(/未撤销：插入在「表3」第 \d+ 行的“21011 行政事业单位医疗”已不在原处/);
    expect(state.snapshot()).toEqual(before);
    expect(lastUndo(host)?.kind).toBe("insert");
  });

  it("keeps at most MAX_UNDO steps", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = openWorkbook(state);
    const plan = await previewFill(host, { mode: "value" });
    for (let i = 0; i < MAX_UNDO + 3; i++) await applyFill(host, plan);
    expect((state.savedSettings["juesuan.undo"] as unknown[]).length).toBe(MAX_UNDO);
  });
});

describe("defect 5: requirement sets", () => {
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

  it("the manifest declares what the code needs without asking (ExcelApi 1.9, CustomFunctionsRuntime 1.3 for parameter addresses)", () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\s*\/>/);
    expect(manifest).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.3"\s*\/>/);
  });

  it("校验 runs on an Excel that has only the declared sets: no merged areas, no notes, and says so", async () => {
    const state = await wuhan();
    declaredOnly(state, manifest);
    const outcome = await checkInExcel(openWorkbook(state));
    expect(outcome.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cells}`)).toEqual(expect.arrayContaining(["表1!F32", "表1!F24", "表7!C7"]));
    // Read without merged areas: every table sheet is named, so the pane can say why a header may be misread.
    expect(outcome.mergesUnread).toEqual(expect.arrayContaining(["表1", "表5", "表6", "表7"]));
    expect(state.sheet("表1")!.peek("F32")?.fill?.color).toBe("#FFC7CE");
    expect(state.sheet("表1")!.notes.has("F32")).toBe(false);
  });

  it("reads a sheet with more than 512 merged areas, each merged area once, across chunks", async () => {
    const state = await wuhan();
    const extra = state.addSheet(new FakeSheet("附表"));
    for (let r = 0; r < 700; r++) {
      extra.cell(`A${r + 1}`).value = `行${r}`;
      extra.cell(`B${r + 1}`).value = r;
      extra.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    }
    const read = await openWorkbook(state).run((context) => readWorkbook(context, { merges: true }));
    expect(read.mergesUnread).toEqual([]);
    expect(read.grids.find((g) => g.sheet === "附表")?.merges).toHaveLength(700);
  });
});
