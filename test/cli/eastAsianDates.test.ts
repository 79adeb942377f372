// Excel's East-Asian built-in date and time formats (numFmtId 27–36, 50–58): styles.xml names them by id only,
// with no format code. The command line reads such a cell as a date, as Excel shows it, never as its serial
// number (3月5日 typed into an amount cell is not 45,721 yuan).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EAST_ASIAN_DATE_IDS } from "../../src/cli/builtinFormats";
import { run } from "../../src/cli/main";
import { readWorkbook } from "../../src/cli/openWorkbook";
import { parseStyles } from "../../src/cli/sheetXml";
import { cellAt } from "../../src/core/grid";
import { WUHAN_XLSX, tempDir } from "../support/workbooks";

const PLACEHOLDER = "PLACEHOLDER";

/** The workbook with the cell format ExcelJS wrote for PLACEHOLDER turned into built-in `id`, as Excel in
 *  Chinese writes it: the xf names the id and styles.xml has no <numFmt> for it. */
async function withBuiltinFormat(wb: ExcelJS.Workbook, id: number, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const styles = await zip.file("xl/styles.xml")?.async("string");
  const placeholder = styles && new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${PLACEHOLDER}"\\s*/>`).exec(styles);
  if (!styles || !placeholder) throw new Error("ExcelJS wrote no numFmt for the placeholder");
  const patched = styles.replace(placeholder[0], "").replaceAll(`numFmtId="${placeholder[1]}"`, `numFmtId="${id}"`);
  expect(patched).not.toContain(PLACEHOLDER);
  zip.file("xl/styles.xml", patched);
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
  return path;
}

const styles = (xfs: string, numFmts = "") =>
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<cellXfs count="2"><xf numFmtId="0"/>${xfs}</cellXfs></styleSheet>`;

describe("the East-Asian built-in date formats", () => {
  it("lists every id of ECMA-376 §18.8.30 that depends on the language", () => {
    expect(EAST_ASIAN_DATE_IDS).toEqual([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
  });

  it.each(EAST_ASIAN_DATE_IDS)("knows id %i, named without a format code, as a date or time format", (id) => {
    const formats = parseStyles(styles(`<xf numFmtId="${id}" applyNumberFormat="1"/>`));
    expect(formats.dates).toEqual([false, true]);
    expect(formats.codes[1]).toMatch(/[ymdhs]/);
    expect(formats.codes[1]).not.toContain("%");
  });

  it("gives the zh-cn codes: 31 is 2020年12月31日, 58 is 12月31日, 32 is 12时00分", () => {
    const formats = parseStyles(styles(['<xf numFmtId="31"/>', '<xf numFmtId="58"/>', '<xf numFmtId="32"/>'].join("")));
    expect(formats.codes).toEqual([null, 'yyyy"年"m"月"d"日"', 'm"月"d"日"', 'h"时"mm"分"']);
  });

  it("lets the file's own code for an id win, and leaves an id with no code at all (5) without one", () => {
    const formats = parseStyles(styles('<xf numFmtId="58"/><xf numFmtId="5"/>', '<numFmts count="1"><numFmt numFmtId="58" formatCode="0.00"/></numFmts>'));
    expect(formats.codes).toEqual([null, "0.00", null]);
    expect(formats.dates).toEqual([false, false, false]);
  });

  it.each(EAST_ASIAN_DATE_IDS)("reads a cell in id %i from an .xlsx as its date, not its serial number", async (id) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "完成时间";
    // 2020-12-31 12:00: a date for the date formats, the same day for the time formats.
    ws.getCell("B1").value = 44196.5;
    ws.getCell("B1").numFmt = PLACEHOLDER;
    const read = await readWorkbook(await withBuiltinFormat(wb, id, join(tempDir(), `id${id}.xlsx`)));
    if (!read.ok) throw new Error(read.reason);
    const grid = read.sheets[0].grid;
    expect(cellAt(grid, 0, 1)).toBe("2020-12-31");
    expect(grid.numberFormats?.[0]?.[1]).toMatch(/[ymdhs]/);
  });

  it("end to end: 3月5日 (id 58) in a 表1 amount cell is named as not an amount, not summed as 45721.00", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(WUHAN_XLSX);
    const cell = wb.getWorksheet("表1")?.getCell("C8");
    if (!cell) throw new Error("no 表1");
    // 国有资本经营预算财政拨款收入, empty in the sample; what Excel stores for 3/5 typed there.
    expect(cell.value).toBeNull();
    cell.value = 45721;
    cell.numFmt = PLACEHOLDER;
    const path = await withBuiltinFormat(wb, 58, join(tempDir(), "date-in-amount.xlsx"));
    let out = "";
    const code = await run(["check", path, "--json"], (t) => {
      out += t;
    });
    expect(code).toBe(1);
    const report = JSON.parse(out) as { findings: { rule: string; cells: string[]; message: string; difference: string | null }[] };
    const named = report.findings.find((f) => f.rule === "AMT" && f.cells.includes("C8"));
    expect(named?.message).toContain("“2025-03-05” 不是金额");
    // The serial is nowhere: not as 表1's 本年收入合计 off by 45721, nor in 表2/表4's cross checks.
    expect(out).not.toContain("45721");
    expect(report.findings.filter((f) => ["T1-27", "X2", "X4"].includes(f.rule)).every((f) => f.difference === null)).toBe(true);
  });
});
