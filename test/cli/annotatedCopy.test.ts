// The annotated copy, read back cell by cell against its input: the cells that have a finding are filled and
// noted, and no other cell differs — value, formula or style — on either sample.
import ExcelJS from "exceljs";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { REPORT_SHEET } from "../../src/cli/annotate";
import { planMarks } from "../../src/core/marks";
import type { Finding } from "../../src/core/findings";
import { SHANGHAI_XLSX, WUHAN_XLSX, tempDir } from "../support/workbooks";

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => out.set(cell.address, cell)));
  return out;
}

const json = (x: unknown) => JSON.stringify(x ?? null);

describe.each([
  ["Wuhan", WUHAN_XLSX],
  ["Shanghai", SHANGHAI_XLSX],
])("the annotated copy of the %s sample", (_, sample) => {
  let input: ExcelJS.Workbook;
  let copy: ExcelJS.Workbook;
  let marked: Set<string>;
  let inputBytes: Buffer;
  let inputPath: string;

  beforeAll(async () => {
    const dir = tempDir();
    inputPath = join(dir, "in.xlsx");
    copyFileSync(sample, inputPath);
    inputBytes = readFileSync(inputPath);
    let out = "";
    await run(["check", inputPath, "--json", "--out", join(dir, "copy.xlsx")], (t) => {
      out += t;
    });
    const findings = JSON.parse(out).findings as Finding[];
    marked = new Set(planMarks(findings).map((m) => `${m.sheet}!${m.address}`));
    input = await load(inputPath);
    copy = await load(join(dir, "copy.xlsx"));
  });

  it("has findings to mark (else this test proves nothing)", () => {
    expect(marked.size).toBeGreaterThan(0);
  });

  it("fills exactly the marked cells, and every other cell keeps its value, formula and style", () => {
    const filled: string[] = [];
    const changed: string[] = [];
    for (const ws of input.worksheets) {
      const other = copy.getWorksheet(ws.name)!;
      const a = cellsOf(ws);
      const b = cellsOf(other);
      for (const address of new Set([...a.keys(), ...b.keys()])) {
        const key = `${ws.name}!${address}`;
        const before = ws.getCell(address);
        const after = other.getCell(address);
        if (json(before.value) !== json(after.value) || json(before.formula) !== json(after.formula)) changed.push(key);
        if (json(before.fill) !== json(after.fill)) filled.push(key);
        else if (!marked.has(key) && json(before.style) !== json(after.style)) changed.push(`${key} (style)`);
      }
    }
    expect(changed).toEqual([]);
    expect(filled.sort()).toEqual([...marked].sort());
  });

  it("notes each marked cell and adds the report sheet; the input is unchanged", () => {
    for (const key of marked) {
      const [sheet, address] = key.split("!");
      expect(String(copy.getWorksheet(sheet)!.getCell(address).note ?? "")).not.toBe("");
    }
    expect(copy.getWorksheet(REPORT_SHEET)).toBeDefined();
    expect(readFileSync(inputPath).equals(inputBytes)).toBe(true);
  });
});
