// Defect 7: =JUESUAN.CHECK() reads the workbook again only after a sheet changed; CHECK(range) runs on a range
// that holds an error cell (functions.json allows errors for "any" parameters) and names it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check, workbookSummary } from "../../src/functions/functions";
import { adapterHost } from "../fakeHost/adapterHost";
import { createFakeHost } from "../fakeHost/office";
import { FakeContext } from "../fakeHost/proxies";
import { FakeWorkbook } from "../fakeHost/state";
import { FakeCustomFunctionError, installCustomFunctions } from "../support/customFunctions";
import { ROOT, WUHAN_XLSX, readGrids } from "../support/workbooks";

beforeAll(installCustomFunctions);

describe("JUESUAN.CHECK()", () => {
  it("reads the workbook once, then again only after a sheet changed", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = adapterHost(createFakeHost(state));
    expect(await workbookSummary(host)).toBe("3 处错误, 0 处尾差");
    const afterFirst = state.syncCount;
    expect(await workbookSummary(host)).toBe("3 处错误, 0 处尾差");
    expect(state.syncCount).toBe(afterFirst);

    // The accountant corrects 表7 in Excel: the worksheets' onChanged fires.
    const context = new FakeContext(state);
    context.workbook.worksheets.getItem("表7").getRange("E7").values = [[30.5]];
    await context.sync();
    expect(await workbookSummary(host)).toBe("2 处错误, 0 处尾差");
    expect(state.syncCount).toBeGreaterThan(afterFirst + 1);
  });
});

describe("JUESUAN.CHECK(range)", () => {
  it("runs on a range holding an error cell and names the cell instead of taking it as blank", async () => {
    const t7 = (await readGrids(WUHAN_XLSX)).find((g) => g.sheet === "表7")!;
    const withError: unknown[][] = t7.values.map((row) => [...row]);
    withError[6][2] = new FakeCustomFunctionError("#DIV/0!");
    const address = `表7!A1:${String.fromCharCode(64 + withError[0].length)}${withError.length}`;
    const found = await check(withError as unknown[][], { parameterAddresses: [address] } as unknown as CustomFunctions.Invocation);
    const rows = found.map((r) => (r as unknown[]).join(" "));
    // The error cell is named (it is not read as an empty cell, which would pass its row's sum).
    expect(rows.some((r) => r.includes("C7"))).toBe(true);
  });

  it("functions.json lets error values reach the functions (npm test builds it)", () => {
    const path = join(ROOT, "dist", "functions.json");
    expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8")).allowErrorForDataTypeAny).toBe(true);
  });
});
