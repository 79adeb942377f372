// 图表: the 情况说明's four charts as native Excel charts on a 图表 sheet. Each chart's data is a small block
// on the sheet whose figures are formulas to the tables' cells, so the charts follow the tables.
// Charts are added with worksheet.charts.add(type, sourceData, seriesBy), ExcelApi 1.1:
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
import { a1 } from "../core/grid";
import type { CellValue } from "../core/money";
import { type ChartSpec, type ChartsResult, chartSpecs, extractFigures } from "../core/narrative";
import { validate } from "../core/validate";
import type { ExcelHost } from "./host";
import { readWorkbook } from "./readWorkbook";

export const CHART_SHEET = "图表";
/** Rows each chart takes on the sheet: its data block on the left, the chart beside it. */
const BLOCK_ROWS = 20;

export interface WrittenCharts {
  sheet: string;
  charts: { name: string; title: string; type: "Pie" | "ColumnClustered"; source: string }[];
  skipped: ChartsResult["skipped"];
}

/** The block: a header row (类别, series…) and one row per category, each figure a formula to its table cell. */
function block(spec: ChartSpec): CellValue[][] {
  const rows: CellValue[][] = [["项目", ...spec.series.map((s) => s.name)]];
  spec.categories.forEach((c, i) => {
    rows.push([c, ...spec.series.map((_, k) => `=${spec.cells[k * spec.categories.length + i]}`)]);
  });
  return rows;
}

export async function writeChartSheet(host: ExcelHost): Promise<WrittenCharts> {
  return host.run(async (context) => {
    const { grids } = await readWorkbook(context);
    const figures = extractFigures(validate(grids), grids);
    const { charts, skipped } = chartSpecs(figures);
    if (!charts.length) throw new Error(`没有可画的图表：${skipped.map((s) => `${s.title}（${s.reason}）`).join("；")}`);
    // The 图表 sheet is the add-in's own: drawn again from the tables each time.
    if (grids.some((g) => g.sheet === CHART_SHEET)) context.workbook.worksheets.getItem(CHART_SHEET).delete();
    const ws = context.workbook.worksheets.add(CHART_SHEET);
    const written: WrittenCharts["charts"] = [];
    charts.forEach((spec, i) => {
      const top = i * BLOCK_ROWS;
      const rows = block(spec);
      const width = rows[0].length;
      ws.getRange(a1(top, 0)).values = [[spec.title]];
      ws.getRange(a1(top, 0)).format.font.bold = true;
      const source = `${a1(top + 1, 0)}:${a1(top + rows.length, width - 1)}`;
      ws.getRange(source).formulas = rows;
      const type = spec.kind === "pie" ? "Pie" : "ColumnClustered";
      const chart = ws.charts.add(type, ws.getRange(source), "Columns");
      chart.name = spec.id;
      chart.title.text = spec.title;
      if (spec.kind === "pie") chart.dataLabels.showPercentage = true;
      chart.setPosition(a1(top, width + 1), a1(top + BLOCK_ROWS - 2, width + 8));
      written.push({ name: spec.id, title: spec.title, type, source: `${CHART_SHEET}!${source}` });
    });
    ws.activate();
    await context.sync();
    return { sheet: CHART_SHEET, charts: written, skipped };
  });
}
