// 情况说明 and 图表 through the adapter on the fake host: the sheet written, the input sheet created, a pasted
// text checked with findings pointing at their rows, and the four charts recorded on the 图表 sheet.
import { checkNarrativeInExcel, writeNarrativeSheet } from "../../src/excel/narrative";
import { writeChartSheet } from "../../src/excel/charts";
import { openWorkbook } from "../fakeHost/adapterHost";
import { chartsOf } from "../fakeHost/charts";
import { FakeSheet, FakeWorkbook } from "../fakeHost/state";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";
import { seedText } from "./support";

async function wuhan(): Promise<FakeWorkbook> {
  return FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
}

function addSheet(state: FakeWorkbook, name: string): FakeSheet {
  const sheet = new FakeSheet(name);
  state.sheets.push(sheet);
  return sheet;
}

describe("生成 情况说明", () => {
  it("writes one paragraph a row on a new sheet, placeholders filled, and creates the 说明数据 sheet", async () => {
    const state = await wuhan();
    const written = await writeNarrativeSheet(openWorkbook(state));
    expect(written.sheet).toBe("情况说明");
    expect(state.activeSheet).toBe("情况说明");
    // Sheets, their top rows, one chunk of the table sheets (src/excel/readWorkbook.ts), then the write.
    expect(state.syncCount).toBe(4);
    const ws = state.sheet("情况说明")!;
    expect(ws.peek("A1")?.value).toBe("一、收入支出决算总体情况说明");
    expect(ws.peek("A1")?.bold).toBe(true);
    expect(ws.peek("A2")?.value).toMatch(/^2020年度收、支总计23,327\.91万元。与2019年度相比，收、支总计各【待填写：/);
    expect(ws.peek("A2")?.fill?.color).toBe("#FFF2CC");
    expect(ws.peek("A4")?.value).toBe("2020年度收入合计23,286.92万元。其中：财政拨款收入23,286.92万元，占本年收入100.0%。");
    expect(ws.peek("A4")?.fill).toBeUndefined();
    expect(written.placeholderCells).toContain("A2");
    expect(written.placeholderCells).not.toContain("A4");
    expect(written.text.split("\n")).toHaveLength(written.paragraphs);
    expect(written.inputSheetCreated).toBe(true);
    expect(state.sheet("说明数据")?.peek("A2")?.value).toBe("上年收、支总计（万元）");
  });

  it("takes the figures a person typed into 说明数据 the next time, and never overwrites a sheet", async () => {
    const state = await wuhan();
    const host = openWorkbook(state);
    await writeNarrativeSheet(host);
    state.sheet("说明数据")!.cell("B2").value = 16861.51;
    const again = await writeNarrativeSheet(host);
    expect(again.sheet).toBe("情况说明(2)");
    expect(again.inputSheetCreated).toBe(false);
    expect(state.sheet("情况说明(2)")?.peek("A2")?.value).toMatch(/收、支总计各增加6,466\.40万元，增长38\.4%/);
  });
});

describe("校对 a pasted text", () => {
  it("checks the active sheet's rows against the tables and points each finding at its row", async () => {
    const state = await wuhan();
    const lines = seedText().split("\n");
    const sheet = addSheet(state, "说明稿");
    lines.forEach((line, i) => (sheet.cell(`A${i + 1}`).value = line || null));
    state.activeSheet = "说明稿";
    const checked = await checkNarrativeInExcel(openWorkbook(state));
    const errors = checked.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.figure])).toEqual([["分项合计", "325家"]]);
    const row = lines.findIndex((l) => l.includes("合计325家")) + 1;
    expect(errors[0].address).toBe(`A${row}`);
    expect(errors[0].sheet).toBe("说明稿");
    expect(checked.figures.table).toBeGreaterThanOrEqual(35);
  });

  it("checks the selected range when more than one cell is selected", async () => {
    const state = await wuhan();
    const sheet = addSheet(state, "说明稿");
    sheet.cell("C5").value = "2020年度收入合计 23,286.29万元。";
    sheet.cell("C6").value = "其中: 财政拨款收入 23,286.92万元, 占本年收入 100.0%。";
    sheet.cell("A1").value = "不在所选区域中：2020年度支出合计 1.00 万元。";
    state.activeSheet = "说明稿";
    state.selection = { sheet: "说明稿", address: "C5:C6" };
    const checked = await checkNarrativeInExcel(openWorkbook(state));
    expect(checked.findings.map((f) => [f.rule, f.address, f.comparedWith])).toEqual([["表数", "C5", "表1!C32"]]);
  });
});

describe("图表", () => {
  it("adds the four charts on a 图表 sheet, their data as formulas to the tables' cells", async () => {
    const state = await wuhan();
    const written = await writeChartSheet(openWorkbook(state));
    expect(written.skipped).toEqual([]);
    const charts = chartsOf(state, "图表");
    expect(charts.map((c) => [c.name, c.type, c.title])).toEqual([
      ["income", "Pie", "收入决算结构"],
      ["expense", "Pie", "支出决算结构"],
      ["classes", "ColumnClustered", "一般公共预算财政拨款支出（按类）"],
      ["sanGong", "ColumnClustered", "“三公”经费预算数与决算数"],
    ]);
    expect(charts.every((c) => c.seriesBy === "Columns" && c.position !== null)).toBe(true);
    expect(charts[0].showPercentage).toBe(true);
    const ws = state.sheet("图表")!;
    // The 支出结构 block: 基本支出 and 项目支出 from 表3's 合计 row.
    expect(charts[1].source).toBe("图表!A22:B24");
    expect(ws.peek("A23")?.value).toBe("基本支出");
    expect(ws.peek("B23")?.formula).toBe("=表3!D6");
    expect(state.sheet("表3")?.peek("D6")?.value).toBe(4922.56);
    // 三公: 预算数 and 决算数 side by side, four items.
    expect(charts[3].source).toBe("图表!A62:C66");
    expect(ws.peek("C66")?.formula).toBe("=表7!L7");
  });

  it("draws the 图表 sheet again rather than adding a second one", async () => {
    const state = await wuhan();
    const host = openWorkbook(state);
    await writeChartSheet(host);
    await writeChartSheet(host);
    expect(state.sheets.filter((s) => s.name === "图表")).toHaveLength(1);
    expect(chartsOf(state)).toHaveLength(4);
  });
});
