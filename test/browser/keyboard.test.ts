// The pane by keyboard alone, at 300 px: Tab to 校验 and run it, go to the next error, select its cell; arrow
// keys move through the findings and Enter selects.
import type { Page } from "playwright-core";
import { type PaneSession, openPane, screenshot } from "../support/browser";
import { WUHAN_XLSX } from "../support/workbooks";

interface FakeSelection {
  __fakeExcel: { selection: { sheet: string; address: string } | null };
}

async function tabTo(page: Page, name: string): Promise<number> {
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press("Tab");
    // A button of that name (the tab 校验 has the same text).
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.tagName === "BUTTON" && el.getAttribute("role") !== "tab" ? (el.textContent ?? "").trim() : null;
    });
    if (focused === name) return presses;
  }
  throw new Error(`Tab never reached “${name}”`);
}

const selection = (page: Page) => page.evaluate(() => (window as unknown as FakeSelection).__fakeExcel.selection);

describe("the pane by keyboard", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(WUHAN_XLSX, { width: 300 });
  });
  afterAll(async () => pane?.close());

  it("Tab to 校验, Enter, Tab to 下一个错误, Enter: the first error's cell is selected and its item is current", async () => {
    const { page } = pane;
    await tabTo(page, "校验");
    await page.keyboard.press("Enter");
    await page.getByTestId("summary").waitFor();
    await tabTo(page, "下一个错误");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as unknown as FakeSelection).__fakeExcel.selection !== null);
    const current = page.locator('[aria-current="true"]');
    expect(await current.getAttribute("data-kind")).toBe("error");
    expect(await selection(page)).toEqual({ sheet: "表1", address: (await current.getAttribute("data-cell")) ?? "" });
    // Enter again: the next error.
    const first = await current.getAttribute("data-cell");
    await page.keyboard.press("Enter");
    await page.waitForFunction((cell) => (window as unknown as FakeSelection).__fakeExcel.selection?.address !== cell, first);
    expect(await page.locator('[aria-current="true"]').getAttribute("data-cell")).toBe((await selection(page))?.address);
    await screenshot(page, "keyboard-next-error");
  });

  it("arrow keys move from finding to finding, Enter selects the focused one", async () => {
    const { page } = pane;
    await page.locator('[aria-current="true"]').focus();
    const before = await page.evaluate(() => document.activeElement?.getAttribute("data-cell"));
    await page.keyboard.press("ArrowDown");
    const after = await page.evaluate(() => document.activeElement?.getAttribute("data-cell") ?? document.activeElement?.textContent);
    expect(after).not.toBe(before);
    await page.keyboard.press("ArrowUp");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).toBe(before);
    await page.keyboard.press("ArrowUp");
    const target = await page.evaluate(() => document.activeElement?.getAttribute("data-cell"));
    expect(target).toBeTruthy();
    await page.keyboard.press("Enter");
    await page.waitForFunction((cell) => (window as unknown as FakeSelection).__fakeExcel.selection?.address === cell, target);
    expect(pane.errors).toEqual([]);
  });
});
