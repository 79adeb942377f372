// The built pane in headless Chromium on the fake host, loaded with a workbook (shared by the browser tests).
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { startDemoServer } from "../../scripts/demo-server";
import { ROOT } from "./workbooks";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const RESULTS = join(ROOT, "test-results");

export interface PaneSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openPane(workbook: string): Promise<PaneSession> {
  for (const file of ["taskpane.html", "taskpane.js", "fake-office.js"]) {
    if (!existsSync(join(ROOT, "dist", file))) throw new Error(`dist/${file} is missing: run \`npm run build:test\` first (npm test does).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  const { server, url }: { server: Server; url: string } = await startDemoServer(workbook);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
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
