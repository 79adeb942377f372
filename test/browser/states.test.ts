// Every state of every panel at a real task pane's width (300 and 350 px), on both samples, the 自评表 samples
// and a workbook with no table: the pane never grows wider than itself (scrollWidth ≤ clientWidth of its
// root) and axe-core finds no critical or serious WCAG 2.x A/AA violation. Each state leaves a screenshot
// test-results/states/<width>-<workbook>-<state>.png; the axe counts per state are printed and written to
// test-results/states.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Grid } from "../../src/core/grid";
import { type AxeCounts, RESULTS, axeCounts, openPane, overflow, screenshot } from "../support/browser";
import { ROOT, SHANGHAI_XLSX, WUHAN_XLSX } from "../support/workbooks";

const NO_TABLE: Grid[] = [
  { sheet: "Sheet1", origin: { row: 0, col: 0 }, values: [["姓名", "部门", "金额"], ["张三", "办公室", 1200], ["李四", "财务科", 860.5]] },
  { sheet: "说明", origin: { row: 0, col: 0 }, values: [["这个工作簿没有决算表。"]] },
];

const WORKBOOKS: [string, string | Grid[]][] = [
  ["wuhan", WUHAN_XLSX],
  ["shanghai", SHANGHAI_XLSX],
  ["self-eval", join(ROOT, "samples", "wuhan-2020-self-eval.xlsx")],
  ["indicators", join(ROOT, "samples", "self-eval-indicators.xlsx")],
  ["no-table", NO_TABLE],
];

interface StateResult {
  width: number;
  workbook: string;
  state: string;
  scrollWidth: number;
  clientWidth: number;
  axe: AxeCounts;
  screenshot: string;
}

const results: StateResult[] = [];

/** No action running (aria-busy cleared) and Fluent's motions finished. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.waitForTimeout(300);
}

async function visible(page: Page, name: string | RegExp): Promise<boolean> {
  const button = page.getByRole("button", { name, exact: typeof name === "string" });
  return (await button.count()) > 0 && (await button.first().isVisible()) && (await button.first().isEnabled());
}

async function click(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("button", { name, exact: typeof name === "string" }).first().click();
  await settle(page);
}

/** Walk through the panels' states, recording each. */
async function walk(page: Page, record: (state: string) => Promise<void>): Promise<void> {
  await record("check-idle");
  // Excel fails once, as Excel on the web does ("RichApi.Error: An internal error has occurred."): the pane
  // says so in Chinese, with the details behind 复制错误详情.
  await page.evaluate(() => {
    const excel = (window as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
    const run = excel.run;
    excel.run = () => {
      excel.run = run;
      return Promise.reject(Object.assign(new Error("An internal error has occurred."), { name: "RichApi.Error", code: "GeneralException" }));
    };
  });
  await click(page, "校验");
  await page.getByRole("button", { name: "复制错误详情" }).waitFor();
  const failed = await page.getByTestId("notice").innerText();
  if (/internal|RichApi/i.test(failed) || !/Excel 内部出错/.test(failed)) throw new Error(`failed check shown as: ${failed}`);
  await record("check-failed");
  await click(page, "校验");
  await page.getByTestId("summary").waitFor();
  await record("check-done");
  if (await visible(page, /^错误 \d+$/)) {
    await click(page, /^错误 \d+$/);
    await record("check-filter-errors");
    await click(page, /^全部 \d+$/);
  }
  if (await visible(page, "下一个错误")) {
    await click(page, "下一个错误");
    await record("check-next-error");
  }
  if (await visible(page, /^已识别/)) {
    await click(page, /^已识别/);
    await record("check-recognition-open");
  }
  await click(page, "什么是尾差？");
  await record("check-rounding-help");
  await page.keyboard.press("Escape");
  await page.getByRole("switch", { name: /严格模式/ }).click();
  await settle(page);
  await page.getByText(/· 严格模式/).waitFor();
  await record("check-strict");
  await page.getByRole("switch", { name: /严格模式/ }).click();
  await settle(page);
  // No report of nothing: with no table recognised there is no 生成校验报告.
  if (await visible(page, "生成校验报告")) {
    await click(page, "生成校验报告");
    await record("check-report-written");
    await click(page, "生成校验报告");
    await page.getByRole("dialog").waitFor();
    await record("check-report-ask");
    await click(page, "取消");
  }
  await click(page, "定稿");
  await page.getByText(/定稿完成|操作未能完成/).waitFor();
  await record("check-finalized");
  if (await visible(page, "撤销定稿")) {
    await click(page, "撤销定稿");
    await record("check-finalize-undone");
  }

  await page.getByRole("tab", { name: "填充小计" }).click();
  await settle(page);
  await record("fill-idle");
  await click(page, "预览");
  await record("fill-preview");
  if ((await page.getByRole("switch", { name: "只看改变金额的" }).count()) > 0) {
    await page.getByRole("switch", { name: "只看改变金额的" }).click();
    await settle(page);
    await record("fill-only-changes");
  }
  if (await visible(page, /^应用（/)) {
    await click(page, /^应用（/);
    await record("fill-applied");
    await page.getByRole("tab", { name: "校验" }).click();
    await settle(page);
    await record("check-stale");
    await page.getByRole("tab", { name: "填充小计" }).click();
    await click(page, "撤销");
    await record("fill-undone");
  }

  await page.getByRole("tab", { name: "绩效自评" }).click();
  await settle(page);
  await record("selfeval-idle");
  await click(page, "检查自评表");
  await record("selfeval-checked");
  if (await visible(page, "清除标记")) {
    await page.getByRole("tabpanel").getByRole("button", { name: "清除标记" }).last().click();
    await settle(page);
    await record("selfeval-cleared");
  }
  await click(page, "插入指标清单模板");
  await record("selfeval-template");
  await click(page, "生成自评表");
  // The template is a list 生成自评表 reads.
  await page.getByText(/已生成工作表「自评表-/).waitFor();
  await record("selfeval-built");
  await click(page, "检查自评表");
  await record("selfeval-checked-built");
}

afterAll(() => {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, "states.json"), JSON.stringify(results, null, 2));
  const lines = results.map((r) => `${r.width}px ${r.workbook.padEnd(10)} ${r.state.padEnd(24)} width ${r.scrollWidth}/${r.clientWidth}  axe critical ${r.axe.critical} serious ${r.axe.serious} moderate ${r.axe.moderate} minor ${r.axe.minor}  ${r.screenshot}`);
  process.stdout.write(`\nPane states (${results.length}):\n${lines.join("\n")}\n`);
});

describe.each([300, 350])("the pane at %i px", (width) => {
  it.each(WORKBOOKS)("on %s: no state overflows, none has a critical or serious axe violation", async (name, workbook) => {
    const pane = await openPane(workbook, { width });
    try {
      const failures: string[] = [];
      await walk(pane.page, async (state) => {
        const size = await overflow(pane.page);
        const axe = await axeCounts(pane.page);
        const shot = await screenshot(pane.page, join("states", `${width}-${name}-${state}`));
        results.push({ width, workbook: name, state, scrollWidth: size.scrollWidth, clientWidth: size.clientWidth, axe, screenshot: shot.slice(ROOT.length + 1) });
        if (size.scrollWidth > size.clientWidth || size.page > size.viewport) failures.push(`${state}: ${size.scrollWidth}/${size.clientWidth} px (page ${size.page}/${size.viewport})`);
        if (axe.critical || axe.serious) failures.push(`${state}: axe ${axe.worst.join(", ")}`);
      });
      expect(failures).toEqual([]);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

describe("the checks themselves", () => {
  it("catch what they are meant to catch: an unlabelled file input (axe: critical) and a row wider than the pane", async () => {
    const pane = await openPane(NO_TABLE, { width: 300 });
    try {
      const { page } = pane;
      expect((await axeCounts(page)).critical).toBe(0);
      await page.evaluate(() => {
        const input = document.createElement("input");
        input.type = "file";
        input.id = "unlabelled";
        document.querySelector("main")?.append(input);
        const wide = document.createElement("div");
        wide.style.whiteSpace = "nowrap";
        wide.textContent = "一行不换行的长文字".repeat(10);
        document.querySelector("main")?.append(wide);
      });
      const axe = await axeCounts(page);
      expect(axe.critical).toBeGreaterThan(0);
      expect(axe.worst.join()).toMatch(/label/);
      const size = await overflow(page);
      expect(size.scrollWidth).toBeGreaterThan(size.clientWidth);
    } finally {
      await pane.close();
    }
  });
});
