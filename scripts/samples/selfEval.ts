// The 绩效自评 samples: the nine seed 自评表 filled in as published, in the seed's own layout (one sheet each);
// the indicator list of 行政运行工作经费 that 生成自评表 starts from; and one real table per template family
// (samples/data/selfeval-real: 河北 附件1, 四川, 湖北 without 分值), cell for cell as published.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseA1 } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { type IndicatorListRow, type SheetLayout, selfEvalLayout } from "../../src/core/scoring/sheet";
import { type Cell, type SheetSpec, readCsv } from "./sheetSpec";

function listRows(dir: string, file: string): (IndicatorListRow & { score: string })[] {
  return readCsv(join(dir, file)).map((r) => ({
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    target: r.target,
    actual: r.actual,
    weight: r.weight === "" ? null : Number(r.weight),
    rule: r.rule,
    score: r.score,
  }));
}

/** A layout's cells as a sheet: values where they are values (formulas are never in a filled sample). */
export function layoutSpec(name: string, layout: SheetLayout, widths: number[]): SheetSpec {
  const rows: Cell[][] = [];
  for (const c of layout.cells) {
    const { row, col } = parseA1(c.address);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = (c.value ?? null) as Cell;
  }
  const formats = Object.fromEntries(layout.formats.map((f) => [f.address, f.format]));
  const totalRow = parseA1(layout.totalCell).row + 1;
  return { name, rows, merges: layout.merges, headerRows: [3, totalRow], widths, formats };
}

/** One filled 自评表 per seed table, in the seed's layout: scores, 合计 and 执行率 as published. */
export function selfEvalSheets(dir: string): SheetSpec[] {
  return readCsv(join(dir, "index.csv"))
    .filter((p) => p.file !== "summaries.csv")
    .map((p) => {
      const rows = listRows(dir, p.file);
      const layout = selfEvalLayout(p.project, rows, {
        layout: "seed",
        scores: rows.map((r): CellValue => (r.score === "" ? null : Number(r.score))),
        printedTotal: Number(p.total_score),
        printedWeightTotal: Number(p.total_weight),
      });
      return layoutSpec(`${p.file.slice(0, 3)} ${p.project}`.slice(0, 31), layout, [16, 16, 24, 14, 30, 8, 40, 10]);
    });
}

/** The indicator list of 行政运行工作经费 (p01): what an accountant types before the 自评表 is built. */
export function indicatorListSheet(dir: string): SheetSpec {
  const rows = listRows(dir, "p01_xingzheng_yunxing.csv");
  const header = ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "评分标准"];
  return {
    name: "指标清单",
    rows: [["项目名称", "行政运行工作经费"], [], header, ...rows.map((r) => [r.level1, r.level2, r.level3, r.target as Cell, r.actual as Cell, r.weight as Cell, r.rule as Cell])],
    merges: [],
    headerRows: [3],
    widths: [12, 16, 24, 14, 20, 8, 40],
  };
}

interface RealSheet {
  name: string;
  merges: string[];
  formats: Record<string, string>;
  rows: Cell[][];
}

/** The real tables of samples/data/selfeval-real (file name without .json): cells, merges and percent formats. */
export function realSelfEvalSheets(dir: string, name: string): SheetSpec[] {
  const sheets = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as RealSheet[];
  return sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges, formats: s.formats, headerRows: [], widths: s.rows[0]?.map(() => 14) }));
}

/** The samples one per family: file name in samples/ → data file in samples/data/selfeval-real. */
export const REAL_SAMPLES: [string, string][] = [
  ["hebei-2019-fujian1-self-eval.xlsx", "hebei-langfang-2019-fujian1"],
  ["sichuan-2023-self-eval.xlsx", "sichuan-daying-2023"],
  ["hubei-2020-no-weight-self-eval.xlsx", "hubei-shangwu-2020-no-weight"],
];
