// A local server for the built task pane with the fake Excel host standing in for office.js, loaded with a
// workbook: `npm run demo` for a look in any browser, and the browser test's server.
// The add-in's own taskpane.html is served unchanged at /taskpane.html; /demo.html is the same page with
// office.js swapped for the fake host and the workbook.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { workbookToGrids } from "../src/cli/xlsxGrids";

const DIST = join(__dirname, "..", "dist");
// The minified page may drop the attribute's quotes.
const OFFICE_JS = /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/;
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".json": "application/json" };

export async function startDemoServer(workbookPath: string, port = 0): Promise<{ server: Server; url: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbookPath);
  const grids = JSON.stringify(workbookToGrids(wb));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    try {
      if (path === "/demo.html" || path === "/") {
        const page = await readFile(join(DIST, "taskpane.html"), "utf8");
        if (!OFFICE_JS.test(page)) throw new Error("taskpane.html no longer loads office.js from the CDN");
        res.writeHead(200, { "content-type": TYPES[".html"] });
        res.end(page.replace(OFFICE_JS, '<script src="/fake/workbook.js"></script><script src="/fake-office.js"></script>'));
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
