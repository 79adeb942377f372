// The built pane in headless Chromium on the fake host, loaded with a workbook (shared by the browser tests).
// Chromium comes from the npm package @sparticuz/chromium (its binary ships inside the package), so the tests
// need nothing but Node and npm; CHROMIUM_PATH overrides it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
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
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
