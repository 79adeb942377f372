// scoreIndicator, one row per case: target, actual, 分值, 评分标准 (or method) and the score the rule gives
// (null: not scored, a person must judge), with the band a filled score may lie in where there is one.
import { Decimal } from "../../src/core/money";
import { type Flag, type Method, METHOD_NAMES, scoreIndicator } from "../../src/core/scoring/score";

type Case = [string, unknown, unknown, number, string, string | null, string?, Flag?];

function run(target: unknown, actual: unknown, weight: number, how: string) {
  const method: Method | undefined = METHOD_NAMES[how];
  return scoreIndicator({ target, actual, weight: new Decimal(weight), ...(method ? { method } : { rule: how }) });
}

const cases: Case[] = [
  // NFKC first: compatibility signs and full-width digits.
  ["﹦0起 against 1起 is not achieved", "﹦0起", "1起", 10, "", "0.00"],
  ["＝0起 against 0起 is full", "＝0起", "0起", 10, "", "10.00"],
  ["≧95% (compatibility ≥) against 90%", "≧95%", "90%", 10, "", "9.47"],
  ["≦4小时 (compatibility ≤) against 5小时", "≦4小时", "5小时", 10, "", "8.00"],
  ["full-width ≥９５％ against ９６％", "≥９５％", "９６％", 10, "", "10.00"],
  // A unit written on one side only is comparable.
  ["≥50个 against 50", "≥50个", "50", 10, "", "10.00"],
  ["≥50个 against 40", "≥50个", 40, 10, "", "8.00"],
  ["≥95% against 95", "≥95%", "95", 10, "", "10.00"],
  ["≥95% against 90 (a number above 1 is already in percent)", "≥95%", 90, 10, "", "9.47"],
  ["50 against 40个", "50", "40个", 10, "", "8.00"],
  // Excel's numbers: a fraction against a percent target is a percent.
  ["≥95% against 0.9673 (a cell showing 96.73%)", "≥95%", 0.9673, 10, "", "10.00"],
  ["≥95% against 0.9 (90%)", "≥95%", 0.9, 10, "", "9.47"],
  ["edge: 1 against ≥95% is 100%", "≥95%", 1, 10, "", "10.00"],
  ["edge: 0.5 against ≥0.5% is 50%, full", "≥0.5%", 0.5, 10, "", "10.00"],
  ["edge: 0.004 against ≥0.5% is 0.4%", "≥0.5%", 0.004, 10, "", "8.00"],
  ["≤5% (a rate to avoid) against 0.08", "≤5%", 0.08, 10, "", "6.25"],
  // 指标性质 + 指标值 + 度量单位 read together (as the 四川 reader joins them).
  ["= 100 % against 100%", "=100%", "100%", 10, "", "10.00"],
  ["≤ 30 万元 against 28万元", "≤30万元", "28万元", 90, "", "90.00"],
  ["≤ 30 万元 against 36万元", "≤30万元", "36万元", 90, "", "75.00"],
  // An empty actual is not an achievement.
  ["empty actual", "≥95%", "", 10, "", null, undefined, "NO_ACTUAL"],
  ["empty actual (null)", "=100", null, 10, "", null, undefined, "NO_ACTUAL"],
  ["empty actual, qualitative target", "无污染", "  ", 10, "", null, undefined, "NO_ACTUAL"],
  // Qualitative: the actual's stated grade decides the band (财预〔2020〕10号).
  ["达成预期指标", "企业满意", "达成预期指标", 10, "", "10.00", "8.00–10.00"],
  ["部分达成预期指标", "企业满意", "部分达成预期指标", 10, "", "8.00", "6.00–8.00"],
  ["未达成预期指标", "企业满意", "未达成预期指标", 10, "", "6.00", "0.00–6.00"],
  ["部分达成年度指标并具有一定效果", "企业满意", "部分达成年度指标并具有一定效果", 10, "", "8.00", "6.00–8.00"],
  ["未达成年度指标且效果较差", "企业满意", "未达成年度指标且效果较差", 10, "", "6.00", "0.00–6.00"],
  ["优", "服务质量", "优", 10, "", "10.00", "8.00–10.00"],
  ["良", "服务质量", "良", 10, "", "8.00", "6.00–8.00"],
  ["中", "服务质量", "中", 10, "", "6.00", "0.00–6.00"],
  ["低", "服务质量", "低", 10, "", "4.00", "0.00–6.00"],
  ["较好", "服务质量", "较好", 10, "", "8.00", "6.00–8.00"],
  ["一般", "服务质量", "一般", 10, "", "6.00", "0.00–6.00"],
  ["完成", "按要求完成", "完成", 10, "", "10.00", "8.00–10.00"],
  ["基本完成", "按要求完成", "基本完成", 10, "", "8.00", "6.00–8.00"],
  ["未完成", "按要求完成", "未完成", 10, "", "6.00", "0.00–6.00"],
  ["是", "是否利于企业走出去", "是", 20, "", "20.00", "16.00–20.00"],
  ["a sentence restating the target counts as 达成", "获得目的国（地区）受众欢迎", "受目的国受众欢迎显著", 10, "", "10.00", "8.00–10.00"],
  ["定性 method with a numeric-looking target", "100%", "部分达成", 10, "定性", "8.00", "6.00–8.00"],
  ["a quantitative target, actual 基本完成", "≥5个", "基本完成", 10, "", "8.00", "6.00–8.00"],
  ["a quantitative target, actual 完成 (no grade below 达成)", "≤30万元", "完成", 90, "", "90.00"],
  // Time targets: dates and months, earlier is better.
  ["12月底前完成 against 11月完成", "12月底前完成", "11月完成", 10, "", "10.00"],
  ["12月底前完成 against 12月20日", "12月底前完成", "12月20日完成", 10, "", "10.00"],
  ["6月底前 against 8月", "6月底前完成", "8月完成", 10, "", null, undefined, "JUDGEMENT"],
  ["2020年11月前 against 2020年10月15日", "2020年11月前完成", "2020年10月15日", 10, "", "10.00"],
  ["2020年12月底前 against 2021年1月", "2020年12月底前", "2021年1月完成", 10, "", null, undefined, "JUDGEMENT"],
  ["12月底前完成 against 按时完成", "12月底前完成", "按时完成", 10, "", "10.00"],
  ["12月底前完成 against 部分完成", "12月底前完成", "部分完成", 10, "", "8.00", "6.00–8.00"],
  // 评分标准 forms.
  ["大于90%得满分, at 92%", "≥95%", "92%", 10, "大于90%得满分", "10.00"],
  ["大于90%得满分,每降低1%扣0.5分, at 88%", "≥90%", "88%", 10, "大于90%得满分,每降低1%扣0.5分", "9.00"],
  ["每降低1%扣0.5分 against the target, at 85%", "≥95%", "85%", 10, "每降低1%扣0.5分", "5.00"],
  ["每降低1%扣2分 never below 0", "≥95%", "80%", 10, "每降低1%扣2分", "0.00"],
  ["未达到不得分, at 94%", "≥95%", "94%", 10, "达到目标值得满分，未达到不得分", "0.00"],
  ["未达到不得分, at 95%", "≥95%", "95%", 10, "达到目标值得满分，未达到不得分", "10.00"],
  ["…的，扣N分 (a flat deduction)", "≥95%", "96%", 10, "资料不全的，扣2分", "8.00"],
  ["满分N分 caps the row", "≥95%", "96%", 10, "满分8分", "8.00"],
  ["计满分(9分) with 扣1分", "≥95%", "96%", 10, "完成值达到目标值计满分(9分),扣1分", "8.00"],
  ["bands, 96.73% as the number 0.9673", "95%", 0.9673, 20, "95%-100%得20分,90%-95%得19分,85%-90%得18分", "20.00"],
  ["bands, 0.92", "95%", 0.92, 20, "95%-100%得20分,90%-95%得19分,85%-90%得18分", "19.00"],
  // The standard methods still hold.
  ["positive by ratio", "≥3250人", "482人", 1, "", "0.15"],
  ["negative linear", "≤4小时", "5小时", 10, "反向线性", "7.50"],
  ["different units, one on each side", "≥5家", "3次", 10, "", null, undefined, "INCOMPARABLE"],
];

describe("scoreIndicator", () => {
  // Rest parameters: jest would take a trailing optional parameter for its `done` callback.
  it.each(cases)("%s", (...row) => {
    const [, target, actual, weight, how, expected, range, flag] = row as Case;
    const r = run(target, actual, weight, how);
    expect(r.score === null ? null : r.score.toFixed(2)).toBe(expected);
    expect(r.range ? r.range.map((x) => x.toFixed(2)).join("–") : undefined).toBe(range);
    if (flag) expect(r.flags).toContain(flag);
  });

  it("says why an empty actual was not scored, in Chinese", () => {
    expect(run("≥95%", "", 10, "").basis).toBe("未填写实际完成值");
  });
});
