// Reading targets, actuals and 评分标准 text, one row per case with what it must read.
import { readDate, readGrade, readQuantities } from "../../src/core/scoring/quantity";
import { readRule } from "../../src/core/scoring/rule";

describe("readQuantities", () => {
  it.each<[string, string, [string, string, string | null][]]>([
    ["compatibility ﹦", "﹦0起", [["0", "起", "="]]],
    ["full-width ＝ and digits", "＝１００％", [["100", "%", "="]]],
    ["≧ as ≥", "≧95%", [["95", "%", ">="]]],
    ["≦ as ≤", "≦ 4 小时", [["4", "小时", "<="]]],
    ["a score is not a measure", "完成率95%,扣1分", [["95", "%", null]]],
    ["(9分) is not a measure", "计满分(9分)", []],
    ["分钟 is a unit, not a score", "≤30分钟", [["30", "分钟", "<="]]],
    ["两个数", "1次,5人", [["1", "次", null], ["5", "人", null]]],
    ["以上 after the number", "98%以上", [["98", "%", ">="]]],
    ["per period", "4 次/季", [["4", "次/季", null]]],
    ["个月 as one unit", "12个月", [["12", "个月", null]]],
  ])("%s: %s", (_name, text, expected) => {
    expect(readQuantities(text).quantities.map((q) => [q.value.toString(), q.unit, q.direction])).toEqual(expected);
  });

  it("stops after 100 numbers and says so", () => {
    expect(readQuantities("1,".repeat(100)).tooMany).toBe(false);
    expect(readQuantities("1,".repeat(101)).tooMany).toBe(true);
  });
});

describe("readGrade and readDate", () => {
  it.each<[string, string | null]>([
    ["达成预期指标", "achieved"],
    ["部分达成预期指标", "partial"],
    ["未达成预期指标", "missed"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["未达成年度指标且效果较差", "missed"],
    ["优", "achieved"],
    ["良。", "partial"],
    ["中", "missed"],
    ["基本完成", "partial"],
    ["已完成", "achieved"],
    ["未完成", "missed"],
    ["受目的国受众欢迎显著", null],
  ])("%s → %s", (text, band) => {
    expect(readGrade(text)?.band ?? null).toBe(band);
  });

  it.each<[string, [number | null, number, number | null] | null]>([
    ["12月底前完成", [null, 12, null]],
    ["2020年11月前", [2020, 11, null]],
    ["2020年12月15日", [2020, 12, 15]],
    ["13月", null],
    ["10次/年", null],
  ])("%s", (text, expected) => {
    const d = readDate(text);
    expect(d ? [d.year, d.month, d.day] : null).toEqual(expected);
  });
});

describe("readRule", () => {
  it.each<[string, string, Partial<Record<"bands" | "maximum" | "deduction" | "fullFrom" | "perStep" | "allOrNothing" | "overlaps", string>>]>([
    ["bands", "满意度达95%-100%得20分, 90%-95%得19分, 85%-90%得18分", { bands: "95-100:20,90-95:19,85-90:18", overlaps: "0" }],
    ["full-width bands", "９５％－１００％得２０分", { bands: "95-100:20" }],
    ["overlapping bands", "99%-100%得17分,96%-99%得16分,95%-97%得15分", { overlaps: "1" }],
    ["大于N%得满分", "大于90%得满分", { fullFrom: "90", deduction: "0" }],
    ["达到N%以上得满分", "达到95%以上的得满分", { fullFrom: "95" }],
    ["每降低N%扣M分 is not a flat deduction", "大于90%得满分，每降低1%扣0.5分", { fullFrom: "90", perStep: "1:0.5", deduction: "0" }],
    ["未达到不得分", "达到目标值得满分，未达到不得分", { allOrNothing: "true" }],
    ["…的，扣N分", "资料不全的，扣2分；超时的，扣1分", { deduction: "3" }],
    ["满分N分", "满分8分", { maximum: "8" }],
    ["计满分(9分)", "完成值达到目标值计满分（9分）", { maximum: "9" }],
  ])("%s: %s", (_name, text, expected) => {
    const r = readRule(text);
    const seen: Record<string, string> = {
      bands: r.bands.map((b) => `${b.from}-${b.to}:${b.score}`).join(","),
      maximum: String(r.maximum),
      deduction: r.deduction.toString(),
      fullFrom: String(r.fullFrom),
      perStep: r.perStep ? `${r.perStep.step}:${r.perStep.points}` : "null",
      allOrNothing: String(r.allOrNothing),
      overlaps: String(r.overlaps.length),
    };
    for (const [key, value] of Object.entries(expected)) expect([key, seen[key]]).toEqual([key, value]);
  });
});
