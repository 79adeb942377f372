// The JUESUAN custom functions called directly, and the functions.json the build generates for them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check, checkRange, level, name, subtotal } from "../../src/functions/functions";
import { createFakeHost } from "../fakeHost/office";
import { FakeWorkbook } from "../fakeHost/state";
import { FakeCustomFunctionError, installCustomFunctions } from "../support/customFunctions";
import { ROOT, SHANGHAI_XLSX, WUHAN_XLSX, readGrids, withCell } from "../support/workbooks";

beforeAll(installCustomFunctions);

const isError = (v: unknown, code: string, message: RegExp) => {
  expect(v).toBeInstanceOf(FakeCustomFunctionError);
  expect((v as FakeCustomFunctionError).code).toBe(code);
  expect((v as FakeCustomFunctionError).message).toMatch(message);
};

describe("JUESUAN.LEVEL and JUESUAN.NAME", () => {
  it("gives the level of a code typed as number or text", () => {
    expect([level(201), level("20103"), level(2010301), level("２０１")]).toEqual(["类", "款", "项", "类"]);
  });

  it("answers a bad code with #VALUE! and a Chinese message", () => {
    isError(level("2010"), "#VALUE!", /不是3、5或7位的科目编码/);
    isError(level(""), "#VALUE!", /不是/);
    isError(level("201 一般"), "#VALUE!", /不是/);
  });

  it("names a code from the catalogue, or says #N/A with where to get a fuller one", () => {
    expect(name(2080505)).toBe("机关事业单位基本养老保险缴费支出");
    expect(name("30101")).toBe("基本工资");
    isError(name(2999999), "#N/A", /科目目录中没有 2999999/);
    isError(name("abc"), "#VALUE!", /不是/);
  });
});

describe("JUESUAN.SUBTOTAL", () => {
  let codes: unknown[][];
  let totals: unknown[][];
  beforeAll(async () => {
    const t3 = (await readGrids(WUHAN_XLSX)).find((g) => g.sheet === "表3")!;
    const rows = t3.values.slice(6, 40).filter((r) => r[0] !== null);
    codes = rows.map((r) => [r[0] ?? ""]);
    totals = rows.map((r) => [r[2] ?? ""]);
  });

  it("sums the deepest rows under a code, whatever else the column holds", () => {
    expect(subtotal(codes, totals, 20103)).toBe(10096.83);
    expect(subtotal(codes, totals, "201")).toBe(10096.83);
    expect(subtotal(codes, totals, 221)).toBe(610.44);
    expect(subtotal(codes, totals, "2080505")).toBe(201.37);
    expect(subtotal(codes, totals, 208)).toBe(418.64);
  });

  it("answers bad arguments with #VALUE! and says which", () => {
    isError(subtotal(codes, totals.slice(1), 201), "#VALUE!", /编码区域有 \d+ 个单元格，金额区域有 \d+ 个/);
    isError(subtotal(codes, totals, 299), "#VALUE!", /没有科目 299/);
    isError(subtotal(codes, totals, "x"), "#VALUE!", /不是3、5或7位/);
    const broken = totals.map((r, i) => (i === 3 ? ["见附表"] : r));
    isError(subtotal(codes, broken, 201), "#VALUE!", /第 4 行（2010302）的金额无法读取：“见附表” 不是金额/);
  });
});

describe("JUESUAN.CHECK", () => {
  it("on the Wuhan 表1 range, spills the 表1 findings", async () => {
    const t1 = (await readGrids(WUHAN_XLSX)).find((g) => g.sheet === "表1")!;
    const spilled = checkRange(t1.values, "表1!A1:F39");
    expect(spilled).toEqual([["T1-57", "F32", expect.stringMatching(/第57行 本年支出合计.*23327\.87.*23327\.91/)]]);
    // The same table elsewhere on a sheet: the cells follow it.
    expect(checkRange(t1.values, "'Sheet 2'!C5:H43")[0].slice(0, 2)).toEqual(["T1-57", "H36"]);
  });

  it("says 通过 for a table without findings, and #VALUE! for a range without a table", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    expect(checkRange(grids.find((g) => g.sheet === "表3")!.values, "表3!A1:H40")).toEqual([["通过", "", ""]]);
    const [[e]] = checkRange([["编制说明"], [1, 2]], "说明!A1:B2");
    isError(e, "#VALUE!", /没有可识别的表/);
  });

  it("checks the whole workbook through the shared runtime", async () => {
    const run = async (grids: Awaited<ReturnType<typeof readGrids>>) => {
      const host = createFakeHost(FakeWorkbook.fromGrids(grids));
      Object.assign(globalThis, { Excel: host.Excel, Office: host.Office });
      try {
        return await check(undefined, undefined);
      } finally {
        Object.assign(globalThis, { Excel: undefined, Office: undefined });
      }
    };
    const wuhan = await readGrids(WUHAN_XLSX);
    expect(await run(wuhan)).toEqual([["3 处错误, 0 处尾差"]]);
    expect(await run(await readGrids(SHANGHAI_XLSX))).toEqual([["0 处错误, 10 处尾差"]]);
    expect(await run(withCell(withCell(wuhan, "表1", "F24", 610.44), "表7", "E7", 30.5))).toEqual([["通过"]]);
  });
});

describe("functions.json, as the build generates it", () => {
  const path = join(ROOT, "dist", "functions.json");
  const meta = () => JSON.parse(readFileSync(path, "utf8")) as { functions: { id: string; name: string; description: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[]; result: { dimensionality?: string }; options?: Record<string, boolean> }[] };

  it("exists (npm test builds it)", () => {
    expect(existsSync(path)).toBe(true);
  });

  it.each([
    ["CHECK", [["range", "matrix", true]], "matrix"],
    ["LEVEL", [["code", undefined, undefined]], undefined],
    ["NAME", [["code", undefined, undefined]], undefined],
    ["SUBTOTAL", [["codes", "matrix", undefined], ["amounts", "matrix", undefined], ["code", undefined, undefined]], undefined],
  ])("declares %s with its parameters and a Chinese description", (id, params, result) => {
    const f = meta().functions.find((x) => x.id === id);
    expect(f?.name).toBe(id);
    expect(f?.parameters.map((p) => [p.name, p.dimensionality, p.optional])).toEqual(params);
    expect(f?.result.dimensionality).toBe(result);
    expect(f?.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("CHECK is volatile and receives its range's address; the manifest's namespace is JUESUAN", () => {
    expect(meta().functions.find((x) => x.id === "CHECK")?.options).toEqual({ volatile: true, requiresParameterAddresses: true });
    expect(readFileSync(join(ROOT, "manifest.xml"), "utf8")).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="JUESUAN"\/>/);
  });
});
