// 清除标记 says, in Chinese, which marks it could not put back (a fill the user changed since 校验), and the
// 校验 panel's “更多” menu offers 重置标记记录 behind a confirmation: cancelled it changes nothing, confirmed it
// removes the add-in's part of every note and forgets the records.
import type { Page } from "playwright-core";
import { NOTE_PREFIX } from "../../src/core/marks";
import { type PaneSession, openPane, screenshot } from "../support/browser";
import { WUHAN_XLSX } from "../support/workbooks";

interface FakeState {
  snapshot(): Record<string, { note?: string; fill: { color: string; pattern: string } }>;
  sheet(name: string): { cell(address: string): { fill?: unknown } } | undefined;
}

function addinNotes(page: Page): Promise<string[]> {
  return page.evaluate((prefix) => {
    const cells = (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.snapshot();
    return Object.entries(cells)
      .filter(([, c]) => c.note?.includes(prefix))
      .map(([a]) => a)
      .sort();
  }, NOTE_PREFIX);
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

describe("清除标记 and 重置标记记录", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(WUHAN_XLSX, { width: 320 });
  });
  afterAll(async () => pane?.close());

  it("names a mark it could not put back, and 重置标记记录 asks first, then cleans every note", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    const marked = await addinNotes(page);
    expect(marked.length).toBe(4);
    // The accountant paints one marked cell green: 清除标记 must leave that fill and say so.
    const [painted] = marked;
    await page.evaluate((at) => {
      const sheet = at.slice(0, at.lastIndexOf("!"));
      const cell = (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.sheet(sheet)!.cell(at.slice(at.lastIndexOf("!") + 1));
      cell.fill = { color: "#C6EFCE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
    }, painted);
    await page.getByRole("button", { name: "清除标记" }).click();
    await settle(page);
    await page.getByText(new RegExp(`1 个单元格未能恢复原样：${painted}（填充已被修改，保留现有填充）`)).waitFor();
    expect(await addinNotes(page)).toEqual([]);

    // Marked again, then 重置标记记录: cancelled, nothing changes.
    await page.getByRole("button", { name: "重新校验" }).click();
    await settle(page);
    expect((await addinNotes(page)).length).toBe(4);
    await page.getByRole("button", { name: "更多操作" }).click();
    await page.getByRole("menuitem", { name: "重置标记记录…" }).click();
    const dialog = page.getByRole("dialog", { name: "重置标记记录？" });
    await dialog.waitFor();
    await screenshot(page, "reset-marks-confirm");
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await addinNotes(page)).length).toBe(4);

    await page.getByRole("button", { name: "更多操作" }).click();
    await page.getByRole("menuitem", { name: "重置标记记录…" }).click();
    await dialog.getByRole("button", { name: "重置", exact: true }).click();
    await page.getByText(/已重置标记记录：恢复了 4 个单元格的原格式/).waitFor();
    await settle(page);
    expect(await addinNotes(page)).toEqual([]);
    expect(await page.getByTestId("summary").innerText()).toMatch(/已标记 0 个单元格/);
    expect(pane.errors).toEqual([]);
  });
});
