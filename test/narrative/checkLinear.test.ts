// Checking a written 情况说明 is linear, as reading it is (test/narrative/readingLinear.test.ts): a
// 1,000,000-character text costs about a thousand times a 1,000-character one, never a million times
// (quadratic). Asserted as a ratio of times on the same machine, not as a wall time. The checker once
// searched every figure of the text (and read its paragraph again) for each figure: the seed ×8 took 2 s.
import { checkNarrative } from "../../src/core/narrative/check";
import type { TableFigures } from "../../src/core/narrative/figures";
import { LINEAR_BOUND, fill, growthRatio } from "../support/linear";
import { seedText, wuhanFigures } from "./support";

let figs: TableFigures;
beforeAll(async () => {
  figs = await wuhanFigures();
});

const SEED = seedText();

const PATTERNS: [string, string][] = [
  // About 70 copies of the seed's 第三部分: many paragraphs, every rule at work.
  ["the seed's text, copy after copy", SEED],
  // One paragraph: the words before each figure (its sentence, then the paragraph before it) name nothing.
  ["amounts, a sentence each", "1万元。"],
  ["shares, a clause each", "占本年支出1%,"],
  ["其中 lists", "其中:1万元,"],
  // One clause without a break: the words before each figure are as long as the text before it.
  ["percentages in an open bracket", "(1%"],
];

describe("a 1,000,000-character text is checked in about 1,000 times the time of a 1,000-character one", () => {
  it.each(PATTERNS)("%s", (_name, unit) => {
    const call = (s: string) => () => checkNarrative(s, figs);
    expect(growthRatio(call, unit)).toBeLessThan(LINEAR_BOUND);
  });

  it("finds in the seed repeated what it finds in the seed, copy after copy (the ratio is not that of a text cut short)", () => {
    const brief = (c: ReturnType<typeof checkNarrative>) => c.findings.map((f) => [f.rule, f.severity, f.figure, f.comparedWith, f.expected, f.found]);
    const one = checkNarrative(SEED, figs);
    const many = checkNarrative(fill(SEED, 1_000_000), figs);
    const copies = Math.floor(1_000_000 / SEED.length);
    expect(one.findings.length).toBeGreaterThan(0);
    expect(many.figures.length).toBeGreaterThanOrEqual(copies * one.figures.length);
    expect(brief(many).slice(0, copies * one.findings.length)).toEqual(Array.from({ length: copies }, () => brief(one)).flat());
  });
});
