// A 自评表 that could not be read is its own SE-未识别, wherever it sits: below or beside a table that was read
// on the same sheet, not only on a sheet with no readable table. A readable table's own parts (budget block,
// indicator rows, 总分, footer, the 得分 summary under it) never raise it; two readable tables raise none.
import type { Finding } from "../../src/core/findings";
import type { Grid } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { checkSelfEvalGrids, selfEvalStatuses } from "../../src/core/scoring/checkSheets";
import { selfEvalLayout } from "../../src/core/scoring/sheet";

const grid = (sheet: string, values: CellValue[][]): Grid => ({ sheet, origin: { row: 0, col: 0 }, values });
const unread = (fs: Finding[]) => fs.filter((f) => f.rule === "SE-未识别").map((f) => [f.severity, f.sheet, f.cells.join(","), f.message]);
const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** A small 附件1 table: its 项目资金 block, two indicators (the second scored 1 point too high) and 总分. */
function table(project: string, header: CellValue[] = HEADER, total = true): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", project],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
    header,
    ["产出指标", "数量指标", "办件量", "≥1000件", "1200件", 50, 50, null],
    ["满意度指标", "服务对象满意度", "满意度", "≥90%", "80%", 40, 36.56, "未达标"],
    ...(total ? [["总分", null, null, null, null, 100, 96.56, null]] : []),
  ];
}

const blank: CellValue[] = [];

describe("SE-未识别 for a 自评表 that could not be read, on a sheet where another was read", () => {
  it("a table whose 三级指标 header is broken, below a readable one: its own error at its title, the readable one checked as alone", () => {
    const broken = table("乙项目", ["一级指标", "二级指标", "指标", "年度指标值", "实际完成值", "分值", "得分", null]);
    const check = checkSelfEvalGrids([grid("两表", [...table("甲项目"), blank, ...broken])]);
    const alone = checkSelfEvalGrids([grid("两表", table("甲项目"))]);
    expect(check.tables.map((t) => [t.project, t.result.total.toFixed(2)])).toEqual([["甲项目", "96.56"]]);
    expect(unread(check.findings)).toEqual([
      ["error", "两表", "A10", "工作表「两表」：标题为“项目支出绩效自评表”（A10 起），但其表头（第 14 行）缺少“三级指标/指标名称”列，无法读取，此表未经校验"],
    ]);
    // Nothing else changes: the readable table's findings are those it has alone.
    expect(check.findings.filter((f) => f.rule !== "SE-未识别")).toEqual(alone.findings);
    expect(selfEvalStatuses(check).map((s) => [s.recognized, s.title])).toEqual([[true, "甲项目"], [false, "项目支出绩效自评表"]]);
  });

  it("the same when the readable table has no 总分 row: its indicator rows end at the next title, not in the broken table", () => {
    const broken = table("乙项目", ["一级指标", "二级指标", "三级指标", "年度指标值", "完成情况", "分值", "得分", null]);
    const check = checkSelfEvalGrids([grid("无总分", [...table("甲项目", HEADER, false), ...broken])]);
    expect(check.tables.map((t) => [t.project, t.result.rows.length])).toEqual([["甲项目", 3]]);
    expect(unread(check.findings).map((f) => [f[2], f[3]])).toEqual([["A8", "工作表「无总分」：标题为“项目支出绩效自评表”（A8 起），但其表头（第 12 行）缺少“实际完成值/完成值”列，无法读取，此表未经校验"]]);
  });

  it("a broken table above a readable one: its own error, and the readable one keeps its own title and project", () => {
    const broken = table("乙项目", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评分", null]);
    const check = checkSelfEvalGrids([grid("上坏下好", [...broken, blank, ...table("甲项目")])]);
    expect(check.tables.map((t) => [t.project, t.result.total.toFixed(2), t.result.rows.length])).toEqual([["甲项目", "96.56", 3]]);
    expect(unread(check.findings).map((f) => [f[2], f[3]])).toEqual([["A1", "工作表「上坏下好」：标题为“项目支出绩效自评表”（A1 起），但其表头（第 5 行）缺少“得分”列，无法读取，此表未经校验"]]);
  });

  it("an untitled readable table under a broken titled one: the title and project stay the broken one's", () => {
    const broken = table("乙项目", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评分", null]);
    const check = checkSelfEvalGrids([grid("无题", [...broken, blank, ...table("甲项目").slice(2)])]);
    expect(check.tables.map((t) => [t.project, t.result.total.toFixed(2), t.result.rows.length])).toEqual([["无题", "96.56", 3]]);
    expect(unread(check.findings).map((f) => f[2])).toEqual(["A1"]);
  });

  it("an untitled 自评表 header (it has 得分) below a readable table, and a title with no header under it at all", () => {
    const values: CellValue[][] = [
      ...table("甲项目"),
      blank,
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "数量指标", "办件量", 50, 50],
      blank,
      ["项目支出绩效自评表"],
      ["项目名称", "丙项目"],
      ["指标", "目标", "完成"],
    ];
    const check = checkSelfEvalGrids([grid("杂", values)]);
    expect(check.tables.map((t) => t.project)).toEqual(["甲项目"]);
    expect(unread(check.findings).map((f) => [f[2], f[3]])).toEqual([
      ["A10", "工作表「杂」：A10 起的自评表表头，但缺少“年度指标值/年初目标值/指标值”“实际完成值/完成值”列，无法读取，此表未经校验"],
      ["A13", "工作表「杂」：标题为“项目支出绩效自评表”（A13 起），但其下未找到含“三级指标”“年度指标值/年初目标值/指标值”“实际完成值/完成值”“得分”的表头，无法读取，此表未经校验"],
    ]);
  });

  it("a table beside a readable one, on the same rows: named at its header, the readable one keeps only its own columns", () => {
    const left = table("甲项目");
    const right = table("乙项目");
    const values = left.map((row, i) => [...row, ...Array(8 - row.length).fill(null), null, ...right[i]]);
    const check = checkSelfEvalGrids([grid("并排", values)]);
    const alone = checkSelfEvalGrids([grid("并排", left)]);
    expect(check.tables.map((t) => [t.project, t.result.total.toFixed(2)])).toEqual([["甲项目", "96.56"]]);
    expect(check.tables[0].result.findings).toEqual(alone.tables[0].result.findings);
    expect(unread(check.findings).map((f) => [f[2], f[3]])).toEqual([["J5", "工作表「并排」：标题为“项目支出绩效自评表”的自评表（表头在 J5）与左侧的“甲项目”并排在同一行：并排的表无法读取，此表未经校验（请将它移到其下方或单独的工作表）"]]);
  });
});

describe("no false SE-未识别", () => {
  it("two readable tables one below the other: both read, each with its own project, no SE-未识别", () => {
    const check = checkSelfEvalGrids([grid("两表", [...table("甲项目"), blank, ...table("乙项目")])]);
    expect(check.tables.map((t) => [t.project, t.result.total.toFixed(2), t.result.rows.length])).toEqual([
      ["甲项目", "96.56", 3],
      ["乙项目", "96.56", 3],
    ]);
    expect(unread(check.findings)).toEqual([]);
  });

  it("two readable tables without 总分 rows: the second's title ends the first, and names the second", () => {
    const check = checkSelfEvalGrids([grid("两表", [...table("甲项目", HEADER, false), ...table("乙项目", HEADER, false)])]);
    expect(check.tables.map((t) => [t.project, t.result.rows.length])).toEqual([
      ["甲项目", 3],
      ["乙项目", 3],
    ]);
    expect(unread(check.findings)).toEqual([]);
  });

  it("the add-in's own table: 自评等级 and the 摘要 (设定分值 / 得分 / 得分率) under its 总分 are its own, not another table", () => {
    const layout = selfEvalLayout("甲项目", [
      { level1: "产出指标", level2: "数量指标", level3: "办件量", target: "≥1000件", actual: "1200件", weight: 60, rule: null },
      { level1: "满意度指标", level2: "满意度", level3: "满意度", target: "≥90%", actual: "95%", weight: 40, rule: null },
    ], [60, 40]);
    const values: CellValue[][] = Array.from({ length: layout.rowCount + 6 }, () => Array<CellValue>(layout.width).fill(null));
    for (const c of layout.cells) {
      const m = /^([A-Z])(\d+)$/.exec(c.address);
      if (m && c.value !== undefined) values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = c.value;
    }
    values[layout.rowCount + 1][0] = "自评等级";
    values[layout.rowCount + 3] = ["摘要", "设定分值", "得分", "得分率"];
    values[layout.rowCount + 4] = ["产出指标", 60, 60, 1];
    values[layout.rowCount + 5] = ["合计", 100, 100, 1];
    const check = checkSelfEvalGrids([grid("自评", values)]);
    expect(check.tables.map((t) => t.project)).toEqual(["甲项目"]);
    expect(unread(check.findings)).toEqual([]);
  });

  it("a heading of the report's text (三、绩效自评结论) and an indicator list (no 得分) below a table are neither", () => {
    const values: CellValue[][] = [...table("甲项目"), blank, ["三、绩效自评结论"], ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值"], ["产出指标", "数量", "甲", "10", "10", 10]];
    expect(unread(checkSelfEvalGrids([grid("文", values)]).findings)).toEqual([]);
  });
});
