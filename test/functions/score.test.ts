// JUESUAN.SCORE.* as Excel calls them: one row per case with the value Excel passes and what the cell shows.
// A percent typed in Excel arrives as a fraction (96.73% is 0.9673): against a percent target it is a percent.
import { scoreBandCell, scoreGradeCell, scoreIndicatorCell, scoreQualitativeCell } from "../../src/functions/functions";
import { FakeCustomFunctionError, installCustomFunctions } from "../support/customFunctions";

beforeAll(installCustomFunctions);

const shown = (v: unknown) => (v instanceof FakeCustomFunctionError ? `${v.code} ${v.message}` : v);

describe("SCORE.INDICATOR", () => {
  it.each<[string, unknown, unknown, unknown, unknown, number | RegExp]>([
    ["a cell showing 96.73% against ≥95%", "≥95%", 0.9673, 10, undefined, 10],
    ["a cell showing 90% against ≥95%", "≥95%", 0.9, 10, undefined, 9.47],
    ["edge: 1 (100%) against ≥95%", "≥95%", 1, 10, undefined, 10],
    ["edge: 0.5 (50%) against ≥0.5%", "≥0.5%", 0.5, 10, undefined, 10],
    ["edge: 0.004 (0.4%) against ≥0.5%", "≥0.5%", 0.004, 10, undefined, 8],
    ["95 typed without % against ≥95%", "≥95%", 95, 10, undefined, 10],
    ["≥50个 against the number 40", "≥50个", 40, 10, undefined, 8],
    ["﹦0起 against 1起", "﹦0起", "1起", 10, undefined, 0],
    ["an empty actual", "≥95%", "", 10, undefined, /^#N\/A 未填写实际完成值$/],
    ["部分达成预期指标 on a qualitative target", "企业满意", "部分达成预期指标", 10, undefined, 8],
    ["12月底前完成 against 11月完成", "12月底前完成", "11月完成", 10, undefined, 10],
    ["大于90%得满分,每降低1%扣0.5分 at 0.88", "≥90%", 0.88, 10, "大于90%得满分,每降低1%扣0.5分", 9],
    ["未达到不得分 at 0.94", "≥95%", 0.94, 10, "未达到不得分", 0],
    ["满分8分", "≥95%", 0.96, 10, "满分8分", 8],
  ])("%s", (_name, target, actual, weight, method, expected) => {
    const got = shown(scoreIndicatorCell(target, actual, weight, method));
    if (expected instanceof RegExp) expect(got).toMatch(expected);
    else expect(got).toBe(expected);
  });
});

describe("SCORE.BAND, SCORE.QUALITATIVE, SCORE.GRADE", () => {
  it.each<[string, () => unknown, number | string | RegExp]>([
    ["BAND: 0.9673 in percent bands", () => scoreBandCell(0.9673, [["95%-100%得20分,90%-95%得19分"]]), 20],
    ["BAND: 0.92 in percent bands", () => scoreBandCell(0.92, [["95%-100%得20分,90%-95%得19分"]]), 19],
    ["BAND: 0.92 in plain bands (no %): a plain number", () => scoreBandCell(0.92, [[0, 1, 5], [1, 2, 10]]), 5],
    ["QUALITATIVE: 达成预期指标", () => scoreQualitativeCell("达成预期指标", 10), 10],
    ["QUALITATIVE: 部分达成预期指标", () => scoreQualitativeCell("部分达成预期指标", 10), 8],
    ["QUALITATIVE: 未达成预期指标", () => scoreQualitativeCell("未达成预期指标", 10), 6],
    ["QUALITATIVE: 优", () => scoreQualitativeCell("优", 10), 10],
    ["QUALITATIVE: 良", () => scoreQualitativeCell("良", 10), 8],
    ["QUALITATIVE: 中", () => scoreQualitativeCell("中", 10), 6],
    ["QUALITATIVE: 低", () => scoreQualitativeCell("低", 10), 4],
    ["QUALITATIVE: 完成", () => scoreQualitativeCell("完成", 10), 10],
    ["QUALITATIVE: 基本完成", () => scoreQualitativeCell("基本完成", 10), 8],
    ["QUALITATIVE: a cell showing 85% (0.85)", () => scoreQualitativeCell(0.85, 10), 8.5],
    ["QUALITATIVE: full-width ８５％", () => scoreQualitativeCell("８５％", 10), 8.5],
    ["QUALITATIVE: an unknown word", () => scoreQualitativeCell("还行", 10), /^#VALUE! 无法识别等级“还行”/],
    ["GRADE: 100", () => scoreGradeCell(100), "优"],
    ["GRADE: 120 is over 100", () => scoreGradeCell(120), /^#VALUE! 总分 120 不在 0–100 之间$/],
    ["GRADE: 100.01", () => scoreGradeCell(100.01), /^#VALUE!/],
    ["GRADE: -1", () => scoreGradeCell(-1), /^#VALUE!/],
  ])("%s", (_name, call, expected) => {
    const got = shown(call());
    if (expected instanceof RegExp) expect(got).toMatch(expected);
    else expect(got).toBe(expected);
  });
});

describe("SCORE functions on 1,000,000-character cells", () => {
  // Linear is a ratio of about 1,000 against a 1,000-character cell; quadratic would be about 1,000,000.
  const perCall = (f: () => unknown, batch: number) => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) f();
    return (performance.now() - start) / batch;
  };
  it.each([["≥ 95 % 部分达成 12月 "], ["1-2得3分,"], [" "]])("%j repeated", (unit) => {
    const cell = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    const call = (s: string) => () => [scoreIndicatorCell(s, s, 10, s), scoreBandCell(s, [[s]]), scoreQualitativeCell(s, 10)];
    perCall(call(cell(1_000)), 50);
    const ratio = perCall(call(cell(1_000_000)), 1) / perCall(call(cell(1_000)), 200);
    expect(ratio).toBeLessThan(20_000);
  });
});
