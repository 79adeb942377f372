// One runtime, one session: the ribbon's 一键校验 and the pane share the check session, so the ribbon command
// opens the pane on its own results (before, each bundle had its own session and the pane stayed empty).
import { type PaneSession, openPane } from "../support/browser";
import { WUHAN_XLSX } from "../support/workbooks";

interface RibbonOffice {
  actions: { handlers: Record<string, (event: { completed(): void }) => Promise<void>> };
  addin: { shown: number };
}

describe("一键校验 from the ribbon", () => {
  let pane: PaneSession;
  beforeAll(async () => {
    pane = await openPane(WUHAN_XLSX);
  });
  afterAll(async () => pane?.close());

  it("checks the workbook, shows the pane, and the pane lists the findings", async () => {
    const { page } = pane;
    const result = await page.evaluate(async () => {
      const office = (window as unknown as { Office: RibbonOffice }).Office;
      let completed = false;
      await office.actions.handlers.runCheck({ completed: () => (completed = true) });
      return { completed, shown: office.addin.shown };
    });
    expect(result).toEqual({ completed: true, shown: 1 });
    const summary = page.getByTestId("summary");
    await summary.waitFor({ timeout: 10000 });
    expect(await summary.innerText()).toMatch(/3 处错误/);
    await expect(page.locator('[data-rule="X3"][data-cell="F24"]').count()).resolves.toBe(1);
    expect(pane.errors).toEqual([]);
  });
});
