// 提交前定稿 on a generated 自评表: afterwards no cell holds a JUESUAN formula and no mark is left; 撤销定稿
// brings both back.
import type { Page } from "playwright-core";
import { NOTE_PREFIX } from "../../src/core/marks";
import { type PaneSession, openPane, screenshot } from "../support/browser";
import { ROOT, WUHAN_XLSX } from "../support/workbooks";
import { join } from "node:path";

interface Snapshot {
  formulas: Record<string, string>;
  fills: Record<string, string>;
  addinNotes: string[];
}

interface FakeCell {
  formula?: string;
  fill?: { color: string; pattern?: string };
  note?: string;
}

/** Every JUESUAN formula, every fill and every note of the add-in, in the whole fake workbook. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((prefix) => {
    const cells = (window as unknown as { __fakeExcel: { snapshot(): Record<string, FakeCell> } }).__fakeExcel.snapshot();
    const out: Snapshot = { formulas: {}, fills: {}, addinNotes: [] };
    for (const [address, c] of Object.entries(cells)) {
      if (c.formula && /JUESUAN\./i.test(c.formula)) out.formulas[address] = c.formula;
      // A fill whose pattern is None is no fill (what 清除标记 leaves on a cell that had none).
      if (c.fill && c.fill.pattern !== "None") out.fills[address] = c.fill.color;
      if (c.note?.includes(prefix)) out.addinNotes.push(address);
    }
    return out;
  }, NOTE_PREFIX);
}

/** What Excel reports as the value of each cell ("Sheet!A1"): for a formula, the value it calculated. */
function shown(page: Page, addresses: string[]): Promise<unknown[]> {
  return page.evaluate(
    (list) =>
      Excel.run(async (context) => {
        const ranges = list.map((a) => {
          const at = a.lastIndexOf("!");
          return context.workbook.worksheets.getItem(a.slice(0, at)).getRange(a.slice(at + 1)).load("values");
        });
        await context.sync();
        return ranges.map((r) => r.values[0][0] as unknown);
      }),
    addresses,
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

describe("提交前定稿", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(join(ROOT, "samples", "self-eval-indicators.xlsx"), { width: 350 });
  });
  afterAll(async () => pane?.close());

  it("turns the JUESUAN formulas into values and clears every mark; 撤销定稿 brings both back", async () => {
    const { page } = pane;
    await page.getByRole("tab", { name: "绩效自评" }).click();
    await page.getByRole("button", { name: "生成自评表" }).click();
    await page.getByText(/已生成工作表/).waitFor();
    const built = await snapshot(page);
    await page.getByRole("button", { name: "检查自评表" }).click();
    await settle(page);
    await page.getByText(/张自评表/).waitFor();
    const marked = await snapshot(page);
    expect(Object.keys(marked.formulas).length).toBeGreaterThan(5);
    const addresses = Object.keys(marked.formulas);
    const computed = await shown(page, addresses);
    expect(marked.addinNotes.length).toBeGreaterThan(0);

    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByText(/定稿完成/).waitFor();
    await settle(page);
    const final = await snapshot(page);
    expect(final.formulas).toEqual({});
    // Each formula's cell now holds the value the fake host calculated for it (HyperFormula with the JUESUAN
    // functions), not a blank: the scores of the generated sheet are numbers.
    expect(computed.filter((v) => typeof v === "number").length).toBeGreaterThan(5);
    expect(await shown(page, addresses)).toEqual(computed);
    expect(final.addinNotes).toEqual([]);
    // The fills left are those 生成自评表 itself made (rows for a person to score), not marks.
    expect(final.fills).toEqual(built.fills);
    expect(await page.getByText(new RegExp(`${Object.keys(marked.formulas).length} 个 JUESUAN 公式已转为数值`)).count()).toBe(1);
    await screenshot(page, "finalize-done");

    await page.getByRole("button", { name: "撤销定稿" }).click();
    await page.getByText(/已撤销定稿/).waitFor();
    await settle(page);
    const undone = await snapshot(page);
    expect(undone.formulas).toEqual(marked.formulas);
    expect(await shown(page, addresses)).toEqual(computed);
    expect(undone.fills).toEqual(marked.fills);
    expect(undone.addinNotes.sort()).toEqual(marked.addinNotes.sort());
    await screenshot(page, "finalize-undone");
    expect(pane.errors).toEqual([]);
  });
});

describe("提交前定稿 on a workbook with errors", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(WUHAN_XLSX, { width: 300 });
  });
  afterAll(async () => pane?.close());

  it("checks again without marking (the errors are listed, no cell is marked); 撤销定稿 marks them again", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: "校验", exact: true }).click();
    await page.getByTestId("summary").waitFor();
    const marked = await snapshot(page);
    expect(marked.addinNotes.length).toBe(4);
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByText(/定稿完成：0 个 JUESUAN 公式已转为数值，4 个单元格的标记已清除/).waitFor();
    await settle(page);
    expect(await page.getByTestId("summary").innerText()).toMatch(/3 处错误，1 条提示；已标记 0 个单元格/);
    const final = await snapshot(page);
    expect(final.addinNotes).toEqual([]);
    expect(final.fills).toEqual({});
    await page.getByRole("button", { name: "撤销定稿" }).click();
    await page.getByText(/已撤销定稿/).waitFor();
    await settle(page);
    const undone = await snapshot(page);
    expect(undone.addinNotes.sort()).toEqual(marked.addinNotes.sort());
    expect(undone.fills).toEqual(marked.fills);
    expect(await page.getByTestId("summary").innerText()).toMatch(/已标记 4 个单元格/);
  });
});
