// 情况说明 written from the Wuhan tables, and compared with the seed's text sentence by sentence.
import { checkNarrative } from "../../src/core/narrative/check";
import { compareNarratives } from "../../src/core/narrative/compare";
import { narrativeText, placeholderCount } from "../../src/core/narrative/document";
import type { TableFigures } from "../../src/core/narrative/figures";
import { Decimal } from "../../src/core/money";
import { shareList } from "../../src/core/narrative/format";
import { generateNarrative } from "../../src/core/narrative/generate";
import { inputTemplate, readInputs } from "../../src/core/narrative/inputs";
import { extractFigures } from "../../src/core/narrative/figures";
import { validate } from "../../src/core/validate";
import { SHANGHAI_XLSX, readGrids } from "../support/workbooks";
import { seedText, wuhanFigures } from "./support";

let figs: TableFigures;
beforeAll(async () => {
  figs = await wuhanFigures();
});

describe("generate", () => {
  it("writes the tables' figures in the seed's wording, shares half-up to one decimal", () => {
    const text = narrativeText(generateNarrative(figs));
    expect(text).toContain("2020年度收、支总计23,327.91万元。");
    expect(text).toContain("其中：财政拨款收入23,286.92万元，占本年收入100.0%。");
    expect(text).toContain("其中：基本支出4,922.56万元，占本年支出21.1%；项目支出18,405.35万元，占本年支出78.9%。");
    expect(text).toContain("一般公共服务(类)支出10,096.83万元，占43.3%；科学技术(类)支出9,607.86万元，占41.2%");
    expect(text).toContain("人员经费4,101.59万元");
    expect(text).toContain("3. 公务接待费支出决算为0.63万元，完成年初预算的1.9%，比年初预算减少33.37万元");
    expect(text).toContain("无政府性基金预算财政拨款收入");
  });

  it("leaves every figure the tables do not hold, and every reason, as a visible placeholder", () => {
    const n = generateNarrative(figs);
    const text = narrativeText(n);
    expect(text).toContain("收、支总计各【待填写：与上年相比的增减额及增减率（需上年收、支总计）】");
    expect(text).toContain("主要原因是：【待填写：原因】");
    expect(text).toContain("年初预算为【待填写：年初预算】万元");
    expect(placeholderCount(n)).toBeGreaterThan(20);
  });

  it("puts 表1's disagreement with 表5 into the text, where the person must settle it", () => {
    const n = generateNarrative(figs);
    expect(narrativeText(n)).toContain("住房保障(类)支出610.44万元【待核对：表1 第49行 住房保障支出为 610.40（表1!F24），与表5 不一致】");
    expect(n.notes.join("")).toContain("表1 第49行 住房保障支出 610.40");
  });

  it("fills last year's and the input sheet's figures where given", () => {
    const rows = inputTemplate(figs);
    const set = (label: RegExp, v: number) => {
      const row = rows.find((r) => typeof r[0] === "string" && label.test(r[0]));
      if (!row) throw new Error(`no row ${label}`);
      row[1] = v;
    };
    set(/^上年收、支总计/, 16861.51);
    set(/^一般公共预算财政拨款支出年初预算/, 30772.56);
    set(/^年初预算：201/, 11651.96);
    const { inputs, problems } = readInputs(rows);
    expect(problems).toEqual([]);
    const text = narrativeText(generateNarrative(figs, inputs));
    expect(text).toContain("收、支总计各增加6,466.40万元，增长38.4%");
    expect(text).toContain("年初预算为30,772.56万元，支出决算为23,327.91万元，完成年初预算的75.8%");
    expect(text).toContain("1. 一般公共服务支出(类)。年初预算为11,651.96万元，支出决算为10,096.83万元，完成年初预算的86.7%，支出决算数小于年初预算数");
  });

  it("names an input it cannot read instead of taking it as 0", () => {
    const { problems } = readInputs([["项目", "数值"], ["上年收、支总计（万元）", "见附表"]]);
    expect(problems).toEqual(["第2行“上年收、支总计（万元）”：“见附表” 不是金额"]);
  });

  it("makes a share list add up to 100.0 by the largest remainders, and says so", () => {
    const parts = ["1", "1", "1"].map((x) => new Decimal(x));
    expect(shareList(parts, new Decimal(3))).toEqual({ shares: ["33.4", "33.3", "33.3"].map((x) => new Decimal(x)), adjusted: true });
    // Parts that are not the whole are not adjusted.
    expect(shareList(parts, new Decimal(4))?.adjusted).toBe(false);
  });
});

describe("generate on the Shanghai template", () => {
  it("reads every figure it needs (总计 printed once, on the expense side of 表4) and flags 表1's 尾差 against 表5", async () => {
    const grids = await readGrids(SHANGHAI_XLSX);
    const text = narrativeText(generateNarrative(extractFigures(validate(grids), grids)));
    expect(text).not.toContain("未识别");
    expect(text).toContain("2024年度财政拨款收、支总计2,961.68万元。");
    expect(text).toContain("其中：财政拨款收入2,940.05万元，占本年收入99.8%；其他收入6.20万元，占本年收入0.2%。");
    expect(text).toContain("社会保障和就业(类)支出326.72万元【待核对：表1 社会保障和就业支出为 326.71（收支总表!D12），与表5 不一致，相差 0.01 的尾差】");
  });
});

describe("the generated text checked against its own tables", () => {
  it("has no error, and the checker finds a project list that does not add up to 项目支出", () => {
    const rows = inputTemplate(figs);
    rows.splice(rows.length - 1, 1, ["项目支出：行政运行工作经费（万元）", 834.99]);
    const { inputs } = readInputs(rows);
    const check = checkNarrative(narrativeText(generateNarrative(figs)), figs);
    expect(check.findings.filter((f) => f.severity !== "info")).toEqual([]);
    // One project of twelve: the list after 项目支出主要用于 is 834.99, not 18,405.35.
    const partial = checkNarrative(narrativeText(generateNarrative(figs, inputs)), figs, inputs);
    expect(partial.findings.map((f) => [f.rule, f.figure, f.expected])).toEqual([["列举合计", "18,405.35万元", "834.99万元"]]);
  });
});

describe("explain against the seed, sentence by sentence", () => {
  const pairs = () => compareNarratives(seedText(), narrativeText(generateNarrative(figs)));

  it("agrees on every figure the tables give", () => {
    const same = pairs().flatMap((p) => p.same);
    for (const f of ["23,327.91万元", "23,286.92万元", "100.0%", "4,922.56万元", "21.1%", "78.9%", "43.3%", "41.2%", "1.8%", "1.4%", "9.7%", "2.6%", "610.44万元", "4,101.59万元", "820.97万元", "96.8万元", "16.97万元", "17.5%", "32.3万元", "53.6%", "33.37万元"]) {
      expect(same).toContain(f);
    }
  });

  // The compared texts are normalised to half width (：→:, （→( ), as the checker reads them.
  it("lists the sentences that differ, and why: 表1's own error among them", () => {
    const differing = pairs().filter((p) => p.differences.length);
    const reasons = differing.flatMap((p) => p.differences.map((d) => `${p.section}|${d.written}|${d.why}`));
    // 表1 row 49 reads 610.40 where 表5 has 610.44: the class sentence differs from the seed's.
    expect(reasons.some((r) => r.startsWith("五|") && r.includes("表中数字有误：【待核对:表1 第49行住房保障支出为 610.40"))).toBe(true);
    // 表7 prints 0.00 for the 运行费 budget, so its parts do not add up to their 小计: no rate is written from them.
    expect(reasons).toContainEqual(expect.stringMatching(/^七\|53\.6%\|表中数字有误：【待核对:表7 预算数的公务用车购置费、运行费与其小计\(表7!C7\)不符/));
    // Last year's figures are not in the tables.
    expect(reasons).toContainEqual(expect.stringMatching(/^一\|6,466\.4万元\|表中没有这个数，生成稿留【待填写:与上年相比/));
    // 年初预算 by 类 is not in the tables.
    expect(reasons).toContainEqual(expect.stringMatching(/^五\|11,651\.96万元\|表中没有这个数，生成稿留【待填写:年初预算】/));
  });
});
