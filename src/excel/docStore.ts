// A JSON value kept in the workbook: in the add-in's document settings while it is small, otherwise on a very
// hidden sheet of its own (one text cell per 30,000 characters), with only a pointer in the settings.
// Settings fail past about 1–2 MB ("We only support 2MB maximum for settings", office-js issue #621; about 1 MB
// in issue #3957), and a cell holds at most 32,767 characters:
// https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
import type { ExcelHost } from "./host";
import { SettingsStore } from "./settingsStore";

/** Above this many characters of JSON a value goes to a sheet (several values share the settings). */
export const INLINE_CHARS = 64 * 1024;
const CELL_CHARS = 30000;
/** Cells per request: 24 × 30,000 characters stays under 3 MB even in three-byte UTF-8. */
const CELLS_PER_SYNC = 24;
const SHEET_PREFIX = "决算助手·";
let written = 0;

interface Pointer {
  sheet: string;
  cells: number;
}

type Stored<T> = { inline: T } | { pointer: Pointer };

/** Whether a sheet name is one of these stores' (the readers skip them; they are very hidden anyway). */
export function isStoreSheet(name: string): boolean {
  return name.startsWith(SHEET_PREFIX);
}

export class DocStore<T> {
  private readonly settings: SettingsStore<Stored<T>>;

  constructor(
    private readonly host: ExcelHost,
    private readonly key: string,
  ) {
    this.settings = new SettingsStore(host.settings, key);
  }

  /** Whether anything is stored, without reading a sheet. */
  has(): boolean {
    return this.settings.load() !== null;
  }

  async load(): Promise<T | null> {
    const stored = this.settings.load();
    if (!stored) return null;
    if ("inline" in stored) return stored.inline;
    const { sheet, cells } = stored.pointer;
    const text = await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) return null;
      const parts: string[] = [];
      for (let start = 0; start < cells; start += CELLS_PER_SYNC) {
        const range = ws.getRange(`A${start + 1}:A${Math.min(cells, start + CELLS_PER_SYNC)}`).load("values");
        await context.sync();
        for (const [v] of range.values) parts.push(String(v));
      }
      return parts.join("");
    });
    if (text === null) throw new Error(`工作簿中保存的记录（${sheet}）已被删除，无法读取。可用“重置标记记录”清除这条记录。`);
    return JSON.parse(text) as T;
  }

  /** Save (null removes). A value that moves to a new sheet is written before the pointer changes. */
  async save(value: T | null): Promise<void> {
    const old = this.settings.load();
    const oldSheet = old && "pointer" in old ? old.pointer.sheet : null;
    const json = value === null ? "" : JSON.stringify(value);
    if (value === null) await this.settings.save(null);
    else if (json.length <= INLINE_CHARS) await this.settings.save({ inline: value });
    else await this.settings.save({ pointer: await this.writeSheet(json) });
    // The value is saved; a left-over hidden sheet would only take room, so a failure to delete it is not one.
    if (oldSheet) await this.dropSheet(oldSheet).catch(() => undefined);
  }

  private async writeSheet(json: string): Promise<Pointer> {
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CELL_CHARS) chunks.push(json.slice(i, i + CELL_CHARS));
    const sheet = `${SHEET_PREFIX}${this.key.replace(/^juesuan\./, "").slice(0, 14)}·${Date.now().toString(36).slice(-5)}${(written++ % 36).toString(36)}`;
    await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.add(sheet);
      ws.visibility = "VeryHidden";
      for (let start = 0; start < chunks.length; start += CELLS_PER_SYNC) {
        const part = chunks.slice(start, start + CELLS_PER_SYNC);
        // The apostrophe keeps each piece as text, whatever it starts with.
        ws.getRange(`A${start + 1}:A${start + part.length}`).values = part.map((c) => [`'${c}`]);
        await context.sync();
      }
    });
    return { sheet, cells: chunks.length };
  }

  private async dropSheet(name: string): Promise<void> {
    await this.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (!ws.isNullObject) ws.delete();
      await context.sync();
    });
  }
}
