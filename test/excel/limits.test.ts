// Defect 6: on a 20,000-row workbook with thousands of marks, every request and response stays under 4 MB
// (Excel on the web refuses 5 MB), although what one batch would have sent is many times that; the mark record,
// too large for the document settings, is kept on a very hidden sheet, and 清除标记 restores every cell.
import { excelLimits } from "../../bench/excel";
import { syntheticWorkbook } from "../../bench/synthetic";
import { validate } from "../../src/core/validate";
import { checkInExcel, clearMarks } from "../../src/excel/check";
import { writeReportSheet } from "../../src/excel/reportSheet";
import { isStoreSheet } from "../../src/excel/docStore";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";

const FOUR_MB = 4 * 1024 * 1024;
const FIVE_MB = 5 * 1024 * 1024;

describe("every request under 4 MB by design", () => {
  it("校验, marking 5,000 more findings, 清除标记 and 填充小计 on 20,000 rows", async () => {
    const figures = await excelLimits(20000, 5000);
    for (const f of figures) {
      expect({ op: f.operation, request: f.request < FOUR_MB, response: f.response < FOUR_MB }).toEqual({ op: f.operation, request: true, response: true });
    }
    // Marking these findings in one batch would have been refused.
    expect(figures.find((f) => f.operation.startsWith("校验（+"))!.total).toBeGreaterThan(FIVE_MB);
    expect(figures.find((f) => f.operation === "清除标记")!.cells).toBeGreaterThan(5000);
  }, 300000);

  it("keeps a mark record too large for the settings on a very hidden sheet, and restores from it", async () => {
    const state = FakeWorkbook.fromGrids(syntheticWorkbook(3000));
    const before = state.snapshot();
    const outcome = await checkInExcel(openWorkbook(state));
    expect(outcome.marked).toBeGreaterThan(2500);
    const stored = state.savedSettings["juesuan.marks"] as { pointer?: { sheet: string } };
    expect(stored.pointer).toBeDefined();
    expect(state.sheet(stored.pointer!.sheet)?.visibility).toBe("VeryHidden");
    // A new session, as after closing and reopening the workbook.
    expect(await clearMarks(openWorkbook(state))).toBe(outcome.marked);
    expect(state.sheets.filter((s) => isStoreSheet(s.name))).toEqual([]);
    expect(state.snapshot()).toEqual(before);
  }, 120000);

  it("writes a 校验报告 of about 17,000 findings in syncs under 4 MB, though it is more than 5 MB in all", async () => {
    const grids = syntheticWorkbook(16667);
    const { findings } = validate(grids);
    expect(findings.length).toBeGreaterThan(15000);
    const state = FakeWorkbook.fromGrids(grids.slice(0, 1));
    const from = state.syncs.length;
    await writeReportSheet(openWorkbook(state), findings, { at: new Date(2026, 0, 1), strict: false, counts: `${findings.length} 处`, replace: true });
    const { request, response, syncs } = state.largest(from);
    const total = state.syncs.slice(from).reduce((sum, x) => sum + x.request, 0);
    expect({ request: request < FOUR_MB, response: response < FOUR_MB, overFive: total > FIVE_MB }).toEqual({ request: true, response: true, overFive: true });
    expect(syncs).toBeGreaterThan(2);
    expect(state.sheet("校验报告")!.usedRect(true)!.bottom).toBe(findings.length + 3);
  }, 120000);
});
