// Every 自评表 family read by its labels, from the committed samples (real tables, cell for cell as published):
// what each says is wrong, and that nothing else is reported; the seed's nine tables in their own layout.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../src/core/findings";
import type { Grid } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { checkSelfEvalGrids, selfEvalStatuses } from "../../src/core/scoring/checkSheets";
import { readSelfEvalTables } from "../../src/core/scoring/read";
import { evaluateSelfEval } from "../../src/core/scoring/selfEval";
import { ROOT, WUHAN_SELF_EVAL_DISAGREEING, disagreement, readGrids } from "../support/workbooks";

const sample = (name: string) => readGrids(join(ROOT, "samples", name));
const brief = (f: Finding) => [f.rule, f.severity, f.cells.join(","), f.expected, f.found];
const worse = (fs: Finding[]) => fs.filter((f) => f.severity !== "info");

describe("河北 2019, 财预〔2020〕10号 附件1 (项目资金 block, 年度指标值 broken by a line feed, placeholder rows, cut before 总分)", () => {
  it("reports the two scores its README lists as wrong, with the rule's 8.62, and nothing else", async () => {
    const check = checkSelfEvalGrids(await sample("hebei-2019-fujian1-self-eval.xlsx"));
    expect(worse(check.findings).map(brief)).toEqual([
      ["SE-得分", "error", "I7", "8.62", "9.00"], // 项目资金: 37.24 / 43.2 = 86.20% of 10
      ["SE-得分", "error", "H14", "8.62", "9.00"], // 指标1工程资金金额: 37.24 against 43.2
    ]);
    expect(selfEvalStatuses(check)).toEqual([
      { table: "自评表", sheet: "绩效自评表", recognized: true, title: "办公宿舍楼、食堂及餐厅暖通改造经费", family: "财预〔2020〕10号 附件1", read: ["预算执行（项目资金（万元））", "指标 9 行"], unread: ["总分（表格在总分/合计行之前结束）"] },
    ]);
  });

  it("reads 9 indicators and the budget line; the 17 placeholder rows (指标2, ……) are not indicators and raise nothing", async () => {
    const [grid] = await sample("hebei-2019-fujian1-self-eval.xlsx");
    const [table] = readSelfEvalTables(grid).tables;
    expect(table.rows.map((r) => r.level3 || r.level2)).toEqual(["年度资金总额", "指标1工程资金金额", "指标1工程完工率", "指标2工程验收合格率", "指标1项目完成及时率", "指标1成本控制率", "指标1安全率", "指标1学校发展能力", "指标1长期使用性", "指标1学生满意度"]);
    expect(table.placeholders).toBe(17);
    const rowsWithFindings = evaluateSelfEval(table).findings.flatMap((f) => f.cells.map((c) => Number(/\d+/.exec(c)?.[0])));
    expect(rowsWithFindings.every((r) => r === 7 || r === 14)).toBe(true);
  });
});

describe("四川 2023 (指标性质 / 指标值 / 度量单位, 权重, 调整后预算数, 评价结论 footer)", () => {
  it("scores 预算执行 on 调整后预算数, reads ≤ 30 万元 against 完成 at full marks, and says what the cut copy leaves unfilled", async () => {
    const check = checkSelfEvalGrids(await sample("sichuan-2023-self-eval.xlsx"));
    expect(check.tables.map((t) => [t.sheet, t.result.rows.map((r) => `${r.row.level3 || r.row.level2} ${r.status}`)])).toEqual([
      ["安可替代补助", ["总额 match", "完成安可产品购买并按要求支付资金 no-actual"]],
      ["另一项目（末尾部分）", ["成本控制数 match"]],
    ]);
    // No error anywhere: the first table stops after its first row (the copy was cut), which is said as warnings.
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(worse(check.findings).map((f) => f.rule)).toEqual(["SE-未填写", "SE-分值合计", "SE-指标分值"]);
    expect(check.tables[0].result.rows[1].row.target).toBe("=100");
    expect(check.tables[1].result.rows[0].row.target).toBe("≤30万元");
    expect(selfEvalStatuses(check).map((s) => [s.sheet, s.recognized, s.recognized && s.unread])).toEqual([
      ["安可替代补助", true, ["总分（表格在总分/合计行之前结束）"]],
      ["另一项目（末尾部分）", true, ["预算执行（本表未见预算执行数/项目资金栏）"]],
    ]);
  });
});

describe("湖北 2020 项目自评表 without a 分值 column (一级 weights in labels)", () => {
  it("reports 总分 100 against rows adding up to 120, and 60 + 40 under a block of 80; no row gets an error", async () => {
    const check = checkSelfEvalGrids(await sample("hubei-2020-no-weight-self-eval.xlsx"));
    expect(worse(check.findings).map(brief)).toEqual([
      ["SE-指标分值", "error", "", "80.00", "100.00"],
      ["SE-总分", "error", "G17", "120.00", "100.00"],
    ]);
    expect(check.findings.filter((f) => f.severity === "info").map((f) => f.rule)).toEqual(["SE-无分值"]);
    const [t] = check.tables;
    expect(t.result.rows.map((r) => r.status)).toEqual(["match", ...Array(8).fill("unweighted")]);
    expect(t.unread).toEqual(["分值（本表没有分值列：各行得分无法逐行核对，只核对一级指标分值和总分）"]);
  });

  it("checks a 一级 group's scores against its label when the rows cannot be checked one by one", async () => {
    const [grid] = await sample("hubei-2020-no-weight-self-eval.xlsx");
    const [table] = readSelfEvalTables(grid).tables;
    const raised = { ...table, rows: table.rows.map((r) => (r.level3 === "服务外包在岸（万美元）" ? { ...r, score: 15 } : r)) };
    const lowered = { ...table, rows: table.rows.map((r) => (r.level3 === "服务外包在岸（万美元）" ? { ...r, score: 5 } : r)) };
    expect(evaluateSelfEval(raised).findings.filter((f) => f.rule === "SE-一级得分").map((f) => [f.severity, f.expected, f.found])).toEqual([["error", "≤ 60.00", "65.00"]]);
    // Every row of 产出指标 reached its target, so the group should have its 60 in full.
    expect(evaluateSelfEval(lowered).findings.filter((f) => f.rule === "SE-一级得分").map((f) => [f.severity, f.expected, f.found])).toEqual([["warning", "60.00", "55.00"]]);
  });
});

describe("the nine seed 自评表 in the seed's own layout (samples/wuhan-2020-self-eval.xlsx)", () => {
  it("reproduce 80 rows: 66 scores, 12 reported with their rule's score, 2 left to a person; totals 91.98 … 92.00", async () => {
    const check = checkSelfEvalGrids(await sample("wuhan-2020-self-eval.xlsx"));
    const rows = check.tables.flatMap((t) => t.result.rows);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect([rows.length, count("match"), count("disagree"), count("unscorable")]).toEqual([80, 66, 12, 2]);
    expect(check.tables.map((t) => t.result.total.toFixed(2))).toEqual(["91.98", "97.08", "99.00", "96.41", "100.00", "100.00", "90.00", "95.00", "92.00"]);
    expect(check.findings.filter((f) => f.rule === "SE-得分").map(disagreement)).toEqual(WUHAN_SELF_EVAL_DISAGREEING);
    // Budget blocks read with their (A)/(B) columns and 设置分值; no total or weight disagrees.
    expect(check.findings.filter((f) => /SE-(总分|分值合计|执行率|未识别)/.test(f.rule))).toEqual([]);
    expect(check.tables.every((t) => t.read[0] === "预算执行（预算执行数（20分））" && t.unread.length === 0)).toBe(true);
  });
});

// ---- layouts built here, cell by cell ------------------------------------------------------------------

function grid(sheet: string, values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet, origin: { row: 0, col: 0 }, values, ...extra };
}

interface RealSheet {
  name: string;
  merges: string[];
  rows: CellValue[][];
}
const real = (name: string) => JSON.parse(readFileSync(join(ROOT, "samples", "data", "selfeval-real", `${name}.json`), "utf8")) as RealSheet[];

describe("layouts", () => {
  it("several tables on one sheet, one below the other, each read on its own", () => {
    const [hebei] = real("hebei-langfang-2019-fujian1");
    const [hubei] = real("hubei-shangwu-2020-no-weight");
    const stacked = grid("合并", [...hebei.rows, [], [], ...hubei.rows]);
    const check = checkSelfEvalGrids([stacked]);
    expect(check.tables.map((t) => [t.project, t.result.rows.length])).toEqual([
      ["办公宿舍楼、食堂及餐厅暖通改造经费", 10],
      ["2020年市级服务贸易发展资金", 9],
    ]);
    expect(worse(check.findings).map((f) => [f.rule, f.expected, f.found])).toEqual([
      ["SE-得分", "8.62", "9.00"],
      ["SE-得分", "8.62", "9.00"],
      ["SE-指标分值", "80.00", "100.00"],
      ["SE-总分", "120.00", "100.00"],
    ]);
  });

  it("merged 一级/二级 cells with the value only in the top-left cell, as Excel gives them", () => {
    const values: CellValue[][] = [
      ["项目支出绩效自评表"],
      ["项目名称", "合并单元格"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标（60分）", "数量指标", "甲", "≥10个", "10个", 30, 30],
      [null, null, "乙", "≥10个", "5个", 30, 15],
      ["效益指标（40分）", "社会效益指标", "丙", "≥90%", 0.95, 40, 40],
      ["总分", null, null, null, null, 100, 85],
    ];
    const merged = grid("m", values, { merges: [{ top: 3, left: 0, bottom: 4, right: 0 }, { top: 3, left: 1, bottom: 4, right: 1 }] });
    const [t] = readSelfEvalTables(merged).tables;
    expect(t.rows.map((r) => [r.level1, r.level2, r.level3])).toEqual([
      ["产出指标（60分）", "数量指标", "甲"],
      ["产出指标（60分）", "数量指标", "乙"],
      ["效益指标（40分）", "社会效益指标", "丙"],
    ]);
    const result = evaluateSelfEval(t);
    expect(result.rows.map((r) => r.status)).toEqual(["match", "match", "match"]);
    // The 一级 labels' weights hold; no budget block, so only the indicators are checked against 100.
    expect(result.findings.filter((f) => f.rule === "SE-一级分值")).toEqual([]);
  });

  it("云南: 年度指标值 split over two header rows into 指标性质 / 指标值 / 度量单位", () => {
    const values: CellValue[][] = [
      ["项目支出绩效自评表"],
      ["项目名称", "云南测试项目"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      [null, null, null, "指标性质", "指标值", "度量单位", null, null, null, null],
      ["产出指标", "数量指标", "培训人数", "≥", 100, "人", "80人", 10, 8, "疫情"],
      ["产出指标", "时效指标", "完成时间", "≤", "12月", null, "11月", 10, 10, null],
      ["满意度指标", "服务对象满意度", "满意度", "定性", "较满意", null, "部分达成预期指标", 10, 9, "—"],
      ["总分", null, null, null, null, null, null, 30, 27, null],
    ];
    const merges = [{ top: 2, left: 3, bottom: 2, right: 5 }, ...[0, 1, 2, 6, 7, 8, 9].map((c) => ({ top: 2, left: c, bottom: 3, right: c }))];
    const [t] = readSelfEvalTables(grid("yn", values, { merges })).tables;
    expect(t.family).toBe("云南（两行表头）");
    expect(t.rows.map((r) => r.target)).toEqual(["≥100人", "≤12月", "较满意"]);
    const result = evaluateSelfEval(t);
    // 部分达成 scored 9 of 10 is outside its band (6–8): a finding; the other two are right.
    expect(result.rows.map((r) => r.status)).toEqual(["match", "match", "disagree"]);
    expect(result.findings.filter((f) => f.rule === "SE-得分").map((f) => f.expected)).toEqual(["6.00–8.00"]);
  });

  it("部门整体支出绩效自评表 with its 部门预算资金 block", () => {
    const values: CellValue[][] = [
      ["部门整体支出绩效自评表"],
      ["部门名称", "某某局"],
      ["部门预算资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 100, 120, 96, 10, 0.8, 8],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "办件量", "≥1000件", "1200件", 90, 90, null],
      ["总分", null, null, null, null, 100, 98, null],
    ];
    const check = checkSelfEvalGrids([grid("整体", values)]);
    expect(check.tables.map((t) => [t.project, t.family])).toEqual([["某某局", "部门整体支出绩效自评表"]]);
    // 96 / 120 (全年预算数, not 年初) = 80% of 10.
    expect(check.tables[0].result.rows.map((r) => [r.status, r.result.score?.toFixed(2)])).toEqual([["match", "8.00"], ["match", "90.00"]]);
    expect(worse(check.findings)).toEqual([]);
  });

  it("a 年度资金总额 left at 0 while its 其中 lines carry the money is a finding, and scored from the 其中 lines", () => {
    const values: CellValue[][] = [
      ["项目支出绩效自评表"],
      ["项目名称", "其中行"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 0, 0, 0, 10, 0.9, 9],
      [null, "其中：当年财政拨款", 80, 80, 72, null, null, null],
      [null, "上年结转资金", 20, 20, 18, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "甲", "≥10个", "10个", 90, 90],
      ["总分", null, null, null, null, 100, 99],
    ];
    const check = checkSelfEvalGrids([grid("zero", values)]);
    expect(check.tables[0].result.rows[0].result.score?.toFixed(2)).toBe("9.00");
    expect(worse(check.findings).map((f) => [f.rule, f.cells.join(","), f.expected])).toEqual([["SE-资金总额", "B4", "100.00"]]);
  });

  it("a printed 执行率 that disagrees at its own precision is a finding; 0.86 for 86.20% is not", () => {
    const rows = (rate: CellValue): CellValue[][] => [
      ["项目支出绩效自评表"],
      ["项目名称", "执行率"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 43.2, 43.2, 37.24, 10, rate, 8.62],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "甲", "≥10个", "10个", 90, 90],
    ];
    const rateFindings = (rate: CellValue) => checkSelfEvalGrids([grid("r", rows(rate))]).findings.filter((f) => f.rule === "SE-执行率").map((f) => [f.expected, f.found]);
    expect(rateFindings(0.86)).toEqual([]);
    expect(rateFindings("86.20%")).toEqual([]);
    expect(rateFindings(0.88)).toEqual([["0.86", "0.88"]]);
    expect(rateFindings("90.00%")).toEqual([["86.20%", "90.00%"]]);
  });

  it("a percent format says how Excel shows a number: 0.9673 formatted 0.00% is 96.73%", () => {
    const values: CellValue[][] = [
      ["项目支出绩效自评表"],
      ["项目名称", "百分比"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["满意度指标", "服务对象满意度", "满意度", "≥95%", 0.9673, 100, 100],
    ];
    const numberFormats = values.map((r, i) => r.map((_, c) => (i === 3 && c === 4 ? "0.00%" : null)));
    const [t] = readSelfEvalTables(grid("p", values, { numberFormats })).tables;
    expect(t.rows[0].actual).toBe("96.73%");
    expect(evaluateSelfEval(t).rows[0].status).toBe("match");
  });

  it("a sheet titled 自评表 that cannot be read is a finding with its reason, never a silent pass", () => {
    const values: CellValue[][] = [["项目支出绩效自评表"], ["项目名称", "看不懂的表"], ["指标", "目标", "完成"], ["甲", "10", "10"]];
    const check = checkSelfEvalGrids([grid("坏表", values)]);
    expect(selfEvalStatuses(check)).toEqual([{ table: "自评表", sheet: "坏表", recognized: false, title: "项目支出绩效自评表", reason: expect.stringMatching(/未找到含“三级指标”/) }]);
    expect(check.findings.map((f) => [f.rule, f.severity, f.cells.join(",")])).toEqual([["SE-未识别", "error", "A1"]]);
  });
});
