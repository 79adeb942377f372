// 检查自评表 on a workbook whose only content is a 摘要版 得分情况 summary (no 自评表 title, no 一级指标 header): the sheet
// is read (src/excel/selfEval.ts looksLikeSelfEval knows 得分率), the summary checked and listed, its wrong rate marked.
import type { Grid } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { checkSelfEvalInExcel, looksLikeSelfEval } from "../../src/excel/selfEval";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";

const values: CellValue[][] = [
  ["一、部门整体绩效自评得分", null, null, null],
  ["项目", "设定分值", "评价得分", "得分率"],
  ["预算管理", 20, 20, "100.00%"],
  ["产出指标", 30, 30, "100.00%"],
  ["效益指标", 20, 20, "100.00%"],
  ["满意度指标", 30, 28, "91.67%"],
  ["合计", 100, 98, "98.00%"],
];
const grid: Grid = { sheet: "摘要版", origin: { row: 0, col: 0 }, values };

describe("检查自评表 on a 摘要版 workbook", () => {
  it("reads the sheet, lists the summary it checked and reports 91.67% for 28/30 on its 得分率 cell", async () => {
    expect(looksLikeSelfEval(grid)).toBe(true);
    const checked = await checkSelfEvalInExcel(openWorkbook(FakeWorkbook.fromGrids([grid])));
    expect(checked.tables).toEqual([]);
    expect(checked.summaries).toEqual([{ sheet: "摘要版", project: "工作表「摘要版」", items: ["预算管理", "产出指标", "效益指标", "满意度指标", "合计"] }]);
    expect(checked.findings.map((f) => [f.rule, f.sheet, f.cells.join(",")])).toEqual([["SE-得分率", "摘要版", "D6"]]);
  });

  it("a sheet of neither (a 决算 table's top rows) is still not read", () => {
    expect(looksLikeSelfEval({ sheet: "表1", origin: { row: 0, col: 0 }, values: [["收入支出决算总表"], ["项目", "金额"]] })).toBe(false);
  });
});
