// The 情况说明 panel in headless Chromium on the fake host with the Wuhan sample: 生成 writes the sheet,
// 生成图表 the 图表 sheet, 校对 lists what a changed figure breaks and a click selects its row.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type PaneSession, RESULTS, openPane } from "../support/browser";
import { WUHAN_XLSX } from "../support/workbooks";

type Cell = { value: unknown; fill?: { color: string } } | undefined;
type FakeState = { sheets: { name: string; peek(a: string): Cell; cell(a: string): { value: unknown } }[]; activeSheet: string; selection: { sheet: string; address: string } | null };

describe("情况说明 panel in a browser", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(WUHAN_XLSX);
  });
  afterAll(async () => pane?.close());

  it("生成, 生成图表 and 校对 work through the pane", async () => {
    const { page } = pane;
    await page.getByRole("tab", { name: "情况说明" }).click();
    await page.getByRole("button", { name: "生成", exact: true }).click();
    await page.getByText("已生成工作表「情况说明」").waitFor();
    const generated = await page.evaluate(() => {
      const wb = (window as unknown as { __fakeExcel: FakeState }).__fakeExcel;
      const ws = wb.sheets.find((s) => s.name === "情况说明");
      return { a4: ws?.peek("A4")?.value, a2fill: ws?.peek("A2")?.fill?.color, active: wb.activeSheet, input: wb.sheets.some((s) => s.name === "说明数据") };
    });
    expect(generated).toEqual({ a4: "2020年度收入合计23,286.92万元。其中：财政拨款收入23,286.92万元，占本年收入100.0%。", a2fill: "#FFF2CC", active: "情况说明", input: true });

    await page.getByRole("button", { name: "生成图表" }).click();
    await page.getByText(/已在「图表」工作表生成 4 张图表/).waitFor();

    // The generated text, with one figure changed, checked where it stands (the active 情况说明 sheet).
    await page.evaluate(() => {
      const wb = (window as unknown as { __fakeExcel: FakeState }).__fakeExcel;
      const ws = wb.sheets.find((s) => s.name === "情况说明");
      if (ws) ws.cell("A4").value = String(ws.peek("A4")?.value).replace("收入合计23,286.92", "收入合计23,286.29");
      wb.activeSheet = "情况说明";
    });
    await page.getByRole("button", { name: "校对" }).click();
    const finding = page.locator('[data-testid="narrative-findings"] button[data-cell="情况说明!A4"]');
    await finding.first().waitFor();
    expect(await finding.first().innerText()).toMatch(/文中本年收入合计23,286\.29万元与表1 本年收入合计 23,286\.92 不符/);
    // The changed total disagrees with 表1, and its one part (财政拨款收入 23,286.92) is now larger than it.
    expect(await page.getByTestId("narrative-summary").innerText()).toMatch(/2 处错误/);
    expect(await finding.evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")))).toEqual(["表数", "分项合计"]);
    await finding.first().click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeState }).__fakeExcel.selection?.address === "A4");
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "taskpane-narrative.png"), fullPage: true });
    expect(pane.errors).toEqual([]);
  });
});
