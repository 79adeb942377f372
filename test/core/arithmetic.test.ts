// The integer-cents fast path and the Decimal reference give the same findings: both samples with many cells
// rewritten at random in every way an amount is written (float noise, more than two decimals, text, brackets,
// full width, dashes, errors, huge and tiny numbers), and the cents of single readings against Decimal.
import { centsOf, readAmount } from "../../src/core/money";
import { type Grid, parseA1 } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import { SHANGHAI_XLSX, WUHAN_XLSX, readGrids } from "../support/workbooks";
import { syntheticWorkbook } from "../../bench/synthetic";

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
    const at = parseA1(a.address);
    const [row, col] = [at.row - g.origin.row, at.col - g.origin.col];
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

  // The bench's workbook: full 类/款/项 trees, and 表5 over 表3 in most rows (X8 worded from cents). Cells are
  // rewritten as above, or set near the largest amounts read in cents (13 digits before the point): ten of them
  // add up past 2^53 cents, where the running total must go to Decimal.
  it("on the synthetic 表2/表3/表5 with cells rewritten at random, huge amounts among them (60 workbooks)", () => {
    const grids = syntheticWorkbook(300);
    const next = rng(3);
    const huge = (): number | string => {
      const v = 9999999999999.99 - Math.floor(next() * 3);
      return next() < 0.25 ? -v : next() < 0.5 ? v.toLocaleString("en-US", { minimumFractionDigits: 2 }) : v;
    };
    let findings = 0;
    let x8 = 0;
    for (let n = 0; n < 60; n++) {
      const copy = grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
      for (let i = 0, edits = 1 + Math.floor(next() * 60); i < edits; i++) {
        const g = copy[Math.floor(next() * copy.length)];
        const row = g.values[5 + Math.floor(next() * (g.values.length - 5))];
        const col = 2 + Math.floor(next() * (row.length - 2));
        const base = typeof row[col] === "number" ? (row[col] as number) : 0;
        row[col] = next() < 0.3 ? huge() : randomValue(next, base);
      }
      const fast = validate(copy);
      const reference = validate(copy, { arithmetic: "decimal" });
      expect(fast.findings).toEqual(reference.findings);
      expect(fast.notApplicable).toEqual(reference.notApplicable);
      findings += fast.findings.length;
      x8 += fast.findings.filter((f) => f.rule === "X8").length;
    }
    expect(x8).toBeGreaterThan(1000);
    expect(findings - x8).toBeGreaterThan(1000);
  });

  // 20 figures of ±9,999,999,999,999.99 and one cent: the exact sum is 0.01, but a double summing the cents
  // (past 2^53 it holds even integers only) makes it 0.02 on the way, and would find the printed 0.02 right.
  it("past 2^53 cents: a cent lost by a double is still found", () => {
    const a = 9999999999999.99;
    const items = [...Array<number>(10).fill(a), 0.01, ...Array<number>(10).fill(-a)];
    const row = (code: string, name: string, v: number) => [code, name, v, v, null, null, null, null, null];
    const grid: Grid = {
      sheet: "表2",
      origin: { row: 0, col: 0 },
      values: [
        ["收入决算表"],
        ["部门：某某局", null, null, null, null, null, null, null, "单位：万元"],
        ["功能分类科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
        ["栏次", null, 1, 2, 3, 4, 5, 6, 7],
        row("合计", "", 0.02),
        row("201", "一般公共服务支出", 0.02),
        row("20101", "人大事务", 0.02),
        ...items.map((v, i) => row(`20101${String(i + 1).padStart(2, "0")}`, "项", v)),
      ],
    };
    const fast = validate([grid]);
    expect(fast.findings).toEqual(validate([grid], { arithmetic: "decimal" }).findings);
    const sums = fast.findings.filter((f) => f.rule === "T2-款");
    expect(sums.map((f) => [f.cells, f.difference])).toEqual([
      [["C7"], "0.01"],
      [["D7"], "0.01"],
    ]);
  });
});
