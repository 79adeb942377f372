// The 绩效自评 samples: the nine seed 自评表 filled in as published (one sheet each), and the indicator list of
// 行政运行工作经费 that 生成自评表 starts from.
import { join } from "node:path";
import { parseA1 } from "../../src/core/grid";
import { type IndicatorListRow, selfEvalLayout } from "../../src/core/scoring/sheet";
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

function specOf(name: string, cells: { address: string; value?: Cell | boolean }[], merges: string[], headerRows: number[]): SheetSpec {
  const rows: Cell[][] = [];
  for (const c of cells) {
    const { row, col } = parseA1(c.address);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = (c.value ?? null) as Cell;
  }
  return { name, rows, merges, headerRows, widths: [12, 16, 24, 14, 30, 8, 8, 40, 30] };
}

/** One filled 自评表 per seed table, scores and 总分 as published (values, as a submitted table holds them). */
export function selfEvalSheets(dir: string): SheetSpec[] {
  return readCsv(join(dir, "index.csv"))
    .filter((p) => p.file !== "summaries.csv")
    .map((p) => {
      const rows = listRows(dir, p.file);
      const layout = selfEvalLayout(p.project, rows, rows.map((r) => Number(r.score)));
      const total = parseA1(layout.totalCell).row + 1;
      const cells = layout.cells
        .filter((c) => parseA1(c.address).row + 1 < layout.afterTotalRow)
        .map((c) => (c.address === layout.totalCell ? { address: c.address, value: Number(p.total_score) } : c.address === `F${total}` ? { address: c.address, value: Number(p.total_weight) } : c));
      const name = `${p.file.slice(0, 3)} ${p.project}`.slice(0, 31);
      return specOf(name, cells, layout.merges.filter((m) => parseA1(m.split(":")[0]).row + 1 < layout.afterTotalRow), [3, total]);
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
