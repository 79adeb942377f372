// 生成校验报告 through the adapter on the fake host: a header saying when and how, amounts as numbers, a link
// per finding, and an existing report replaced only when asked.
import { REPORT_SHEET } from "../../src/core/reportRows";
import { checkInExcel } from "../../src/excel/check";
import { reportSheetExists, writeReportSheet } from "../../src/excel/reportSheet";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

describe("校验报告 in Excel", () => {
  it("writes a header, one row per finding with numbers for 应为/实为/差额 and a link to the cell", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = openWorkbook(state);
    const outcome = await checkInExcel(host);
    const at = new Date(2026, 10, 28, 14, 32);
    expect(await reportSheetExists(host)).toBe(false);
    const name = await writeReportSheet(host, outcome.findings, { at, strict: false, counts: "3 处错误，1 条提示", replace: false });
    expect(name).toBe(REPORT_SHEET);
    const report = state.sheet(REPORT_SHEET)!;
    expect(report.peek("A2")?.value).toBe("校验时间 2026-11-28 14:32 · 普通模式 · 3 处错误，1 条提示");
    expect(report.peek("A4")?.value).toBe("序号");
    // The first finding, 表1 row 57: 应为 23327.87, 实为 23327.91, 差额 0.04 — as numbers, formatted.
    expect(report.peek("I5")?.value).toMatch(/第57行/);
    expect([report.peek("F5")?.value, report.peek("G5")?.value, report.peek("H5")?.value]).toEqual([23327.87, 23327.91, 0.04]);
    expect(report.peek("H5")?.numberFormat).toBe("#,##0.00");
    expect(report.peek("A5")?.value).toBe(1);
    expect(report.peek("E5")?.hyperlink).toEqual({ documentReference: "表1!F32", textToDisplay: "表1!F32" });
  });

  it("never replaces an existing report unless told to", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = openWorkbook(state);
    const outcome = await checkInExcel(host);
    const options = { at: new Date(), strict: true, counts: "", replace: false };
    await writeReportSheet(host, outcome.findings, options);
    state.sheet(REPORT_SHEET)!.cell("K1").value = "会计的备注";
    expect(await reportSheetExists(host)).toBe(true);
    expect(await writeReportSheet(host, outcome.findings, options)).toBe(`${REPORT_SHEET}(2)`);
    expect(state.sheet(REPORT_SHEET)!.peek("K1")?.value).toBe("会计的备注");
    expect(await writeReportSheet(host, outcome.findings, { ...options, replace: true })).toBe(REPORT_SHEET);
    expect(state.sheet(REPORT_SHEET)!.peek("K1")?.value ?? null).toBeNull();
    expect(state.sheets.filter((s) => s.name.startsWith(REPORT_SHEET)).map((s) => s.name).sort()).toEqual([REPORT_SHEET, `${REPORT_SHEET}(2)`]);
  });
});
