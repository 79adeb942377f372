// What a feature's marks replaced, kept in the workbook (docStore.ts) so that 清除标记 restores every fill and
// note also after the workbook was closed and opened again. One record per feature: 校验 and 检查自评表 each
// clear their own.
import type { CellValue } from "../core/money";
import { DocStore } from "./docStore";
import type { ExcelHost } from "./host";

export type MarkFeature = "check" | "selfEval";

export interface SavedFill {
  pattern: string;
  color: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface MarkedCell {
  /** The worksheet's id (it stays when the sheet is renamed), and its name then, for messages. */
  sheetId: string;
  sheet: string;
  /** Where the mark was written; the cell may have moved since (rows inserted above it). */
  address: string;
  /** The cell's fill before it was marked. */
  fill: SavedFill;
  /** The fill the mark set: a cell still showing it still carries the mark. */
  markFill: string;
  /** Whether a note was written (not when the notes API is missing). */
  noted: boolean;
  /** The cell's value when it was marked: without notes, what tells the marked cell from one that moved in. */
  value: CellValue;
  /** Fingerprint of the mark's note text (marking.ts noteTag): tells this mark's note from another's. */
  tag?: string;
}

export interface MarkRecord {
  version: 2;
  /**
   * "pending" is written before any mark (intent first): it lists both the marks about to be written and the
   * previous ones about to be restored, so that a batch that fails half-way can still be cleared.
   */
  state: "pending" | "applied";
  cells: MarkedCell[];
}

/** The record of an older version: addressed by sheet name, with the cell's note as it was. */
interface RecordV1 {
  version: 1;
  cells: { sheet: string; address: string; fill: SavedFill; note: string | null; noted: boolean }[];
}

const KEYS: Record<MarkFeature, string> = { check: "juesuan.marks", selfEval: "juesuan.marks.selfEval" };

export class MarkStore {
  private readonly store: DocStore<MarkRecord | RecordV1>;

  constructor(host: ExcelHost, feature: MarkFeature) {
    this.store = new DocStore(host, KEYS[feature]);
  }

  has(): boolean {
    return this.store.has();
  }

  async load(): Promise<MarkRecord | null> {
    const value = await this.store.load();
    if (!value) return null;
    if (value.version === 2) return value;
    // getItem takes a name or an id, so the old name stands in for the id; no mark fill was recorded, so each
    // cell is recognised by the colours the add-in uses.
    return {
      version: 2,
      state: "pending",
      cells: value.cells.map((c) => ({ sheetId: c.sheet, sheet: c.sheet, address: c.address, fill: c.fill, markFill: "*", noted: c.noted, value: null })),
    };
  }

  save(record: MarkRecord | null): Promise<void> {
    return this.store.save(record && record.cells.length ? record : null);
  }
}
