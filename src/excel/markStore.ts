import { SettingsStore } from "./settingsStore";

// Where the adapter remembers what it changed: the document's settings, saved with the workbook, so that
// 清除标记 still restores every fill and note after the workbook was closed and opened again.

export interface SavedFill {
  pattern: string;
  color: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface MarkedCell {
  sheet: string;
  address: string;
  /** The cell's fill before it was marked. */
  fill: SavedFill;
  /** The cell's note before it was marked; null when it had none. */
  note: string | null;
  /** Whether a note was written (not when the notes API is missing). */
  noted: boolean;
}

export interface MarkRecord {
  version: 1;
  cells: MarkedCell[];
}

export class MarkStore {
  private readonly store: SettingsStore<MarkRecord>;

  constructor(settings: Office.Settings) {
    this.store = new SettingsStore(settings, "juesuan.marks");
  }

  load(): MarkRecord | null {
    const value = this.store.load();
    return value && value.version === 1 ? value : null;
  }

  save(record: MarkRecord | null): Promise<void> {
    return this.store.save(record && record.cells.length ? record : null);
  }
}
