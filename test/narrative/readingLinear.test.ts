// Reading a written 情况说明 is linear: a 1,000,000-character text costs about a thousand times a 1,000-character
// one, never a million times (quadratic). Asserted as a ratio of times on the same machine, not as a wall time,
// as test/core/scoringLinear.test.ts does for the 自评表.
import { readText } from "../../src/core/narrative/reading";
import { LINEAR_BOUND, fill, growthRatio } from "../support/linear";

const PATTERNS: [string, string][] = [
  ["spaces", " "],
  ["digits", "1"],
  ["amounts in one sentence", "1万元"],
  ["amounts, a sentence each", "1万元。"],
  ["wrapped lines (joined into one paragraph)", "1万元\n"],
  ["paragraphs", "1万元。\n"],
  ["open brackets", "(1%"],
  ["thousands separators", "1,000,"],
  ["decimal points", "1."],
  ["PDF spacing", "347. 11 万元 支 出"],
  ["shares", "占本年支出1%,"],
  ["a sentence of the seed", "其中:基本支出4,922.56万元,占本年支出21.1%(人员经费4,101.59万元);"],
];

describe("a 1,000,000-character text is read in about 1,000 times the time of a 1,000-character one", () => {
  it.each(PATTERNS)("%s", (_name, unit) => {
    const call = (s: string) => () => readText(s);
    expect(growthRatio(call, unit)).toBeLessThan(LINEAR_BOUND);
  });

  it("reads every figure of the long text (the ratio is not that of a text cut short)", () => {
    const read = readText(fill("1万元。", 1_000_000));
    expect(read.figures).toHaveLength(250_000);
    expect(read.figures[249_999]).toMatchObject({ text: "1", unit: "万元", sentence: 249_999, nested: false });
  });
});
