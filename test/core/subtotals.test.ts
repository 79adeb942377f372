import { Catalog, parseCatalogCsv } from "../../src/core/catalog/catalog";
import { referencedCells, sumFormula } from "../../src/core/subtotals/formula";
import { planSubtotals } from "../../src/core/subtotals/plan";
import { recognizeWorkbook } from "../../src/core/tables/recognize";
import { validate } from "../../src/core/validate";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

describe("subtotal formulas", () => {
  it("spells out a few cells, ranges runs of rows, keeps signs in order", () => {
    expect(sumFormula([{ address: "D8", sign: 1 }])).toBe("=D8");
    expect(sumFormula([{ address: "D8", sign: 1 }, { address: "D12", sign: 1 }])).toBe("=D8+D12");
    expect(sumFormula(["D8", "D9", "D10", "D11"].map((address) => ({ address, sign: 1 as const })))).toBe("=SUM(D8:D11)");
    expect(sumFormula(["D7", "D12", "D13", "D14", "D20"].map((address) => ({ address, sign: 1 as const })))).toBe("=SUM(D7,D12:D14,D20)");
    expect(sumFormula([{ address: "E6", sign: 1 }, { address: "F6", sign: 1 }, { address: "G6", sign: -1 }])).toBe("=E6+F6-G6");
    expect(referencedCells("=SUM(D7,D12:D14)")).toEqual(["D7", "D12", "D13", "D14"]);
  });
});

describe("the plan", () => {
  it("reports a 项 whose 款 is missing, with the catalogue's name for it", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const t3 = grids.find((g) => g.sheet === "表3")!;
    const without = grids.map((g) => (g === t3 ? { ...g, values: g.values.filter((r) => r[0] !== "21011") } : g));
    const plan = planSubtotals(recognizeWorkbook(without), { mode: "value", tables: ["表3"], catalog: Catalog.builtin() });
    const firstChild = without.find((g) => g.sheet === "表3")!.values.findIndex((r) => r[0] === "2101101");
    expect(plan.missing).toEqual([
      {
        table: "表3",
        sheet: "表3",
        code: "21011",
        name: "行政事业单位医疗",
        children: ["项2101101 行政单位医疗", "项2101102 事业单位医疗", "项2101103 公务员医疗补助", "项2101199 其他行政事业单位医疗支出"],
        insertAt: firstChild,
        cells: [
          { column: "A", value: "21011" },
          { column: "B", value: "行政事业单位医疗" },
        ],
      },
    ]);
  });

  it("never writes a 0 into an empty table, and names an unreadable part instead of guessing", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const plan = planSubtotals(recognizeWorkbook(grids), { mode: "formula", tables: ["表8", "表9"] });
    expect(plan.writes).toEqual([]);
    const broken = grids.map((g) => (g.sheet === "表2" ? { ...g, values: g.values.map((r, i) => (i === 8 ? r.map((v, c) => (c === 2 ? "#REF!" : v)) : r)) } : g));
    const withRef = planSubtotals(recognizeWorkbook(broken), { mode: "value", tables: ["表2"] });
    expect(withRef.problems.join("\n")).toMatch(/20103.*无法读取/);
  });
});

describe("the catalogue", () => {
  it("knows class names old and new, and holds names only against verified rows", () => {
    const c = Catalog.builtin();
    expect(c.nameMatches("210", "卫生健康支出")).toBe(true);
    expect(c.nameMatches("210", "医疗卫生与计划生育支出")).toBe(true);
    expect(c.nameMatches("2101101", "行政单位 医疗")).toBe(true);
    expect(c.nameMatches("2101101", "事业单位医疗")).toBe(false);
    expect(c.nameMatches("9999999", "x")).toBeUndefined();
    expect(c.lookup("31299", "economic")?.verified).toBe(false);
    expect(c.nameMatches("31299", "其他对企业补贴", "economic")).toBeUndefined();
  });

  it("imports a user's CSV and says which lines it could not read", () => {
    const { entries, rejected } = parseCatalogCsv("编码,名称\n2101101,行政单位医疗（新）\n31299,其他对企业补贴\n12,太短\n2050101,\n");
    expect(entries).toEqual([
      { code: "2101101", name: "行政单位医疗（新）", scheme: "function" },
      { code: "31299", name: "其他对企业补贴", scheme: "economic" },
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, "科目编码应为3、5或7位数字"],
      [5, "缺少科目名称"],
    ]);
    const c = Catalog.builtin().withUser(entries);
    expect(c.nameMatches("2101101", "行政单位医疗（新）")).toBe(true);
    expect(c.nameMatches("2101101", "行政单位医疗")).toBe(true); // the old name stays an alias
    expect(c.nameMatches("31299", "其他对企业补贴", "economic")).toBe(true);
  });

  it("warns on a known code printed under another name", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const edited = grids.map((g) => (g.sheet === "表3" ? { ...g, values: g.values.map((r) => (r[0] === "2101101" ? [r[0], "事业单位医疗", ...r.slice(2)] : r)) } : g));
    const f = validate(edited).findings.filter((x) => x.rule === "CAT-名称");
    expect(f.map((x) => [x.table, x.cells[0], x.expected, x.found])).toEqual([["表3", "C27", "行政单位医疗", "事业单位医疗"]]);
  });
});
