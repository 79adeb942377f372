// The committed 绩效自评 samples are what scripts/build-samples.ts makes from samples/data.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { REAL_SAMPLES, indicatorListSheet, realSelfEvalSheets, selfEvalSheets } from "../../scripts/samples/selfEval";
import { type SheetSpec, writeWorkbook } from "../../scripts/samples/sheetSpec";
import { workbookToGrids } from "../../src/cli/xlsxGrids";
import { ROOT, readGrids, tempDir } from "../support/workbooks";

const data = (...parts: string[]) => join(ROOT, "samples", "data", ...parts);

describe("the committed 绩效自评 samples", () => {
  it.each<[string, () => SheetSpec[]]>([
    ["wuhan-2020-self-eval.xlsx", () => selfEvalSheets(data("wuhan-2020", "self_eval"))],
    ["self-eval-indicators.xlsx", () => [indicatorListSheet(data("wuhan-2020", "self_eval"))]],
    ...REAL_SAMPLES.map(([file, name]): [string, () => SheetSpec[]] => [file, () => realSelfEvalSheets(data("selfeval-real"), name)]),
  ])("%s is what scripts/build-samples.ts makes from samples/data", async (name, specs) => {
    const path = join(tempDir(), name);
    await writeWorkbook(specs(), path);
    const rebuilt = new ExcelJS.Workbook();
    await rebuilt.xlsx.readFile(path);
    expect(workbookToGrids(rebuilt)).toEqual(await readGrids(join(ROOT, "samples", name)));
  });
});
