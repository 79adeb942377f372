// The add-in's own undo (Excel's undo does not cover add-in writes): a stack in the workbook's settings,
// one entry per 填充小计 or 插入缺失行, undone last first.
import type { CellValue } from "../core/money";
import type { ExcelHost } from "./host";
import { SettingsStore } from "./settingsStore";

export type UndoEntry =
  | { kind: "fill"; cells: { sheet: string; address: string; value: CellValue; formula: string | null }[] }
  /** Rows inserted, as 0-based sheet rows after the insertion. */
  | { kind: "insert"; rows: { sheet: string; row: number }[] }
  /** A sheet the add-in built (生成自评表). */
  | { kind: "sheet"; sheet: string };

/** Cells per request (Excel on the web takes about 5 MB a request). */
const UNDO_CHUNK = 5000;

const stack = (host: ExcelHost) => new SettingsStore<UndoEntry[]>(host.settings, "juesuan.undo");

export async function pushUndo(host: ExcelHost, entry: UndoEntry): Promise<void> {
  await stack(host).save([...(stack(host).load() ?? []), entry]);
}

export function lastUndo(host: ExcelHost): UndoEntry | null {
  const entries = stack(host).load();
  return entries?.length ? entries[entries.length - 1] : null;
}

/** Undo the last add-in write; returns what was undone, or null when there is nothing to undo. */
export async function undoLast(host: ExcelHost): Promise<UndoEntry | null> {
  const entries = stack(host).load() ?? [];
  const entry = entries[entries.length - 1];
  if (!entry) return null;
  await host.run(async (context) => {
    if (entry.kind === "fill") {
      // In requests of UNDO_CHUNK cells, like the fill itself.
      for (let start = 0; start < entry.cells.length; start += UNDO_CHUNK) {
        for (const cell of entry.cells.slice(start, start + UNDO_CHUNK)) {
          const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
          if (cell.formula) range.formulas = [[cell.formula]];
          else range.values = [[cell.value ?? ""]];
        }
        if (start + UNDO_CHUNK < entry.cells.length) await context.sync();
      }
    } else if (entry.kind === "sheet") {
      context.workbook.worksheets.getItem(entry.sheet).delete();
    } else {
      // Bottom up, so that each row is still where it was recorded.
      for (const { sheet, row } of [...entry.rows].sort((a, b) => b.row - a.row)) {
        context.workbook.worksheets.getItem(sheet).getRange(`A${row + 1}`).getEntireRow().delete("Up");
      }
    }
    await context.sync();
  });
  await stack(host).save(entries.slice(0, -1));
  return entry;
}

/** What an undo did, for the pane. */
export function describeUndo(entry: UndoEntry): string {
  if (entry.kind === "fill") return `已撤销，恢复了 ${entry.cells.length} 个单元格的原值和公式。`;
  if (entry.kind === "insert") return `已撤销，删除了插入的 ${entry.rows.length} 行。`;
  return `已撤销，删除了生成的工作表「${entry.sheet}」。`;
}
