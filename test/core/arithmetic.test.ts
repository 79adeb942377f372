// The integer-cents fast path and the Decimal reference give the same findings: both samples with many cells
// rewritten at random in every way an amount is written (float noise, more than two decimals, text, brackets,
// full width, dashes, errors, huge and tiny numbers), and the cents of single readings against Decimal.
import { centsOf, readAmount } from "../../src/core/money";
import type { Grid } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import { SHANGHAI_XLSX, WUHAN_XLSX, readGrids } from "../support/workbooks";

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value in one of the ways a cell holds an amount, near `base` (the cell's own figure) or not. */
function randomValue(next: () => number, base: number): string | number | null {
  const pick = Math.floor(next() * 14);
  const near = Math.round((base + (next() < 0.5 ? 0 : Math.floor(next() * 5 - 2) / 100)) * 100) / 100;
  switch (pick) {
    case 0:
      return near;
    case 1:
      return near + 1e-9; // float noise below Excel's 15 digits
    case 2:
      return 0.1 + 0.2 + near; // the classic binary sum
    case 3:
      return Math.round(next() * 1e7) / 1000; // three decimals
    case 4:
      return near.toLocaleString("en-US", { minimumFractionDigits: 2 });
    case 5:
      return `(${Math.abs(near).toFixed(2)})`;
    case 6:
      return String(near).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 7:
      return next() < 0.5 ? "-" : null;
    case 8:
      return next() < 0.5 ? "#REF!" : "见附表";
    case 9:
      return Math.round(next() * 1e15) / 100; // 13 digits before the point
    case 10:
      return next() * 1e-7; // an exponent
    case 11:
      return -near;
    case 12:
      return `${near.toFixed(2)}0000000000000001`; // text finer than 15 digits
    default:
      return 0;
  }
}

function scramble(grids: Grid[], next: () => number, edits: number): Grid[] {
  const { workbook } = validate(grids);
  const cells = Object.values(workbook.tables).flatMap((t) => t?.amounts ?? []);
  const copy = grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  for (let i = 0; i < edits; i++) {
    const a = cells[Math.floor(next() * cells.length)];
    const g = copy.find((x) => x.sheet === a.sheet);
    if (!g) continue;
    const col = a.address.replace(/\d+$/, "").split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 - g.origin.col;
    const row = Number(a.address.replace(/^[A-Z]+/, "")) - 1 - g.origin.row;
    g.values[row][col] = randomValue(next, typeof a.raw === "number" ? a.raw : 0);
  }
  return copy;
}

describe("integer cents and Decimal agree", () => {
  it("on the cents of single readings", () => {
    const next = rng(7);
    for (let i = 0; i < 20000; i++) {
      const v = randomValue(next, Math.round(next() * 1e8) / 100);
      const read = readAmount(v);
      if (read.kind !== "amount" || read.cents === null) continue;
      expect([v, read.cents]).toEqual([v, read.value.times(100).toNumber()]);
    }
    // Rounding to 15 significant digits, as Excel shows and fromNumber reads: 23327.909999999996 is 23327.91.
    expect(centsOf("23327.909999999996", true)).toBe(2332791);
    expect(centsOf("23327.909999999996", false)).toBeNull();
    // 16 digits: the 15th (9) rounds up through every 9 to 10000000000000.00.
    expect(centsOf("9999999999999.995", true)).toBe(1000000000000000);
    expect(centsOf("0.09999999999999999", true)).toBe(10);
    expect(centsOf("0.0999999999999999", true)).toBeNull(); // 15 digits: kept as written
    expect(centsOf("-0.00", false)).toBe(0);
    expect(centsOf("1.234", true)).toBeNull();
  });

  it.each([
    ["wuhan-2020", WUHAN_XLSX, 1],
    ["shanghai-putuo-czj-2024", SHANGHAI_XLSX, 2],
  ])("on %s with cells rewritten at random (150 workbooks)", async (_, path, seed) => {
    const grids = await readGrids(path);
    const next = rng(seed);
    let findings = 0;
    for (let n = 0; n < 150; n++) {
      const scrambled = scramble(grids, next, 1 + Math.floor(next() * 40));
      const fast = validate(scrambled);
      const reference = validate(scrambled, { arithmetic: "decimal" });
      expect(fast.findings).toEqual(reference.findings);
      expect(fast.notApplicable).toEqual(reference.notApplicable);
      findings += fast.findings.length;
    }
    // The scrambling breaks identities: the comparison is not between two empty lists.
    expect(findings).toBeGreaterThan(1000);
  });
});
