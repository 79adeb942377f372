// A local server for the built task pane with the fake Excel host standing in for office.js, loaded with a
// workbook: `npm run demo` for a look in any browser, and the browser test's server.
// The add-in's own taskpane.html is served unchanged at /taskpane.html; /demo.html is the same page with
// office.js swapped for the fake host and the workbook, and a CJK font (Noto Sans SC, from the npm package
// @fontsource/noto-sans-sc) so that a machine without Chinese fonts still shows the pane's text.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { workbookToGrids } from "../src/cli/xlsxGrids";
import type { Grid } from "../src/core/grid";

const DIST = join(__dirname, "..", "dist");
// The minified page may drop the attribute's quotes.
const OFFICE_JS = /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};
const FONT_DIR = join(__dirname, "..", "node_modules", "@fontsource", "noto-sans-sc");
// The weights Fluent UI uses: regular, semibold (headers, badges) and bold.
const FONT_CSS = ["400", "600", "700"].map((w) => `<link rel="stylesheet" href="/fonts/noto-sans-sc/${w}.css">`).join("");

async function readGrids(workbook: string | Grid[]): Promise<Grid[]> {
  if (typeof workbook !== "string") return workbook;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  return workbookToGrids(wb);
}

/** Serve the pane on a workbook: an .xlsx file, or grids (a workbook made up by a test). */
export async function startDemoServer(workbook: string | Grid[], port = 0): Promise<{ server: Server; url: string }> {
  const grids = JSON.stringify(await readGrids(workbook));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    try {
      if (path === "/demo.html" || path === "/") {
        const page = await readFile(join(DIST, "taskpane.html"), "utf8");
        if (!OFFICE_JS.test(page)) throw new Error("taskpane.html no longer loads office.js from the CDN");
        const fake = `${FONT_CSS}<script src="/fake/workbook.js"></script><script src="/fake-office.js"></script>`;
        res.writeHead(200, { "content-type": TYPES[".html"] });
        res.end(page.replace(OFFICE_JS, fake));
        return;
      }
      if (path.startsWith("/fonts/noto-sans-sc/")) {
        const file = normalize(join(FONT_DIR, path.slice("/fonts/noto-sans-sc/".length)));
        if (!file.startsWith(FONT_DIR)) throw new Error("outside the font package");
        const body = await readFile(file);
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        res.end(body);
        return;
      }
      if (path === "/fake/workbook.js") {
        res.writeHead(200, { "content-type": TYPES[".js"] });
        res.end(`window.__JUESUAN_FAKE_WORKBOOK__ = ${grids};`);
        return;
      }
      const file = normalize(join(DIST, path));
      if (!file.startsWith(DIST)) throw new Error("outside dist");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch (err) {
      const missing = (err as { code?: string }).code === "ENOENT";
      res.writeHead(missing ? 404 : 500, { "content-type": "text/plain; charset=utf-8" });
      res.end(missing ? "not found" : String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

if (require.main === module) {
  const workbook = process.argv[2] ?? join(__dirname, "..", "samples", "wuhan-2020.xlsx");
  startDemoServer(workbook, Number(process.env.PORT ?? 3001)).then(({ url }) => console.log(`决算助手 demo: ${url}/demo.html （工作簿：${workbook}）`));
}
