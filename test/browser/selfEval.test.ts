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
    // One accordion item per project: open them all to see every finding.
    const headers = tables.locator("button[aria-expanded]");
    for (let i = 0; i < (await headers.count()); i++) if ((await headers.nth(i).getAttribute("aria-expanded")) === "false") await headers.nth(i).click();
    const first = tables.filter({ hasText: "行政运行工作经费" });
    expect(await first.innerText()).toMatch(/总分 91\.98（优）；按评分标准 91\.44；14 行一致，3 行不符，1 行需人工判断/);
    expect(await page.locator('button[data-rule="SE-得分"]').count()).toBe(12);
    // Projects with errors come first.
    const withErrors = await tables.evaluateAll((items) => items.map((i) => /处错误/.test(i.querySelector("button[aria-expanded]")?.textContent ?? "")));
    expect(withErrors).toEqual([...withErrors].sort((a, b) => Number(b) - Number(a)));
    const fill = await page.evaluate(() => {
      const wb = (window as unknown as { __fakeExcel: { sheets: { name: string; peek(a: string): { fill?: { color: string } } | undefined }[] } }).__fakeExcel;
      return wb.sheets.find((s) => s.name.startsWith("p01"))?.peek("H6")?.fill?.color;
    });
    expect(fill).toBe("#FFC7CE");
    await screenshot(page, "taskpane-self-eval");
    expect(pane.errors).toEqual([]);
  });
});
