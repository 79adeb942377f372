// Charts on the fake host: worksheet.charts.add(type, sourceData, seriesBy) records the chart at sync time,
// with the writes Excel accepts on a new chart (name, title.text, dataLabels.showPercentage, setPosition).
// Follows the ChartCollection and Chart objects of ExcelApi 1.1:
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection
import { a1 } from "../../src/core/grid";
import { type FakeContext, FakeOfficeError, type FakeRange, quoteSheetName } from "./proxies";
import type { FakeSheet, FakeWorkbook } from "./state";

export interface FakeChartRecord {
  sheet: FakeSheet;
  type: string;
  /** The source range, `Sheet!A1:B5`. */
  source: string;
  seriesBy: string;
  name: string;
  title: string;
  showPercentage: boolean;
  position: { start: string; end?: string } | null;
}

/** The chart types this fake knows (a subset of Excel.ChartType); another is refused, as Excel refuses a bad enum. */
const CHART_TYPES = new Set(["Pie", "Doughnut", "ColumnClustered", "ColumnStacked", "BarClustered", "Line", "LineMarkers"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

const records = new WeakMap<FakeWorkbook, FakeChartRecord[]>();

/** The charts on sheets that still exist (a deleted sheet takes its charts with it), in the order added. */
export function chartsOf(state: FakeWorkbook, sheet?: string): FakeChartRecord[] {
  return (records.get(state) ?? []).filter((r) => state.sheets.includes(r.sheet) && (sheet === undefined || r.sheet.name === sheet));
}

const notLoaded = (prop: string) => new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Call load and sync first.`);

/** A chart proxy: its writes are queued and land on the record made when `add` ran at sync. */
export class FakeChart {
  record: FakeChartRecord | null = null;
  readonly title: { text: string };
  readonly dataLabels: { showPercentage: boolean };

  constructor(private readonly context: FakeContext) {
    const set = (op: (r: FakeChartRecord) => void) => this.set(op);
    this.title = {
      get text(): string {
        throw notLoaded("text");
      },
      set text(v: string) {
        set((r) => (r.title = v));
      },
    };
    this.dataLabels = {
      get showPercentage(): boolean {
        throw notLoaded("showPercentage");
      },
      set showPercentage(v: boolean) {
        set((r) => (r.showPercentage = v));
      },
    };
  }

  private set(op: (r: FakeChartRecord) => void): void {
    this.context.enqueue(() => {
      if (!this.record) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      op(this.record);
    });
  }

  get name(): string {
    throw notLoaded("name");
  }
  set name(v: string) {
    this.set((r) => (r.name = v));
  }

  setPosition(start: string, end?: string): void {
    this.set((r) => (r.position = { start, ...(end ? { end } : {}) }));
  }
}

export class FakeChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheetName: () => string,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    const chart = new FakeChart(this.context);
    this.context.enqueue(() => {
      const state = this.context.state;
      // A proxy names its sheet by id once the sheet exists (worksheets.add), else by name.
      const sheet = state.sheetByKey(this.sheetName());
      const sourceSheet = state.sheetByKey(sourceData.sheetName());
      if (!sheet || !sourceSheet) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: type '${type}'.`);
      if (!SERIES_BY.has(seriesBy)) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: seriesBy '${seriesBy}'.`);
      const r = sourceData.rect();
      const source = `${quoteSheetName(sourceSheet.name)}!${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
      const record: FakeChartRecord = { sheet, type, source, seriesBy, name: `图表 ${chartsOf(state).length + 1}`, title: "", showPercentage: false, position: null };
      records.set(state, [...(records.get(state) ?? []), record]);
      chart.record = record;
    });
    return chart;
  }
}
