// A date typed into an amount cell: Excel stores 2025/3/5 as the number 45721 in a date format (the fake host
// does so too: test/fakeHost/coerce.ts). 校验 must say the cell holds a date, never add 45721 into a sum.
import { validate } from "../../src/core/validate";
import type { CodeTable } from "../../src/core/model";
import { checkInExcel } from "../../src/excel/check";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { userEdit } from "../fakeHost/userEdit";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

async function typeInto(state: FakeWorkbook, sheet: string, address: string, typed: string): Promise<void> {
  await userEdit(state, (context) => (context.workbook.worksheets.getItem(sheet).getRange(address).values = [[typed]]));
}

describe("a date typed into an amount cell", () => {
  it.each([
    // An empty amount cell of 表1 (a summary table), and a figure of 表3 (a code table, read by the fast path).
    ["表1", () => "C8"],
    ["表3", (t: CodeTable) => t.rows.find((r) => r.level === "项")?.cells.basic?.address ?? ""],
  ])("in %s is named as a date, and no sum takes its serial number", async (sheet, pick) => {
    const grids = await readGrids(WUHAN_XLSX);
    const address = pick(validate(grids).workbook.tables.表3 as CodeTable);
    expect(address).not.toBe("");
    const state = FakeWorkbook.fromGrids(grids);
    await typeInto(state, sheet, address, "2025/3/5");
    expect(state.sheet(sheet)?.peek(address)).toMatchObject({ value: 45721, numberFormat: "yyyy/m/d" }); // as Excel stores it

    const { findings } = await checkInExcel(openWorkbook(state));
    const at = findings.filter((f) => f.sheet === sheet && f.cells.includes(address));
    expect(at.map((f) => f.rule)).toContain("AMT");
    expect(at.find((f) => f.rule === "AMT")?.message).toContain("日期");
    // The rules that need the cell say they could not run, rather than work with 45721.
    expect(findings.filter((f) => /45721|45,721/.test(f.message))).toEqual([]);
    expect(findings.some((f) => f.rule !== "AMT" && f.message.startsWith("未能校验"))).toBe(true);
  });

  it("in a cell already formatted as a number stays a number, as Excel shows it (45,721.00), and the sums say so", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    state.sheet("表1")!.cell("C8").numberFormat = "#,##0.00";
    await typeInto(state, "表1", "C8", "2025/3/5");
    // Excel gives a date format only to a General cell: this one keeps its own.
    expect(state.sheet("表1")?.peek("C8")).toMatchObject({ value: 45721, numberFormat: "#,##0.00" });
    const { findings } = await checkInExcel(openWorkbook(state));
    expect(findings.filter((f) => f.sheet === "表1" && f.cells.includes("C8") && f.rule === "AMT")).toEqual([]);
    expect(findings.some((f) => /45721/.test(f.message))).toBe(true);
  });
});
