// A long list: a 表3 with hundreds of wrong rows shows a page of findings per group, 再显示 adds the next page,
// and 上一个错误 from the top goes to the last error, bringing it onto the page.
import { syntheticWorkbook } from "../../bench/synthetic";
import type { Grid } from "../../src/core/grid";
import { type PaneSession, openPane, screenshot } from "../support/browser";

/** 表3's 基本支出 of every 项 row half a 万元 too high: each such row's 本年支出合计 no longer adds up. */
function brokenTable3(): Grid[] {
  return syntheticWorkbook(222).map((g) =>
    g.sheet !== "表3" ? g : { ...g, values: g.values.map((row) => (String(row[0]).length === 7 ? row.map((v, c) => (c === 3 && typeof v === "number" ? v + 0.5 : v)) : row)) },
  );
}

describe("a long list of findings", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(brokenTable3(), { width: 300 });
  });
  afterAll(async () => pane?.close());

  it("pages each group, and 上一个错误 reaches the last error beyond the page", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    const errors = Number(/^错误 (\d+)$/.exec(await page.getByRole("button", { name: /^错误 \d+$/ }).innerText())?.[1]);
    expect(errors).toBeGreaterThan(200);
    const rendered = () => page.locator("button[data-rule]").count();
    expect(await rendered()).toBe(100);
    await page.getByRole("button", { name: /^再显示 100 条/ }).click();
    expect(await rendered()).toBe(200);
    await page.getByRole("button", { name: "上一个错误" }).click();
    const current = page.locator('[aria-current="true"]');
    await current.waitFor();
    expect(await page.getByText(`第 ${errors}/${errors} 个错误`).count()).toBe(1);
    expect(await rendered()).toBeGreaterThanOrEqual(errors);
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selection: unknown } }).__fakeExcel.selection !== null);
    const selection = await page.evaluate(() => (window as unknown as { __fakeExcel: { selection: { address: string } } }).__fakeExcel.selection);
    expect(selection.address).toBe(await current.getAttribute("data-cell"));
    await screenshot(page, "long-list-last-error");
    expect(pane.errors).toEqual([]);
  });
});
