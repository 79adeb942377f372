// Reading a written 情况说明 is linear: a 1,000,000-character text costs about a thousand times a 1,000-character
// one, never a million times (quadratic). Asserted as a ratio of times on the same machine, not as a wall time,
// as test/core/scoringLinear.test.ts does for the 自评表.
import { readText } from "../../src/core/narrative/reading";

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

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Milliseconds per call: the median of `runs` timings of `batch` calls each. */
function timeOf(f: () => unknown, batch: number, runs = 5): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) f();
    times.push((performance.now() - start) / batch);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

// Linear growth is a ratio of about 1,000; quadratic would be about 1,000,000. The bound leaves room for
// garbage collection and caches on a shared machine, and is still 50 times below quadratic.
const BOUND = 20_000;

describe("a 1,000,000-character text is read in about 1,000 times the time of a 1,000-character one", () => {
  it.each(PATTERNS)("%s", (_name, unit) => {
    const call = (s: string) => () => readText(s);
    const small = fill(unit, 1_000);
    const large = fill(unit, 1_000_000);
    timeOf(call(small), 50, 1); // warm up
    const ratio = timeOf(call(large), 1, 3) / timeOf(call(small), 200);
    expect(ratio).toBeLessThan(BOUND);
  });

  it("reads every figure of the long text (the ratio is not that of a text cut short)", () => {
    const read = readText(fill("1万元。", 1_000_000));
    expect(read.figures).toHaveLength(250_000);
    expect(read.figures[249_999]).toMatchObject({ text: "1", unit: "万元", sentence: 249_999, nested: false });
  });
});
