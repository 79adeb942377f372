// Seeded fuzz of validate(): random grids built from the vocabulary of the tables (titles, header labels, codes,
// amounts in every written form, errors, blanks, merges) and single-cell mutations of the Wuhan sample. The core
// must never throw, and never put NaN or Infinity of its own making into a finding. FUZZ_GRIDS=n for more
// (default 3,000 random grids plus 200 mutated workbooks); FUZZ_SEED to replay a failure.
import type { Finding } from "../../src/core/findings";
import type { Grid, Rect } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { TITLE_RULES } from "../../src/core/tables/titles";
import { validate } from "../../src/core/validate";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const GRIDS = Number(process.env.FUZZ_GRIDS ?? 3000);
const WORKBOOKS = Math.max(20, Math.round(GRIDS / 15));

const LABELS = ["项目", "行次", "栏次", "金额", "合计", "小计", "本年收入合计", "本年支出合计", "基本支出", "项目支出", "财政拨款收入", "预算数", "决算数", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "人员经费", "公用经费", "功能分类科目编码", "科目名称", "类", "款", "项", "年初结转和结余", "年末结转和结余", "注：本表无数据", "单位：万元", "部门：某局"];
const TEXT_AMOUNTS = ["-", "—", "", " ", "（1,234.50）", "(0.00)", "１２３．４５", "1,234.5", "12 345.67", "见附表", "#REF!", "#DIV/0!", "1e308", "-0", "0.005", "99999999999999999999.99", "١٢٣"];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function randomCell(r: () => number, row: number, col: number): CellValue {
  const k = r();
  if (k < 0.3) return null;
  if (k < 0.5) return Math.round((r() - 0.2) * 10 ** Math.floor(r() * 8) * 100) / 100;
  if (k < 0.55) return pick(r, [0, -0, 1e15, -1e15, 0.1 + 0.2, 1e-9, Number.MAX_SAFE_INTEGER, 1e300, 5e-324]);
  if (k < 0.65) return pick(r, TEXT_AMOUNTS);
  if (k < 0.78) return pick(r, LABELS);
  if (k < 0.9) return String(200 + Math.floor(r() * 30)) + (r() < 0.7 ? String(Math.floor(r() * 100)).padStart(2, "0") : "") + (r() < 0.5 ? String(Math.floor(r() * 100)).padStart(2, "0") : "");
  if (k < 0.93) return r() < 0.5;
  if (k < 0.96) return row === 0 && col === 0 ? pick(r, TITLE_RULES).name : pick(r, TITLE_RULES).name;
  return String(Math.floor(r() * 60) + 1);
}

function randomGrid(r: () => number, i: number): Grid {
  const height = 1 + Math.floor(r() * 40);
  const width = 1 + Math.floor(r() * 12);
  const values: CellValue[][] = [];
  for (let y = 0; y < height; y++) {
    // Ragged rows, as sparse reading makes them.
    const w = r() < 0.2 ? Math.floor(r() * width) : width;
    values.push(Array.from({ length: w }, (_, x) => randomCell(r, y, x)));
  }
  if (r() < 0.7) values[0] = [pick(r, TITLE_RULES).name + (r() < 0.3 ? "（2020年度）" : "")];
  const merges: Rect[] = [];
  for (let m = Math.floor(r() * 4); m > 0; m--) {
    const top = Math.floor(r() * height);
    const left = Math.floor(r() * width);
    merges.push({ top, left, bottom: top + Math.floor(r() * 3), right: left + Math.floor(r() * 4) });
  }
  return { sheet: `S${i}`, origin: { row: Math.floor(r() * 3), col: Math.floor(r() * 3) }, values, merges };
}

function ownNaN(findings: Finding[]): Finding[] {
  return findings.filter((f) => [f.expected, f.found, f.difference].some((v) => v !== null && /NaN|Infinity/.test(v)) || /NaN|Infinity|undefined/.test(f.message));
}

describe(`validate() under fuzz (seed ${SEED})`, () => {
  it(`never throws and never makes NaN or Infinity on ${GRIDS} random grids`, () => {
    const r = rng(SEED);
    let findings = 0;
    for (let i = 0; i < GRIDS; i += 3) {
      // Three sheets at a time, so 表间 rules meet each other's tables.
      const grids = [randomGrid(r, i), randomGrid(r, i + 1), randomGrid(r, i + 2)];
      let result;
      try {
        result = validate(grids);
      } catch (err) {
        throw new Error(`validate threw on grids ${i}–${i + 2} (FUZZ_SEED=${SEED}): ${String(err)}\n${JSON.stringify(grids).slice(0, 2000)}`, { cause: err });
      }
      expect(ownNaN(result.findings)).toEqual([]);
      findings += result.findings.length;
    }
    expect(findings).toBeGreaterThan(GRIDS); // the grids did reach the rules
  }, 300_000);

  it(`never throws on ${WORKBOOKS} single-cell mutations of the Wuhan sample`, async () => {
    const base = await readGrids(WUHAN_XLSX);
    const r = rng(SEED + 1);
    const errorsBefore = validate(base).findings.filter((f) => f.severity === "error").length;
    let changed = 0;
    for (let n = 0; n < WORKBOOKS; n++) {
      const grids: Grid[] = base.map((g) => ({ ...g, values: g.values.map((row) => [...row]) }));
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
        const g = pick(r, grids);
        const y = Math.floor(r() * g.values.length);
        const x = Math.floor(r() * Math.max(1, g.values[y].length + 1));
        g.values[y][x] = randomCell(r, y, x);
      }
      const result = validate(grids);
      expect(ownNaN(result.findings)).toEqual([]);
      if (result.findings.filter((f) => f.severity === "error").length !== errorsBefore) changed++;
    }
    expect(changed).toBeGreaterThan(0); // the mutations were seen
  }, 300_000);
});
