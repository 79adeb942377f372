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

  it("clicking the 表1 row 49 finding selects that cell in the workbook and marks the item current, with no notice", async () => {
    const item = page.locator('button[data-rule="X3"][data-cell="F24"]');
    const before = await item.boundingBox();
    await item.click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.selection?.address === "F24");
    const selection = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.selection);
    expect(selection).toEqual({ sheet: "表1", address: "F24" });
    expect(await item.getAttribute("aria-current")).toBe("true");
    expect(await page.locator('[aria-current="true"]').count()).toBe(1);
    expect(await page.getByTestId("notice").count()).toBe(0);
    // Nothing above the list moved: the next click lands where the user aims.
    expect((await item.boundingBox())?.y).toBe(before?.y);
  });

  it("导出 CSV downloads the report's rows, one per finding, in UTF-8 with a BOM", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^校验报告-\d{8}-\d{4}\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, "utf8");
    expect(text.startsWith("\uFEFF序号,级别,规则,表,单元格,应为,实为,差额,说明")).toBe(true);
    const rows = text.trim().split("\r\n").slice(1);
    const total = /^全部 (\d+)$/.exec(await page.getByRole("button", { name: /^全部 \d+$/ }).innerText())?.[1];
    expect(rows).toHaveLength(Number(total));
    expect(rows.some((r) => r.includes("表1!F24") && r.includes("610.44") && r.includes("610.40"))).toBe(true);
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
    // Each write with the figure it leaves: 表1 F32 holds 23327.91 where its parts add up to 23327.87.
    expect(await preview.innerText()).toMatch(/表1!F32[\s\S]*?23327\.91 → 23327\.87\n=SUM\(F6:F31\)/);
    const counts = await page.getByTestId("fill-counts").innerText();
    const [, writes, changed] = /^(\d+) 处写入，其中 (\d+) 处改变金额$/.exec(counts) ?? [];
    expect(Number(writes)).toBe(await preview.locator("li").count());
    expect(Number(changed)).toBe(await preview.locator('li[data-changed="true"]').count());
    expect(Number(changed)).toBeLessThan(Number(writes));
    await page.getByRole("switch", { name: "只看改变金额的" }).click();
    expect(await preview.locator("li").count()).toBe(Number(changed));
    expect(await preview.locator('li[data-changed="false"]').count()).toBe(0);
    await page.getByRole("button", { name: /^应用/ }).click();
    await page.getByText(/已写入 \d+ 个单元格/).waitFor();
    // The 校验 tab kept its findings, and says they may be out of date; back on 填充小计, its notice is still there.
    await page.getByRole("tab", { name: "校验" }).click();
    expect(await page.getByTestId("check-time").innerText()).toMatch(/^校验于 \d\d:\d\d · 已修改，请重新校验$/);
    expect(await page.locator('button[data-rule="X3"]').count()).toBe(1);
    await page.getByRole("tab", { name: "填充小计" }).click();
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
