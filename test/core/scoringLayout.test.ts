// 生成自评表's layouts: 附件1 by default, the seed's as an option; each read back by the reader it must satisfy.
import { join } from "node:path";
import { readCsv } from "../../scripts/samples/sheetSpec";
import { type Grid, parseA1, parseRange } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { readSelfEvalTables } from "../../src/core/scoring/read";
import { evaluateSelfEval } from "../../src/core/scoring/selfEval";
import { type IndicatorListRow, type SheetLayout, selfEvalLayout } from "../../src/core/scoring/sheet";
import { ROOT } from "../support/workbooks";

const rows: (IndicatorListRow & { score: string })[] = readCsv(join(ROOT, "samples", "data", "wuhan-2020", "self_eval", "p01_xingzheng_yunxing.csv")).map((r) => ({
  level1: r.level1,
  level2: r.level2,
  level3: r.level3,
  target: r.target,
  actual: r.actual,
  weight: Number(r.weight),
  rule: r.rule,
  score: r.score,
}));

function toGrid(layout: SheetLayout): Grid {
  const values: CellValue[][] = [];
  for (const c of layout.cells) {
    const { row, col } = parseA1(c.address);
    while (values.length <= row) values.push([]);
    while (values[row].length <= col) values[row].push(null);
    values[row][col] = c.formula ?? c.value ?? null;
  }
  return { sheet: "s", origin: { row: 0, col: 0 }, values, merges: layout.merges.map(parseRange) };
}

describe("selfEvalLayout", () => {
  it.each([["national" as const], ["seed" as const]])("%s: a filled table reads back with every row, score and the 总分, and reproduces p01", (layout) => {
    const built = selfEvalLayout("行政运行工作经费", rows, { layout, scores: rows.map((r) => Number(r.score)), printedTotal: 91.98, printedWeightTotal: 100 });
    const [table] = readSelfEvalTables(toGrid(built)).tables;
    expect(table.project).toBe("行政运行工作经费");
    expect(table.rows.map((r) => [r.level3 || r.level2, Number(r.score)])).toEqual(rows.map((r) => [r.level3 || (layout === "seed" ? r.level2 : "年度资金总额"), Number(r.score)]));
    const result = evaluateSelfEval(table);
    expect(result.total.toFixed(2)).toBe("91.98");
    expect(result.rows.filter((r) => r.status === "disagree").map((r) => r.row.level3)).toEqual(["专家评审", "举报投诉专家论证", "按计划完成率"]);
    expect(result.findings.filter((f) => /SE-(总分|分值合计|执行率)/.test(f.rule))).toEqual([]);
  });

  it("national (附件1) is the default: 项目资金 block, 年度指标值, live formulas with the row's 评分标准", () => {
    const built = selfEvalLayout("行政运行工作经费", rows);
    const at = (a: string) => built.cells.find((c) => c.address === a);
    expect([at("A1")?.value, at("A3")?.value, at("E3")?.value, at("E8")?.value]).toEqual(["项目支出绩效自评表", "项目资金（万元）", "全年预算数", "年度指标值"]);
    expect(at("I4")?.formula).toBe("=JUESUAN.SCORE.BUDGET(E4,F4,G4)");
    expect(at("H9")?.formula).toBe('=JUESUAN.SCORE.INDICATOR(E9,F9,G9,"完成值达到目标值计满分,未达到目标值按完成比率计分")');
    expect(built.totalCell).toBe("H26");
    expect(built.formats).toEqual([{ address: "H4", format: "0.00%" }]);
  });

  it("seed: 预算执行数 block with 预算数（A）/ 执行数（B）/ 设置分值 / 评分标准, and the rule read from its column", () => {
    const built = selfEvalLayout("行政运行工作经费", rows, { layout: "seed" });
    const at = (a: string) => built.cells.find((c) => c.address === a);
    expect([at("A3")?.value, at("C3")?.value, at("D3")?.value, at("F3")?.value, at("G3")?.value, at("D5")?.value]).toEqual(["预算执行数（20分）", "预算数（A）", "执行数（B）", "设置分值", "评分标准", "年初目标值（A）"]);
    expect(at("H4")?.formula).toBe("=JUESUAN.SCORE.BUDGET(C4,D4,F4)");
    expect(at("H6")?.formula).toBe("=JUESUAN.SCORE.INDICATOR(D6,E6,F6,G6)");
  });
});
