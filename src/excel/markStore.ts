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

const KEY = "juesuan.marks";

export class MarkStore {
  constructor(private readonly settings: Office.Settings) {}

  load(): MarkRecord | null {
    const value = this.settings.get(KEY) as MarkRecord | null;
    return value && value.version === 1 ? value : null;
  }

  save(record: MarkRecord | null): Promise<void> {
    if (record && record.cells.length) this.settings.set(KEY, record);
    else this.settings.remove(KEY);
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((result) => {
        // "failed" is Office.AsyncResultStatus.Failed; compared as text so this module needs no Office global.
        if (result && String(result.status) === "failed") reject(new Error(`无法保存标记记录：${result.error?.message ?? ""}`));
        else resolve();
      }),
    );
  }
}
