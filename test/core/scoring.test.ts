// The scoring engine over the nine seed 自评表 (fixtures/wuhan-2020/self_eval), and its parts one by one.
import { join } from "node:path";
import { Decimal } from "../../src/core/money";
import { readQuantities } from "../../src/core/scoring/quantity";
import { bandScore, readRule } from "../../src/core/scoring/rule";
import { grade, scoreBudget, scoreIndicator } from "../../src/core/scoring/score";
import { type SelfEvalRow, checkSummary, evaluateSelfEval } from "../../src/core/scoring/selfEval";
import { readCsv } from "../../scripts/samples/sheetSpec";
import { ROOT } from "../support/workbooks";

const DIR = join(ROOT, "samples", "data", "wuhan-2020", "self_eval");
const d = (x: string | number) => new Decimal(x);

function seedTables() {
  return readCsv(join(DIR, "index.csv"))
    .filter((p) => p.file !== "summaries.csv")
    .map((p) => ({ p, rows: readCsv(join(DIR, p.file)) as unknown as SelfEvalRow[] }));
}

describe("the nine seed 自评表", () => {
  const results = seedTables().map(({ p, rows }) => ({ p, result: evaluateSelfEval({ project: p.project, sheet: p.file, rows, printedTotal: p.total_score }) }));

  it("reproduce every filled score but the ones the fixture README lists, and report those with their rule's score", () => {
    const reported = results.flatMap(({ p, result }) => result.rows.filter((r) => r.status === "disagree").map((r) => `${p.file.slice(0, 3)} ${r.row.level3} ${r.filled?.toFixed(2)}→${r.result.score?.toFixed(2)}`));
    expect(reported).toEqual([
      "p01 专家评审 3.50→3.00", // README C.6
      "p01 举报投诉专家论证 0.20→0.10", // C.7
      "p01 按计划完成率 0.63→0.69", // C.8
      "p07 完成时间 9.00→10.00", // C.9: the rule has no deduction
      "p10 设备验收合格率 9.00→8.00", // C.10: 满分(9分) and 扣1分, read literally
      "p11 视频会议终端设备 9.00→8.00",
      "p11 视频会议承载电路 9.00→8.00",
      "p11 系统正常运行 9.00→8.00",
      "p11 视频会议终端系统验收合格率 9.00→8.00",
      "p11 用户满意度 39.00→38.00",
      "p12 服务机构满意 6.00→5.00", // 满分(7分) 扣2分
      "p12 社会满意 6.00→5.00",
    ]);
    const unscorable = results.flatMap(({ p, result }) => result.rows.filter((r) => r.status === "unscorable").map((r) => `${p.file.slice(0, 3)} ${r.row.level3}`));
    // README C.12: not comparable (1次,5人 vs 11家单位), and a rate the target 无漏洞 does not define.
    expect(unscorable).toEqual(["p01 公管委成员单位履职考核", "p07 60家网站"]);
    const matched = results.reduce((n, { result }) => n + result.rows.filter((r) => r.status === "match").length, 0);
    const all = results.reduce((n, { result }) => n + result.rows.length, 0);
    expect(matched + reported.length + unscorable.length).toBe(all);
    expect([all, matched, reported.length, unscorable.length]).toEqual([80, 66, 12, 2]);
  });

  it("roll up to the nine printed totals", () => {
    expect(results.map(({ result }) => result.total.toFixed(2))).toEqual(results.map(({ p }) => p.total_score));
    expect(results.every(({ result }) => !result.findings.some((f) => f.rule === "SE-总分" || f.rule === "SE-分值合计"))).toBe(true);
  });

  it("flags the overlapping bands of p01 and the rows without a target", () => {
    const p01 = results[0].result.findings;
    expect(p01.filter((f) => f.rule === "SE-分档重叠").map((f) => f.message)).toEqual([expect.stringMatching(/从业人员培训受训学员满意度/)]);
    const noTarget = results.flatMap(({ result }) => result.findings.filter((f) => f.rule === "SE-无目标")).length;
    expect(noTarget).toBe(4 + 5 + 3); // p10 four rows, p11 five, p12 three
  });

  it("checks the printed 摘要: 部门整体's 满意度 rate is 91.67% for 28/30 = 93.33%", () => {
    const lines = readCsv(join(DIR, "summaries.csv"));
    const projects = [...new Set(lines.map((l) => l.project))];
    const findings = projects.flatMap((project) => checkSummary(project, lines.filter((l) => l.project === project).map((l) => ({ item: l.item, weight: l.weight, score: l.score, rate: l.rate }))));
    expect(findings.map((f) => [f.rule, f.found, f.expected])).toEqual([["SE-得分率", "91.67", "93.33"]]);
  });
});

describe("reading targets and actuals", () => {
  it.each([
    ["≥95%", "95", "%", ">="],
    ["≤4小时", "4", "小时", "<="],
    ["10次/年", "10", "次/年", null],
    ["4 次/季", "4", "次/季", null],
    ["≥2 个", "2", "个", ">="],
    ["２４小时以内", "24", "小时", "<="],
    ["不低于90%", "90", "%", ">="],
  ])("%s", (text, value, unit, dir) => {
    const [q] = readQuantities(text).quantities;
    expect([q.value.toString(), q.unit, q.direction]).toEqual([value, unit, dir]);
  });

  it("knows when a thing was not done, and a shortfall from a success", () => {
    expect(readQuantities("因疫情原因未实施").notDone).toBe(true);
    expect(readQuantities("不合格25家").shortfall).toBe(true);
    expect(readQuantities("设备运行正常,无漏洞。").shortfall).toBe(false);
    expect(readQuantities("设置不合理,扣1分").quantities).toEqual([]);
  });
});

describe("scoring methods", () => {
  const w = d(10);
  it("positive: full when reached, else by ratio, rounded half-up", () => {
    expect(scoreIndicator({ target: "≥3250人", actual: "482人", weight: d(1) }).score?.toFixed(2)).toBe("0.15");
    expect(scoreIndicator({ target: "12期", actual: "7期", weight: d(7) }).score?.toFixed(2)).toBe("4.08");
    expect(scoreIndicator({ target: "≥89人", actual: "90人", weight: w }).score?.toFixed(2)).toBe("10.00");
  });

  it("negative: full within the limit, else proportional or linear (0 at twice the target)", () => {
    expect(scoreIndicator({ target: "≤4小时", actual: "5小时", weight: w }).score?.toFixed(2)).toBe("8.00");
    expect(scoreIndicator({ target: "≤4小时", actual: "5小时", weight: w, method: "negative-linear" }).score?.toFixed(2)).toBe("7.50");
    expect(scoreIndicator({ target: "≤4小时", actual: "9小时", weight: w, method: "negative-linear" }).score?.toFixed(2)).toBe("0.00");
    expect(scoreIndicator({ name: "响应时间", target: "24小时响应", actual: "平均2小时内解决", weight: w }).score?.toFixed(2)).toBe("10.00");
  });

  it("equal: a target of 0 scores full only at 0", () => {
    expect(scoreIndicator({ target: "0起", actual: "0起", weight: w, method: "equal" }).score?.toFixed(2)).toBe("10.00");
    expect(scoreIndicator({ target: "0起", actual: "1起", weight: w, method: "equal" }).score?.toFixed(2)).toBe("0.00");
  });

  it("bands from the rule text, the reduced maximum and deductions", () => {
    const rule = readRule("满意度达95%-100%得20分, 90%-95%得19分, 85%-90%得18分");
    expect([99, 95, 92, 80].map((x) => bandScore(rule, d(x)).toString())).toEqual(["20", "20", "19", "0"]);
    expect(scoreIndicator({ target: "≥90%", actual: "93.5%", weight: d(20), rule: rule.text }).score?.toFixed(2)).toBe("19.00");
    expect(readRule("完成值达到目标值计满分(9分)…扣1分").maximum?.toString()).toBe("9");
    expect(readRule("…扣1分，另扣0.5分").deduction.toString()).toBe("1.5");
    expect(readRule("99%-100%得17分,96%-99%得16分,95%-97%得15分").overlaps).toHaveLength(1);
  });

  it("qualitative: a filled score may lie anywhere in 80–100% of 分值 when achieved", () => {
    const r = scoreIndicator({ target: "无污染", actual: "无纸化办公，环保效益明显", weight: w });
    expect(r.range?.map((x) => x.toFixed(2))).toEqual(["8.00", "10.00"]);
  });

  it("budget execution capped at 100%, and the grades", () => {
    expect(scoreBudget(d(100), d(87.5), d(20)).score?.toFixed(2)).toBe("17.50");
    expect(scoreBudget(d(100), d(120), d(20)).score?.toFixed(2)).toBe("20.00");
    expect([95, 90, 89.99, 80, 60, 59.99].map((x) => grade(d(x)))).toEqual(["优", "优", "良", "良", "中", "差"]);
  });

  it("never throws on rows it cannot read; it says why on the row", () => {
    const rows: SelfEvalRow[] = [
      { level1: "产出指标", level2: "数量指标", level3: "无目标", target: "", actual: "5个", weight: "10", score: "10", rule: "", reason: "" },
      { level1: "产出指标", level2: "数量指标", level3: "文字实际", target: "≥5个", actual: "已按计划推进", weight: "10", score: "10", rule: "", reason: "" },
      { level1: "产出指标", level2: "数量指标", level3: "缺分值", target: "≥5个", actual: "3个", weight: "", score: "6", rule: "", reason: "" },
      { level1: "产出指标", level2: "数量指标", level3: "超分", target: "≥5个", actual: "5个", weight: "10", score: "12", rule: "", reason: "" },
      { level1: "产出指标", level2: "数量指标", level3: "未达成", target: "≥5个", actual: "3个", weight: "10", score: "6", rule: "", reason: "" },
    ];
    const { findings } = evaluateSelfEval({ project: "测试", sheet: "s", rows });
    const by = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => /“([^“”]*)”/.exec(f.message)?.[1] ?? "");
    expect(by("SE-无目标")).toEqual(["无目标"]);
    expect(by("SE-文字实际值")).toEqual(["文字实际"]);
    expect(by("SE-缺分值")).toEqual(["缺分值"]);
    expect(by("SE-超分")).toEqual(["超分"]);
    expect(by("SE-偏差原因")).toEqual(["未达成"]);
    expect(findings.some((f) => f.rule === "SE-分值合计")).toBe(true);
  });
});
