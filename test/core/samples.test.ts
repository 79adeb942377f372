// The published documents' own errors, and nothing else: the acceptance figures of the foundation issue.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { workbookToGrids } from "../../src/cli/xlsxGrids";
import type { Finding } from "../../src/core/findings";
import { validate } from "../../src/core/validate";
import { writeWorkbook } from "../../scripts/samples/sheetSpec";
import { SHANGHAI_XLSX, WUHAN_XLSX, readGrids, shanghaiSpecs, tempDir, withCell, wuhanSpecs } from "../support/workbooks";

const brief = (f: Finding) => ({ rule: f.rule, sheet: f.sheet, cells: f.cells, expected: f.expected, found: f.found, difference: f.difference });

describe("Wuhan 2020 sample (central template)", () => {
  let grids: Awaited<ReturnType<typeof readGrids>>;
  beforeAll(async () => {
    grids = await readGrids(WUHAN_XLSX);
  });

  it("recognises all nine tables on their sheets", () => {
    const { workbook } = validate(grids);
    expect(Object.keys(workbook.tables).sort()).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"]);
    expect(workbook.sheets.every((s) => s.table === s.sheet)).toBe(true);
  });

  it("reports exactly the errors of the published document", () => {
    const errors = validate(grids).findings.filter((f) => f.severity === "error");
    expect(errors.map(brief)).toEqual([
      { rule: "T1-57", sheet: "表1", cells: ["F32"], expected: "23327.87", found: "23327.91", difference: "0.04" },
      { rule: "X3", sheet: "表1", cells: ["F24"], expected: "610.44", found: "610.40", difference: "-0.04" },
      { rule: "T7-3栏", sheet: "表7", cells: ["C7"], expected: "0.00", found: "30.50", difference: "30.50" },
    ]);
    // Row 49 of 表1 is F24; 表3 class 221 is its row 36, 本年支出合计 in column C.
    expect(errors[1].related).toEqual(["表3!C36"]);
    expect(errors[1].message).toMatch(/第49行 住房保障支出.*610\.44.*610\.40/);
  });

  it("reports the wrong printed note of 表4 as information, and nothing else besides the errors", () => {
    const rest = validate(grids).findings.filter((f) => f.severity !== "error");
    expect(rest.map((f) => [f.severity, f.rule, f.table])).toEqual([["info", "NOTE", "表4"]]);
    expect(rest[0].message).toMatch(/57行=\(33\+34\+····\+58\)行.*59行.*债务付息支出/);
  });

  it("a copy with the published errors corrected has no error", () => {
    const fixed = withCell(withCell(grids, "表1", "F24", 610.44), "表7", "E7", 30.5);
    const findings = validate(fixed).findings;
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("strict mode changes nothing here: the published errors are beyond rounding", () => {
    expect(validate(grids, { strict: true }).findings.filter((f) => f.severity === "error")).toHaveLength(3);
  });
});

describe("Shanghai 2024 sample (Shanghai template)", () => {
  let grids: Awaited<ReturnType<typeof readGrids>>;
  beforeAll(async () => {
    grids = await readGrids(SHANGHAI_XLSX);
  });

  it("recognises all nine tables though no sheet is named for its table", () => {
    const { workbook } = validate(grids);
    expect(workbook.sheets.map((s) => s.table)).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"]);
  });

  it("reports the ten 0.01–0.02 differences of its README as 尾差 warnings, and no error", () => {
    const findings = validate(grids).findings;
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const rounding = findings.filter((f) => f.rounding);
    expect(rounding.every((f) => f.severity === "warning")).toBe(true);
    // Each README line: rule family, table, found, expected.
    expect(rounding.map((f) => `${f.rule} ${f.table} ${f.found} vs ${f.expected}`).sort()).toEqual(
      [
        "X3 表1 326.71 vs 326.72",
        "T2-合计 表2 2946.25 vs 2946.26",
        "T2-合计 表2 2940.05 vs 2940.06",
        "T3-合计 表3 2940.05 vs 2940.06",
        "T3-合计 表3 2336.91 vs 2336.92",
        "T5-合计 表5 2940.05 vs 2940.06",
        "T5-合计 表5 2336.91 vs 2336.92",
        "X5 表4 326.71 vs 326.72",
        "T6-类 表6 2082.85 vs 2082.86",
        "T6-类 表6 171.07 vs 171.09",
      ].sort(),
    );
  });

  it("strict mode turns every 尾差 into an error", () => {
    const errors = validate(grids, { strict: true }).findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(10);
  });

  it("a wider difference is an error, not a 尾差", () => {
    // 表1 社会保障和就业支出 326.71 → 326.61: 0.11 away from 表3, beyond the 0.01 envelope.
    const sheet = grids[0].sheet;
    const x3 = validate(grids).findings.find((f) => f.rule === "X3");
    const edited = withCell(grids, sheet, x3?.cells[0] ?? "", 326.61);
    const errors = validate(edited).findings.filter((f) => f.severity === "error").map((f) => f.rule);
    expect(errors).toEqual(expect.arrayContaining(["X3", "T1-57"]));
  });

  it("says that 表9 is empty without the statement the fixture records for 表8", () => {
    const x11 = validate(grids).findings.filter((f) => f.rule === "X11");
    expect(x11.map((f) => [f.table, f.severity])).toEqual([["表9", "warning"]]);
  });
});

describe("the committed sample workbooks", () => {
  it.each([
    ["wuhan-2020.xlsx", wuhanSpecs],
    ["shanghai-putuo-czj-2024.xlsx", shanghaiSpecs],
  ])("%s is what scripts/build-samples.ts makes from samples/data", async (name, specs) => {
    const path = join(tempDir(), name);
    await writeWorkbook(specs(), path);
    const rebuilt = new ExcelJS.Workbook();
    await rebuilt.xlsx.readFile(path);
    const committed = await readGrids(join(__dirname, "..", "..", "samples", name));
    expect(workbookToGrids(rebuilt)).toEqual(committed);
  });
});
