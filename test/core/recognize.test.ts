// Recognition is by titles and labels, never by position: offsets, code layouts, class names, sheet names.
import type { Grid } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import type { SheetSpec } from "../../scripts/samples/sheetSpec";
import { setSpecCell, specSheet, wuhanSpecs } from "../support/workbooks";

/** A spec as the grid Excel would hand over (merges included), without going through a file. */
function toGrids(specs: SheetSpec[]): Grid[] {
  return specs.map((s) => ({
    sheet: s.name,
    origin: { row: 0, col: 0 },
    values: s.rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    merges: s.merges.map((m) => {
      const [a, b = a] = m.split(":");
      const rc = (x: string) => ({ row: Number(x.replace(/[A-Z]+/, "")) - 1, col: x.replace(/\d+/, "").charCodeAt(0) - 65 });
      return { top: rc(a).row, left: rc(a).col, bottom: rc(b).row, right: rc(b).col };
    }),
  }));
}

const errors = (specs: SheetSpec[]) =>
  validate(toGrids(specs))
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.sheet}!${f.cells.join(",")}`);

describe("recognition", () => {
  it("finds the tables wherever they sit: a used range that starts at D11", () => {
    const grids = toGrids(wuhanSpecs()).map((g) => (g.sheet === "表1" ? { ...g, origin: { row: 10, col: 3 } } : g));
    const f = validate(grids).findings.find((x) => x.rule === "T1-57");
    expect(f?.cells).toEqual(["I42"]); // F32 moved 10 rows down and 3 columns right
  });

  it("finds them below blank rows and right of blank columns", () => {
    const specs = wuhanSpecs();
    const t1 = specSheet(specs, "表1");
    t1.rows = [[], [], [], ...t1.rows.map((r) => [null, null, ...r])];
    t1.merges = [];
    expect(errors(specs)).toEqual(["T1-57 表1!H35", "X3 表1!H27", "T7-3栏 表7!C7"]);
  });

  it("reads a code written in the same cell as its name", () => {
    const specs = wuhanSpecs();
    const t2 = specSheet(specs, "表2");
    t2.rows = t2.rows.map((r) => (typeof r[0] === "string" && /^\d{3,7}$/.test(r[0]) ? [`${r[0]} ${r[1]}`, null, ...r.slice(2)] : r));
    const { workbook } = validate(toGrids(specs));
    const table = workbook.tables["表2"];
    expect(table?.kind === "code" && table.rows.map((r) => r.code).filter(Boolean)).toHaveLength(34);
    expect(errors(specs)).toEqual(["T1-57 表1!F32", "X3 表1!F24", "T7-3栏 表7!C7"]);
  });

  it("knows old class names and reports a row it cannot match instead of guessing", () => {
    const specs = wuhanSpecs();
    setSpecCell(specSheet(specs, "表1"), "D14", "九、医疗卫生与计划生育支出");
    expect(errors(specs)).toEqual(["T1-57 表1!F32", "X3 表1!F24", "T7-3栏 表7!C7"]);

    setSpecCell(specSheet(specs, "表1"), "D14", "九、卫生费");
    const findings = validate(toGrids(specs)).findings;
    expect(findings.find((f) => f.rule === "ROW")?.message).toMatch(/未能识别的项目“卫生费”/);
    expect(findings.find((f) => f.rule === "T1-57")?.difference).toBe("331.77");
  });

  it("falls back on the sheet name when a table has no title", () => {
    const specs = wuhanSpecs();
    const t3 = specSheet(specs, "表3");
    t3.rows[0] = [];
    const { workbook, findings } = validate(toGrids(specs));
    expect(workbook.tables["表3"]?.sheet).toBe("表3");
    expect(findings.find((f) => f.rule === "REC")?.message).toMatch(/按工作表名识别/);
  });

  it("reads one sheet per table, says which duplicate it ignored, and lists sheets with no table", () => {
    const specs = wuhanSpecs();
    specs.push({ ...specSheet(specs, "表1"), name: "表1 (2)" }, { name: "说明", rows: [["编制说明"]], merges: [], headerRows: [] });
    const { workbook, findings } = validate(toGrids(specs));
    expect(workbook.sheets.find((s) => s.sheet === "表1 (2)")).toEqual(expect.objectContaining({ table: null, candidate: "表1" }));
    expect(workbook.sheets.find((s) => s.sheet === "说明")).toEqual({ sheet: "说明", table: null, reason: "未找到表1–表9的标题" });
    expect(findings.some((f) => f.rule === "REC" && /只校验第一张/.test(f.message))).toBe(true);
  });

  it("reports a 项 whose 款 is missing, and sums it into its 类", () => {
    const specs = wuhanSpecs();
    const t3 = specSheet(specs, "表3");
    t3.rows = t3.rows.filter((r) => r[0] !== "21011");
    const findings = validate(toGrids(specs)).findings.filter((f) => f.table === "表3");
    expect(findings.map((f) => f.rule)).toEqual(["T3-层级", "T3-层级", "T3-层级", "T3-层级"]);
    expect(findings[0].message).toMatch(/上级科目 21011 不在表中/);
  });
});
