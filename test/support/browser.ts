// The built pane in headless Chromium on the fake host, loaded with a workbook (shared by the browser tests).
// Chromium comes from the npm package @sparticuz/chromium (its binary ships inside the package), so the tests
// need nothing but Node and npm; CHROMIUM_PATH overrides it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { startDemoServer } from "../../scripts/demo-server";
import type { Grid } from "../../src/core/grid";
import { ROOT } from "./workbooks";

export const RESULTS = join(ROOT, "test-results");

interface ChromiumLaunch {
  executablePath: string;
  args: string[];
}

let launchOptions: ChromiumLaunch | undefined;

/**
 * Where Chromium is and how to start it. @sparticuz/chromium is an ES module, which jest's CommonJS runtime
 * cannot load (and Node 20 cannot `require`): ask a child Node for its path (it unpacks the binary into
 * the temp folder on first use) and its flags.
 */
function chromiumLaunch(): ChromiumLaunch {
  if (launchOptions) return launchOptions;
  if (process.env.CHROMIUM_PATH) {
    launchOptions = { executablePath: process.env.CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu"] };
    return launchOptions;
  }
  const script = 'import("@sparticuz/chromium").then(async ({ default: c }) => console.log(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))';
  launchOptions = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as ChromiumLaunch;
  return launchOptions;
}

export interface PaneSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  /** The page's width in CSS pixels: a real task pane is 300–350 px wide. */
  width?: number;
}

/** The pane on a workbook: an .xlsx file, or grids made up by the test. */
export async function openPane(workbook: string | Grid[], options: PaneOptions = {}): Promise<PaneSession> {
  for (const file of ["taskpane.html", "taskpane.js", "fake-office.js"]) {
    if (!existsSync(join(ROOT, "dist", file))) throw new Error(`dist/${file} is missing: run \`npm run build:test\` first (npm test does).`);
  }
  const { executablePath, args } = chromiumLaunch();
  const { server, url }: { server: Server; url: string } = await startDemoServer(workbook);
  const browser: Browser = await chromium.launch({ executablePath, headless: true, args });
  const page = await browser.newPage({ viewport: { width: options.width ?? 420, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}/demo.html`);
  await page.getByRole("button", { name: "校验", exact: true }).waitFor();
  return {
    page,
    errors,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A screenshot under test-results/, once the page's fonts (the CJK font included) have loaded. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(RESULTS, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeCounts {
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** Rule ids of the critical and serious violations, for the failure message. */
  worst: string[];
}

/**
 * axe-core over the whole page, WCAG 2.x A and AA (2.0, 2.1, 2.2). Fluent's focus-trap dummies
 * ([data-tabster-dummy], invisible focusable spans that keep Tab inside a dialog or a group) are excluded.
 */
export async function axeCounts(page: Page): Promise<AxeCounts> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  const counts: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0, worst: [] };
  for (const v of violations) {
    const impact = (v.impact ?? "minor") as keyof Omit<AxeCounts, "worst">;
    counts[impact] += v.nodes;
    if (impact === "critical" || impact === "serious") counts.worst.push(`${v.id}×${v.nodes}`);
  }
  return counts;
}

/** The pane's root against its own width: content wider than the pane makes scrollWidth exceed clientWidth. */
export async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; page: number; viewport: number }> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="pane-root"]');
    if (!root) throw new Error("no pane root");
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });
}
