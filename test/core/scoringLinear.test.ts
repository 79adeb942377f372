// Parsing user text is linear: a 1,000,000-character cell costs about a thousand times a 1,000-character one,
// never a million times (quadratic). Asserted as a ratio of times on the same machine, not as a wall time.
import { Decimal } from "../../src/core/money";
import { scoreIndicator } from "../../src/core/scoring/score";
import { evaluateSelfEval } from "../../src/core/scoring/selfEval";
import { readSelfEvalTables } from "../../src/core/scoring/read";
import { LINEAR_BOUND, growthRatio } from "../support/linear";

const PATTERNS: [string, string][] = [
  ["spaces", " "],
  ["digits", "1"],
  ["numbers with units", "1个"],
  ["score bands", "1-2得3分,"],
  ["deductions", "扣1分"],
  ["decimal points", "1."],
  ["signs", "≥ "],
  ["months", "12月前"],
  ["percents", "9%"],
  ["grades", "未达成"],
  ["a sentence", "≥ 95 % 部分达成 12月 "],
];

describe("a 1,000,000-character cell costs about 1,000 times a 1,000-character one", () => {
  it.each(PATTERNS)("%s, in scoreIndicator (target, actual and 评分标准)", (_name, unit) => {
    const call = (s: string) => () => scoreIndicator({ target: s, actual: s, weight: new Decimal(10), rule: s });
    expect(growthRatio(call, unit)).toBeLessThan(LINEAR_BOUND);
  });

  it.each(PATTERNS)("%s, in a 自评表 read from a grid and checked", (_name, unit) => {
    const grid = (s: string) => ({
      sheet: "自评",
      origin: { row: 0, col: 0 },
      values: [
        ["项目支出绩效自评表"],
        ["项目名称", "测试项目"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", s, s, s, 100, 100, s],
        ["总分", null, null, null, null, 100, 100, null],
      ],
    });
    const call = (s: string) => () => readSelfEvalTables(grid(s)).tables.map((t) => evaluateSelfEval(t));
    expect(growthRatio(call, unit)).toBeLessThan(LINEAR_BOUND);
  });
});
