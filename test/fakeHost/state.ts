// The fake host's workbook: cells with values, formulas, formats and notes; merges; selection; saved settings.
import type { Grid, Rect } from "../../src/core/grid";
import { a1, parseA1 } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { shiftFormula } from "./refs";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill;
  bold?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
  /** Text kept by a leading apostrophe when it was written. */
  quoted?: boolean;
}

let nextSheetId = 1;

/** Excel's worksheet ids look like this; they stay with the sheet when it is renamed or moved. */
function sheetId(): string {
  return `{00000000-0001-0000-${String(nextSheetId++).padStart(4, "0")}-000000000000}`;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly notes = new Map<string, string>();
  merges: Rect[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly id = sheetId();
  /** A protected sheet refuses every write to its cells, formats, notes and rows. */
  protected = false;
  /** The workbook it belongs to (set when it is added), for references from and to other sheets. */
  book: FakeWorkbook | null = null;

  constructor(public name: string) {}

  cell(address: string): FakeCell {
    let c = this.cells.get(address);
    if (!c) {
      c = { value: null };
      this.cells.set(address, c);
    }
    return c;
  }

  peek(address: string): FakeCell | undefined {
    return this.cells.get(address);
  }

  /** Insert (count > 0) or delete (count < 0) whole rows at `at`: what is below moves, as in Excel. */
  shiftRows(at: number, count: number): void {
    const move = <T>(map: Map<string, T>) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [address, v] of entries) {
        const { row, col } = parseA1(address);
        if (count < 0 && row >= at && row < at - count) continue;
        map.set(row >= at ? a1(row + count, col) : address, v);
      }
    };
    move(this.cells);
    move(this.notes);
    // Every formula that refers to these rows moves with them, on this sheet and on the others.
    for (const s of this.book?.sheets ?? [this]) {
      for (const c of s.cells.values()) if (c.formula) c.formula = shiftFormula(c.formula, s.name, this.name, at, count);
    }
    this.merges = this.merges
      .filter((m) => !(count < 0 && m.top >= at && m.bottom < at - count))
      .map((m) => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= at ? { ...m, bottom: m.bottom + count } : m));
  }

  /** The bounding rectangle of what is in use: values (and, unless valuesOnly, formats and notes). */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    const take = (address: string) => {
      const { row, col } = parseA1(address);
      rect = rect
        ? { top: Math.min(rect.top, row), left: Math.min(rect.left, col), bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    };
    for (const [address, c] of this.cells) {
      const hasValue = c.value !== null && c.value !== "";
      const hasFormat = c.fill !== undefined || c.numberFormat !== undefined || c.bold !== undefined;
      if (hasValue || c.formula || (!valuesOnly && hasFormat)) take(address);
    }
    if (!valuesOnly) for (const address of this.notes.keys()) take(address);
    return rect;
  }
}

/**
 * How an injected failure hits a sync: before anything is applied; half-applied (Excel runs a batch in order and
 * stops at the failing operation, what ran before stays); or applied in full with the reply lost.
 */
export type FaultMode = "before" | "half" | "replyLost";

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet = "";
  /** Document settings as last saved with saveAsync: what survives closing and reopening. */
  savedSettings: Record<string, unknown> = {};
  /** The highest ExcelApi requirement set this host claims (1.18 has the notes API). */
  excelApi = "1.18";
  /** Other requirement sets this host claims; `declaredOnly` in office.ts narrows both to the manifest's. */
  requirementSets: Record<string, string> = { CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" };
  syncCount = 0;
  /** Per sync: the bytes of the request and of the response, as measured in proxies.ts. */
  syncs: { request: number; response: number }[] = [];
  /** Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded). */
  payloadLimit = 5 * 1024 * 1024;
  /** Document settings fail past about 1 MB in practice (office-js issues #3957, #621: "2MB maximum"). */
  settingsLimit = 1024 * 1024;
  /** A sync that will fail: the n-th from now (1 = the next one), and how. */
  fault: { at: number; mode: FaultMode } | null = null;
  /** Handlers of worksheets.onChanged/onAdded/onDeleted, called after a sync that changed the workbook. */
  changeHandlers: ((args: unknown) => Promise<unknown>)[] = [];
  /** The n-th settings save from now fails (1 = the next one), as when the document cannot be written. */
  settingsFault: number | null = null;
  /** Settings saves so far (successful or not). */
  settingsSaves = 0;

  addSheet(sheet: FakeSheet, position = this.sheets.length): FakeSheet {
    sheet.book = this;
    this.sheets.splice(position, 0, sheet);
    return sheet;
  }

  static fromGrids(grids: Grid[]): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const g of grids) {
      const sheet = new FakeSheet(g.sheet);
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === "") return;
          const cell = sheet.cell(a1(g.origin.row + r, g.origin.col + c));
          cell.value = v;
          const f = g.formulas?.[r]?.[c];
          if (f && f.startsWith("=")) cell.formula = f;
        }),
      );
      sheet.merges = (g.merges ?? []).map((m) => ({ top: m.top + g.origin.row, left: m.left + g.origin.col, bottom: m.bottom + g.origin.row, right: m.right + g.origin.col }));
      wb.addSheet(sheet);
    }
    wb.activeSheet = wb.sheets[0]?.name ?? "";
    return wb;
  }

  /** Sheet names are case-insensitive in Excel: "Sheet1" and "SHEET1" are the same sheet. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? this.sheets.find((s) => s.id === name);
  }

  /** `worksheets.getItem(key)`: "the name or ID of the worksheet" (Excel.WorksheetCollection.getItem). */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheet(key);
  }

  /** The largest request and response of the syncs since `from` (an index into `syncs`). */
  largest(from = 0): { request: number; response: number; syncs: number } {
    const part = this.syncs.slice(from);
    return { request: Math.max(0, ...part.map((x) => x.request)), response: Math.max(0, ...part.map((x) => x.response)), syncs: part.length };
  }

  /** Everything a person could see of the cells, for before/after comparisons. */
  snapshot(): Record<string, { value: CellValue; formula?: string; fill: FakeFill; note?: string; numberFormat?: string }> {
    const out: Record<string, { value: CellValue; formula?: string; fill: FakeFill; note?: string; numberFormat?: string }> = {};
    for (const s of this.sheets) {
      const addresses = new Set([...s.cells.keys(), ...s.notes.keys()]);
      for (const address of addresses) {
        const c = s.peek(address);
        // A cell record holding nothing is no different from no record.
        if (c && c.value === null && !c.formula && !c.fill && !c.numberFormat && c.bold === undefined && !c.hyperlink && !s.notes.has(address)) continue;
        out[`${s.name}!${address}`] = {
          value: c?.value ?? null,
          ...(c?.formula ? { formula: c.formula } : {}),
          fill: c?.fill ?? NO_FILL,
          ...(s.notes.has(address) ? { note: s.notes.get(address) } : {}),
          ...(c?.numberFormat ? { numberFormat: c.numberFormat } : {}),
        };
      }
    }
    return out;
  }

  /** The sheets as grids from A1, the way the adapter would read them (values only). */
  toGrids(): Grid[] {
    return this.sheets.map((s) => {
      const rect = s.usedRect(true);
      const values: CellValue[][] = [];
      if (rect) {
        for (let r = 0; r <= rect.bottom; r++) {
          values.push(Array.from({ length: rect.right + 1 }, (_, c) => s.peek(a1(r, c))?.value ?? null));
        }
      }
      return { sheet: s.name, origin: { row: 0, col: 0 }, values, merges: s.merges };
    });
  }

  /** Values and formulas only: what 校验 must never change. */
  contentSnapshot(): Record<string, { value: CellValue; formula?: string }> {
    const out: Record<string, { value: CellValue; formula?: string }> = {};
    for (const [k, v] of Object.entries(this.snapshot())) if (v.value !== null || v.formula) out[k] = { value: v.value, ...(v.formula ? { formula: v.formula } : {}) };
    return out;
  }
}
