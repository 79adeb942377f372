// The pane's own logic, without a browser: rule explanations, the order and kinds of findings, what a
// 填充小计 write changes, and errors said in Chinese.
import type { Finding } from "../../src/core/findings";
import { Decimal } from "../../src/core/money";
import { checkSelfEvalGrids } from "../../src/core/scoring/checkSheets";
import type { PlannedWrite } from "../../src/core/subtotals/plan";
import { validate } from "../../src/core/validate";
import { describeError } from "../../src/shared/errors";
import { byWeight, countsText, kindOf } from "../../src/taskpane/check/severity";
import { changesAmount, shownNew, shownOld } from "../../src/taskpane/fill/fillPreview";
import { explainRule } from "../../src/taskpane/ruleHelp";
import { ROOT, SHANGHAI_XLSX, WUHAN_XLSX, readGrids } from "../support/workbooks";
import { join } from "node:path";

const GENERIC = explainRule("NO-SUCH-RULE");

function finding(over: Partial<Finding>): Finding {
  return { rule: "T1-57", severity: "error", table: "表1", sheet: "表1", cells: ["F32"], expected: null, found: null, difference: null, message: "", ...over };
}

describe("rule explanations", () => {
  it("explain every rule the samples produce (both samples, lenient and strict, and the nine 自评表)", async () => {
    const rules = new Set<string>();
    for (const path of [WUHAN_XLSX, SHANGHAI_XLSX]) {
      const grids = await readGrids(path);
      for (const strict of [false, true]) validate(grids, { strict }).findings.forEach((f) => rules.add(f.rule));
      // A workbook with only one table: every MISSING and the 表间 rules that are left.
      validate(grids.slice(0, 1)).findings.forEach((f) => rules.add(f.rule));
    }
    checkSelfEvalGrids(await readGrids(join(ROOT, "samples", "wuhan-2020-self-eval.xlsx"))).tables.forEach((t) => t.result.findings.forEach((f) => rules.add(f.rule)));
    expect(rules.size).toBeGreaterThan(5);
    const unexplained = [...rules].filter((r) => explainRule(r) === GENERIC);
    expect(unexplained).toEqual([]);
  });

  it("say the printed note of a row or column rule", () => {
    expect(explainRule("T1-57")).toBe("表1：第57行应等于第31–56行之和（模板表下注释的公式）。");
    expect(explainRule("T7-3栏")).toBe("表7：第3栏应等于第 4 + 5 栏（模板表下注释的公式）。");
    expect(explainRule("T8-6栏")).toBe("表8：第6栏应等于第 1 + 2 − 3 栏（模板表下注释的公式）。");
    // Rules without a printed note say what the rule catalogue says of them.
    expect(explainRule("T3-类")).toBe("表3：每个类的每一栏等于所属各款之和。");
    expect(explainRule("X9")).toMatch(/^表间：表6 30212 因公出国/);
  });
});

describe("kinds and order of findings", () => {
  it("tell 尾差 from 警告, keep a 严格模式 尾差 an error, and put the largest difference first", () => {
    const cent = finding({ rule: "a", severity: "error", rounding: true, difference: "0.01" });
    const big = finding({ rule: "b", severity: "error", difference: "-1844.57" });
    const small = finding({ rule: "c", severity: "error", difference: "0.04" });
    const rounding = finding({ rule: "d", severity: "warning", rounding: true, difference: "0.01" });
    const warning = finding({ rule: "e", severity: "warning" });
    const info = finding({ rule: "f", severity: "info" });
    expect([cent, big, small, rounding, warning, info].map(kindOf)).toEqual(["error", "error", "error", "rounding", "warning", "info"]);
    const sorted = [info, rounding, cent, warning, small, big].sort(byWeight).map((f) => f.rule);
    expect(sorted).toEqual(["b", "c", "a", "d", "e", "f"]);
    expect(countsText([cent, big, small, rounding, info])).toBe("3 处错误（其中 1 处尾差），1 处尾差，1 条提示");
    expect(countsText([])).toBe("0 处错误");
  });
});

describe("填充小计 preview", () => {
  const write = (old: PlannedWrite["old"], value: string | null): PlannedWrite => ({
    table: "表1",
    sheet: "表1",
    address: "F32",
    what: "",
    old,
    oldFormula: null,
    value: value === null ? null : new Decimal(value),
    formula: "=SUM(F6:F31)",
  });
  it.each([
    [23327.91, "23327.87", true, "23327.91", "23327.87"],
    [23327.87, "23327.87", false, "23327.87", "23327.87"],
    ["23,327.87", "23327.87", false, "23327.87", "23327.87"],
    [null, "0", false, "（空）", "0.00"],
    [null, null, false, "（空）", "（空）"],
    [null, "5", true, "（空）", "5.00"],
    ["见附表", "5", true, "见附表", "5.00"],
  ] as const)("%p → %p changes the amount: %p", (old, value, changed, shownBefore, shownAfter) => {
    const w = write(old, value);
    expect(changesAmount(w)).toBe(changed);
    expect([shownOld(w), shownNew(w)]).toEqual([shownBefore, shownAfter]);
  });
});

describe("errors in words", () => {
  // The product's name is the one Latin word allowed.
  const english = (text: string) => /[A-Za-z]/.test(text.replace(/Excel/g, ""));
  it("never shows English: Office's codes in Chinese, unknown errors as one Chinese sentence, details kept for copying", () => {
    const internal = Object.assign(new Error("An internal error has occurred."), { name: "RichApi.Error", code: "GeneralException" });
    const said = describeError(internal);
    expect(english(said.text)).toBe(false);
    expect(said.detail).toMatch(/GeneralException[\s\S]*An internal error has occurred\./);
    const unknown = describeError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(english(unknown.text)).toBe(false);
    expect(unknown.detail).toMatch(/Cannot read properties/);
    expect(describeError(new Error("当前工作表中没有指标清单")).text).toBe("当前工作表中没有指标清单");
    expect(english(describeError("plain text").text)).toBe(false);
  });
});
