// The 得分情况 summary of a 自评 (摘要版: 项目 | 设定分值 | 得分 | 得分率) is read from a sheet and checked by the 自评表
// check: the seed's four 摘要版 tables (samples/data/wuhan-2020/self_eval/summaries.csv) laid out as the report
// prints them, and the summary the add-in writes under its own 自评表 (src/core/scoring/sheet.ts: 得分率 = 得分/分值).
import { join } from "node:path";
import type { Grid } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { checkSelfEvalGrids } from "../../src/core/scoring/checkSheets";
import { readSummaries } from "../../src/core/scoring/readSummary";
import { readCsv } from "../../scripts/samples/sheetSpec";
import { ROOT, WUHAN_XLSX, readGrids } from "../support/workbooks";

const lines = readCsv(join(ROOT, "samples", "data", "wuhan-2020", "self_eval", "summaries.csv"));
const projects = [...new Set(lines.map((l) => l.project))];

/** One project's table as the report prints it: 部门整体 with 评价得分 and 合计, the projects with 得分 and 合 计. */
function printed(project: string): CellValue[][] {
  const whole = project === "部门整体";
  return [
    [whole ? "一、部门整体绩效自评得分" : "一、自评得分", null, null, null],
    [whole ? "项目" : "项 目", "设定分值", whole ? "评价得分" : "得分", "得分率"],
    ...lines.filter((l) => l.project === project).map((l) => [whole || l.item !== "合计" ? l.item : "合 计", Number(l.weight), Number(l.score), `${l.rate}%`]),
  ];
}

const grid = (sheet: string, values: CellValue[][], numberFormats?: (string | null)[][]): Grid => ({ sheet, origin: { row: 0, col: 0 }, values, numberFormats });
const shown = (grids: Grid[]) => checkSelfEvalGrids(grids).findings.map((f) => [f.rule, f.sheet, f.cells.join(","), f.found, f.expected, f.message]);

describe("the 摘要版 得分情况 tables of the seed", () => {
  it("one sheet each: the only wrong rate is 部门整体 满意度指标, 91.67% printed for 28/30 = 93.33%", () => {
    expect(shown(projects.map((p) => grid(p, printed(p))))).toEqual([
      ["SE-得分率", "部门整体", "D6", "91.67", "93.33", "工作表「部门整体」：满意度指标得分率 91.67% 与 28.00/30.00 = 93.33% 不符"],
    ]);
  });

  it("all four on one sheet, one below the other: each read to its 合计, the same one finding", () => {
    const values = projects.flatMap((p) => [...printed(p), [null, null, null, null]]);
    const blocks = readSummaries(grid("摘要", values));
    expect(blocks.map((b) => b.map((l) => l.item).join("|"))).toEqual(projects.map((p) => lines.filter((l) => l.project === p).map((l) => l.item).join("|")));
    expect(shown([grid("摘要", values)]).map((f) => f.slice(0, 5))).toEqual([["SE-得分率", "摘要", "D6", "91.67", "93.33"]]);
  });

  it("a 总计 line is the total too: checked against the sum, never summed as a line", () => {
    const values = printed("市民之家大楼运行维护费").map((row) => (row[0] === "合 计" ? ["总计", 100, 99.1, "99.10%"] : row));
    expect(shown([grid("市民之家", values)]).map((f) => f.slice(0, 5))).toEqual([["SE-总分", "市民之家", "C7", "99.10", "99.09"]]);
  });

  it("a 合计 that is not the sum of its lines is reported on its 得分 cell", () => {
    const values = printed("市民之家大楼运行维护费").map((row) => (row[0] === "合 计" ? [row[0], 100, 99.1, "99.10%"] : row));
    expect(shown([grid("市民之家", values)]).map((f) => f.slice(0, 5))).toEqual([["SE-总分", "市民之家", "C7", "99.10", "99.09"]]);
  });
});

describe("the summary under the add-in's own 自评表", () => {
  // 得分率 = C/B: a fraction, shown as a percent where the cell has a percent format.
  const values: CellValue[][] = [
    ["摘要", "设定分值", "得分", "得分率"],
    ["预算管理", 20, 20, 1],
    ["产出指标", 40, 39.09, 39.09 / 40],
    ["满意度指标", 30, 28, 28 / 30],
    ["合计", 90, 87.09, 87.09 / 90],
  ];

  it("passes when each rate is its formula's, with or without a percent format", () => {
    expect(shown([grid("自评", values)])).toEqual([]);
    expect(shown([grid("自评", values, values.map(() => [null, null, null, "0.00%"]))])).toEqual([]);
  });

  it("reports a rate typed over the formula (0.9167 shown as 91.67%)", () => {
    const typed = values.map((row, i) => (i === 3 ? [...row.slice(0, 3), 0.9167] : row));
    expect(shown([grid("自评", typed, values.map(() => [null, null, null, "0.00%"]))]).map((f) => f.slice(0, 5))).toEqual([["SE-得分率", "自评", "D4", "91.67", "93.33"]]);
  });
});

describe("what is not a 得分情况 summary", () => {
  it("is not read as one: a 决算 workbook, a 自评表 header with a 得分率 column, a summary without item names", async () => {
    expect((await readGrids(WUHAN_XLSX)).flatMap((g) => readSummaries(g))).toEqual([]);
    const indicatorHeader = [["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率"], ["产出指标", "数量指标", "完成数", 10, 9, "80%"]];
    expect(readSummaries(grid("表", indicatorHeader))).toEqual([]);
    expect(readSummaries(grid("表", [["设定分值", "得分", "得分率"], [20, 20, "100%"]]))).toEqual([]);
  });
});
