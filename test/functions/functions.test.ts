// The JUESUAN custom functions called directly, and the functions.json the build generates for them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  check,
  checkRange,
  level,
  name,
  scoreBandCell,
  scoreBudgetCell,
  scoreGradeCell,
  scoreIndicatorCell,
  scoreQualitativeCell,
  subtotal,
} from "../../src/functions/functions";
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

describe("JUESUAN.SCORE.*", () => {
  it("INDICATOR: by the target's own sign, or the method or rule text given", () => {
    expect(scoreIndicatorCell("4次/季", "3次", 4)).toBe(3);
    expect(scoreIndicatorCell("≥90%", "计划完成时效达62%", 1)).toBe(0.69);
    expect(scoreIndicatorCell("≤4小时", "5小时", 10)).toBe(8);
    expect(scoreIndicatorCell("4小时", "5小时", 10, "反向线性")).toBe(7.5);
    expect(scoreIndicatorCell("95%", "96.73%", 20, "对办事群众满意度达95%-100%得20分,90%-95%得19分")).toBe(20);
    expect(scoreIndicatorCell("", "61套", 10, "完成值达到目标值计满分(9分)…扣1分")).toBe(8);
  });

  it("INDICATOR: unreadable input is #VALUE!, an unscorable row #N/A with the reason", () => {
    isError(scoreIndicatorCell("≥5个", "5个", "十分"), "#VALUE!", /分值“十分”不是数字/);
    isError(scoreIndicatorCell("1次,5人", "11家单位", 4), "#N/A", /计量单位不同，无法比较/);
  });

  it("BUDGET, BAND, QUALITATIVE, GRADE", () => {
    expect(scoreBudgetCell(834.99, 834.99, 20)).toBe(20);
    expect(scoreBudgetCell(100, 87.5)).toBe(8.75);
    isError(scoreBudgetCell("见附表", 1, 20), "#VALUE!", /应为数字/);
    expect(scoreBandCell("96.73%", [["对满意度达97%-100%得10分,94%-97%得9分,85%-94%得8分"]])).toBe(9);
    expect(scoreBandCell(92, [[95, 100, 20], [90, 95, 19], [85, 90, 18]])).toBe(19);
    isError(scoreBandCell("满意", [["95%-100%得20分"]]), "#VALUE!", /没有数值/);
    isError(scoreBandCell(92, [["按完成比率计分"]]), "#VALUE!", /没有.*分档/);
    expect(scoreQualitativeCell("达成年度指标", 10)).toBe(10);
    expect(scoreQualitativeCell("较好", 10)).toBe(8);
    expect(scoreQualitativeCell("85%", 10)).toBe(8.5);
    isError(scoreQualitativeCell("还行", 10), "#VALUE!", /无法识别等级“还行”/);
    expect([scoreGradeCell(91.98), scoreGradeCell(87.44), scoreGradeCell("60"), scoreGradeCell(59.99)]).toEqual(["优", "良", "中", "差"]);
    isError(scoreGradeCell("高"), "#VALUE!", /不是数字/);
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
    ["SCORE.INDICATOR", [["target", undefined, undefined], ["actual", undefined, undefined], ["weight", undefined, undefined], ["method", undefined, true]], undefined],
    ["SCORE.BUDGET", [["budget", undefined, undefined], ["executed", undefined, undefined], ["weight", undefined, true]], undefined],
    ["SCORE.BAND", [["actual", undefined, undefined], ["rule", "matrix", undefined]], undefined],
    ["SCORE.QUALITATIVE", [["grade", undefined, undefined], ["weight", undefined, undefined]], undefined],
    ["SCORE.GRADE", [["total", undefined, undefined]], undefined],
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
