// The 绩效自评 panel in headless Chromium on the fake host, loaded with the nine seed 自评表 as published.
import { join } from "node:path";
import { type PaneSession, openPane, screenshot } from "../support/browser";
import { ROOT } from "../support/workbooks";

describe("绩效自评 panel in a browser", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(join(ROOT, "samples", "wuhan-2020-self-eval.xlsx"));
  });
  afterAll(async () => pane?.close());

  it("检查自评表 lists the nine tables with their totals and marks the disagreeing scores", async () => {
    const { page } = pane;
    await page.getByRole("tab", { name: "绩效自评" }).click();
    await page.getByRole("button", { name: "检查自评表" }).click();
    const tables = page.getByTestId("self-eval-table");
    await tables.first().waitFor();
    expect(await tables.count()).toBe(9);
    expect(await tables.first().innerText()).toMatch(/行政运行工作经费[\s\S]*总分 91\.98（优）；按评分标准 91\.44；14 行一致，3 行不符，1 行需人工判断/);
    expect(await page.locator('button[data-rule="SE-得分"]').count()).toBe(12);
    const fill = await page.evaluate(() => {
      const wb = (window as unknown as { __fakeExcel: { sheets: { name: string; peek(a: string): { fill?: { color: string } } | undefined }[] } }).__fakeExcel;
      return wb.sheets.find((s) => s.name.startsWith("p01"))?.peek("H6")?.fill?.color;
    });
    expect(fill).toBe("#FFC7CE");
    await screenshot(page, "taskpane-self-eval");
    expect(pane.errors).toEqual([]);
  });
});
