// The built task pane in headless Chromium, with the fake Excel host standing in for office.js and the Wuhan
// sample loaded into it: click 校验, read the findings, click the 表1 row 49 finding, check the selection.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { type PaneSession, openPane, screenshot } from "../support/browser";
import { ROOT, WUHAN_XLSX } from "../support/workbooks";

interface FakeState {
  selection: { sheet: string; address: string } | null;
  activeSheet: string;
  sheet(name: string): { peek(a: string): { fill?: { color: string } } | undefined; notes: Map<string, string> } | undefined;
}

describe("task pane in a browser", () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(WUHAN_XLSX);
    page = pane.page;
    expect(pane.errors).toEqual([]);
  });

  afterAll(async () => pane?.close());

  it("loads the custom functions into the same runtime, one per id of functions.json", async () => {
    const ids = await page.evaluate(() => Object.keys((window as unknown as { CustomFunctions: { associated: Record<string, unknown> } }).CustomFunctions.associated).sort());
    const meta = JSON.parse(readFileSync(join(ROOT, "dist", "functions.json"), "utf8")) as { functions: { id: string }[] };
    expect(ids).toEqual(meta.functions.map((f) => f.id).sort());
  });

  it("校验 lists the seed's errors and marks their cells", async () => {
    await page.getByRole("button", { name: "校验", exact: true }).click();
    const summary = page.getByTestId("summary");
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/3 处错误，1 条提示/);
    const findings = page.getByTestId("findings");
    for (const [rule, cell] of [
      ["T1-57", "F32"],
      ["X3", "F24"],
      ["T7-3栏", "C7"],
    ]) {
      await expect(findings.locator(`button[data-rule="${rule}"][data-cell="${cell}"]`).count()).resolves.toBe(1);
    }
    expect(await findings.locator('button[data-rule="X3"]').innerText()).toMatch(/第49行 住房保障支出.*610\.44.*610\.40/);
    const fill = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.sheet("表1")?.peek("F32")?.fill?.color);
    expect(fill).toBe("#FFC7CE");
    await screenshot(page, "taskpane-check");
  });

  it("clicking the 表1 row 49 finding selects that cell in the workbook", async () => {
    await page.locator('button[data-rule="X3"][data-cell="F24"]').click();
    await page.getByText("已选中 表1!F24").waitFor();
    const selection = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.selection);
    expect(selection).toEqual({ sheet: "表1", address: "F24" });
  });

  it("清除标记 puts the cells back", async () => {
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(/已清除 4 个单元格的标记/).waitFor();
    const after = await page.evaluate(() => {
      const t1 = (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.sheet("表1");
      return { fill: t1?.peek("F32")?.fill ?? null, note: t1?.notes.has("F32") };
    });
    expect(after).toEqual({ fill: null, note: false });
  });

  it("填充小计 previews, writes formulas in one go, and 撤销 puts the figures back", async () => {
    await page.getByRole("tab", { name: "填充小计" }).click();
    await page.getByRole("button", { name: "预览" }).click();
    const preview = page.getByTestId("fill-preview");
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/表1!F32[\s\S]*23327\.91 → =SUM\(F6:F31\)/);
    await page.getByRole("button", { name: /^应用/ }).click();
    await page.getByText(/已写入 \d+ 个单元格/).waitFor();
    const cell = () => page.evaluate(() => {
      const c = (window as unknown as { __fakeExcel: { sheet(n: string): { peek(a: string): { value: unknown; formula?: string } | undefined } } }).__fakeExcel.sheet("表1")?.peek("F32");
      return { value: c?.value ?? null, formula: c?.formula ?? null };
    });
    expect(await cell()).toEqual({ value: null, formula: "=SUM(F6:F31)" });
    await page.getByRole("button", { name: "撤销" }).click();
    await page.getByText(/已撤销/).waitFor();
    expect(await cell()).toEqual({ value: 23327.91, formula: null });
    await screenshot(page, "taskpane-fill");
  });
});
