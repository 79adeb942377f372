// Checking a written 情况说明 against the tables: the seed's 第三部分 as published, then twenty single-figure changes.
import { type NarrativeCheck, checkNarrative, figureSummary } from "../../src/core/narrative/check";
import type { TableFigures } from "../../src/core/narrative/figures";
import { extractFigures } from "../../src/core/narrative/figures";
import { validate } from "../../src/core/validate";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";
import { seedText, wuhanFigures } from "./support";

let figs: TableFigures;
let text: string;
let seed: NarrativeCheck;
beforeAll(async () => {
  figs = await wuhanFigures();
  text = seedText();
  seed = checkNarrative(text, figs);
});

const statusOf = (c: NarrativeCheck, figure: string, sentencePart: string) =>
  c.figures.filter((f) => `${f.figure.text}${f.figure.unit === "count" ? f.figure.countWord : f.figure.unit}` === figure && f.sentence.includes(sentencePart)).map((f) => f.status);

describe("the seed's 第三部分 against the Wuhan tables", () => {
  it("reports 109 + 109 + 106 ≠ 325 as the only error or warning", () => {
    const serious = seed.findings.filter((f) => f.severity !== "info");
    expect(serious.map((f) => [f.rule, f.figure, f.expected, f.found, f.difference])).toEqual([["分项合计", "325家", "324家", "325家", "1"]]);
    expect(serious[0].sentence).toContain("市委内网106家,合计325家");
  });

  it("says, as information only, where 表7's own missing 运行费 budget leaves a figure uncheckable", () => {
    const infos = seed.findings.filter((f) => f.severity === "info");
    expect(infos.map((f) => [f.rule, f.figure, f.comparedWith])).toEqual([
      ["完成率", "53.6%", "表7!E7"],
      ["增减", "14.16万元", "表7!E7"],
    ]);
  });

  it("matches the 表1 total, the 表3/表4/表5 totals, 人员/公用经费 and the 三公 figures to their cells", () => {
    expect(statusOf(seed, "23,327.91万元", "收、支总计 23,327.91")).toEqual([{ kind: "table", cell: "表1!C35" }]);
    expect(statusOf(seed, "23,327.91万元", "财政拨款收、支总计")).toEqual([{ kind: "table", cell: "表4!C37" }]);
    expect(statusOf(seed, "23,286.92万元", "收入合计")).toEqual([{ kind: "table", cell: "表1!C32" }]);
    expect(statusOf(seed, "4,101.59万元", "人员经费")).toEqual([{ kind: "table", cell: "表6!C33" }]);
    expect(statusOf(seed, "820.97万元", "公用经费")).toEqual([{ kind: "table", cell: "表6!I33" }]);
    expect(statusOf(seed, "96.8万元", "三公")).toEqual([{ kind: "table", cell: "表7!A7" }]);
    expect(statusOf(seed, "16.97万元", "三公")).toEqual([{ kind: "table", cell: "表7!G7" }]);
    expect(statusOf(seed, "33.37万元", "公务接待费")).toEqual([{ kind: "table", cell: "表7!F7" }]);
    expect(statusOf(seed, "610.44万元", "住房保障(类)支出610.44")).toEqual([{ kind: "table", cell: "表5!C36" }]);
  });

  it("checks the class shares and the project list against the text's own figures", () => {
    for (const share of ["43.3%", "41.2%", "1.8%", "1.4%", "9.7%"]) expect(statusOf(seed, share, "一般公共服务(类)支出")).toEqual([{ kind: "self" }]);
    for (const project of ["834.99万元", "3,662.99万元", "910.8万元", "1,165.04万元", "290万元", "37.04万元"]) {
      expect(statusOf(seed, project, "").some((s) => s.kind === "self")).toBe(true);
    }
  });

  it("counts every figure as matched to a cell, checked against the text, or unchecked with a reason", () => {
    const s = figureSummary(seed);
    expect(s.table + s.self + s.unchecked).toBe(seed.figures.length);
    expect(s.table).toBeGreaterThanOrEqual(35);
    for (const f of seed.figures) if (f.status.kind === "unchecked") expect(f.status.reason).not.toBe("");
  });
});

// Each change: the text as written, the change, and the rule that must report it on that sentence.
const CHANGES: [from: string, to: string, rule: string][] = [
  ["收、支总计 23,327.91 万元", "收、支总计 23,372.91 万元", "表数"],
  ["收、支总计各增加 6,466.4 万元", "收、支总计各增加 6,446.4 万元", "增减"],
  ["6,466.4 万元,增长 38.4%,主要原因是:1.机构改革划入一个二级单位;2.新增\"民呼我应\"等信息化项目,经费预算收入、支出相应增加。\n", "6,466.4 万元,增长 34.8%,主要原因是:1.机构改革划入一个二级单位;2.新增\"民呼我应\"等信息化项目,经费预算收入、支出相应增加。\n", "增减"],
  ["收入合计 23,286.92万元", "收入合计 23,286.29万元", "表数"],
  ["占本年收入 100.0%", "占本年收入 99.0%", "占比"],
  ["基本支出 4,922.56 万元,占本年支出 21.1%", "基本支出 4,922.65 万元,占本年支出 21.1%", "表数"],
  ["占本年支出 21.1%", "占本年支出 21.2%", "占比"],
  ["占本年支出 78.9%", "占本年支出 79.8%", "占比"],
  ["一般公共服务(类)支出 10,096.83 万元", "一般公共服务(类)支出 10,069.83 万元", "表数"],
  ["占 43.3%", "占 43.8%", "占比"],
  ["占 41.2%", "占 41.3%", "占比"],
  ["住房保障(类)支出610.44万元", "住房保障(类)支出610.40万元", "表数"],
  ["完成年初预算的75.8%", "完成年初预算的75.3%", "完成率"],
  ["完成年初预算的 86.7%", "完成年初预算的 87.6%", "完成率"],
  ["年初预算为 14,693.63 万元", "年初预算为 14,963.63 万元", "完成率"],
  ["人员经费 4,101.59 万元", "人员经费 4,101.95 万元", "表数"],
  ["公用经费 820.97 万元", "公用经费 829.07 万元", "表数"],
  ["年初预算数为96.8万元", "年初预算数为98.6万元", "表数"],
  ["完成年初预算的17.5%", "完成年初预算的17.6%", "完成率"],
  ["公务接待费支出决算为 0.63 万元", "公务接待费支出决算为 0.36 万元", "表数"],
  ["完成年初预算的 1.9%", "完成年初预算的 2.9%", "完成率"],
  ["比年初预算减少 33.37 万元", "比年初预算减少 33.73 万元", "增减"],
  ["减少 7.73 万元,下降 31.3%", "减少 7.73 万元,下降 13.3%", "增减"],
  ["燃料费 5.04万元", "燃料费 5.40万元", "分项合计"],
  // 0 → 3.8 is still a fall of 100.0%: only the parts of the 7.73 fall give it away.
  ["因公出国(境)支出决算减少 3.6 万元", "因公出国(境)支出决算减少 3.8 万元", "分项合计"],
  ["省内接待活动 0.26 万元", "省内接待活动 0.29 万元", "分项合计"],
  ["行政运行工作经费 834.99 万元", "行政运行工作经费 843.99 万元", "列举合计"],
  ["增加9.18万元,增长4.8%", "增加9.18万元,增长8.4%", "增减"],
  ["占政府采购支出总额的 8.5%", "占政府采购支出总额的 5.8%", "占比"],
  ["共涉及项目 12 个", "共涉及项目 13 个", "列举合计"],
];

describe("single-figure changes of the seed text", () => {
  it("has at least twenty changes, each of a text that occurs once", () => {
    expect(CHANGES.length).toBeGreaterThanOrEqual(20);
    for (const [from] of CHANGES) expect(text.split(from).length).toBe(2);
  });

  it.each(CHANGES)("%s → %s is reported on its sentence", (from, to, rule) => {
    const changed = text.replace(from, to);
    const result = checkNarrative(changed, figs);
    const fresh = result.findings.filter((f) => f.severity !== "info" && !(f.rule === "分项合计" && f.figure === "325家"));
    const figure = /(?<![\d,])\d[\d,]*(?:\.\d+)?\s*(?:万元|%)/.exec(to)?.[0] ?? to;
    const core = to.split("\n")[0];
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    const mentions = (sentence: string) => sentence.replace(/\s+/g, "").includes(core.replace(/\s+/g, "").slice(0, 12)) || sentence.includes(figure.replace(/\s+/g, ""));
    const onSentence = fresh.filter((f) => f.rule === rule && [f.sentence, ...(f.also ?? [])].some(mentions));
    expect(onSentence.map((f) => f.rule)).toContain(rule);
  });
});

describe("a workbook with 表1 only", () => {
  it("checks class figures against 表1 (where the seed's 610.44 disagrees with 表1's 610.40) and names the missing tables", async () => {
    const grids = (await readGrids(WUHAN_XLSX)).filter((g) => g.sheet === "表1");
    const only1 = checkNarrative(text, extractFigures(validate(grids), grids));
    expect(only1.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.figure, f.comparedWith])).toEqual([
      ["表数", "610.44万元", "表1!F24"],
      ["表数", "610.44万元", "表1!F24"],
      ["分项合计", "325家", "文中：109 + 109 + 106"],
    ]);
    const reasons = [...figureSummary(only1).reasons.keys()];
    expect(reasons).toContain("它对应的表4未识别或该数未读出");
    expect(reasons).toContain("它对应的表7未识别或该数未读出");
  });
});

describe("the same change written twice", () => {
  it("must be the same figure", () => {
    const written = [
      "七、一般公共预算财政拨款\"三公\"经费支出决算情况说明",
      "2020 年度\"三公\"经费财政拨款支出决算数比 2019 年度减少 7.73 万元。",
      "综上,\"三公\"经费支出决算比上年减少 7.37 万元。",
    ].join("\n");
    const result = checkNarrative(written, figs);
    expect(result.findings.map((f) => [f.rule, f.figure, f.expected, f.found])).toEqual([["增减", "7.37万元", "7.73万元", "7.37万元"]]);
    expect(result.findings[0].also).toEqual(["2020 年度\"三公\"经费财政拨款支出决算数比 2019 年度减少 7.73 万元。"]);
  });
});

describe("form", () => {
  it("reports a share without %, an amount in 元 and an old class name", () => {
    const written = [
      "五、一般公共预算财政拨款支出决算情况说明",
      "2020年度财政拨款支出23,327.91万元,主要用于以下方面:",
      "一般公共服务(类)支出 10,096.83 万元,占 43.3;文化体育与传媒(类)支出 0 万元。",
      "六、一般公共预算财政拨款基本支出决算情况说明",
      "2020 年度一般公共预算财政拨款基本支出 49,225,600 元。",
    ].join("\n");
    const result = checkNarrative(written, figs);
    const brief = result.findings.map((f) => [f.rule, f.figure]);
    expect(brief).toContainEqual(["百分号", "43.3"]);
    expect(brief).toContainEqual(["科目名称", "文化体育与传媒(类)支出"]);
    expect(brief).toContainEqual(["单位", "49,225,600元"]);
  });

  it("reports a 无政府性基金 sentence only when 表8 is empty, and 小于 against the figures", () => {
    const written = ["五、一般公共预算财政拨款支出决算情况说明", "1. 一般公共服务支出(类)。年初预算为 100.00 万元,支出决算为 10,096.83 万元,完成年初预算的 10096.8%,支出决算数小于年初预算数的主要原因是:压减。"].join("\n");
    const result = checkNarrative(written, figs);
    expect(result.findings.map((f) => [f.rule, f.expected, f.found])).toEqual([["大于小于", "大于", "小于"]]);
  });
});
