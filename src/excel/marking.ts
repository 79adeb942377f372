// Marks on the cells, and their exact undoing. Everything is queued on the caller's context: restoring the
// previous marks, loading each cell's fill (queued before the new fill, so it reads what was there), and
// writing the new fills and notes all go in one sync.
import type { CellMark } from "../core/marks";
import type { MarkRecord, MarkedCell, SavedFill } from "./markStore";

const key = (sheet: string, address: string) => `${sheet}!${address}`;

export function queueRestore(context: Excel.RequestContext, record: MarkRecord | null): void {
  for (const cell of record?.cells ?? []) {
    const sheet = context.workbook.worksheets.getItem(cell.sheet);
    const fill = sheet.getRange(cell.address).format.fill;
    fill.clear();
    if (cell.fill.pattern !== "None") {
      fill.color = cell.fill.color;
      fill.pattern = cell.fill.pattern as Excel.FillPattern;
      fill.patternColor = cell.fill.patternColor;
      fill.tintAndShade = cell.fill.tintAndShade;
      fill.patternTintAndShade = cell.fill.patternTintAndShade;
    }
    if (!cell.noted) continue;
    const note = sheet.notes.getItem(cell.address);
    if (cell.note === null) note.delete();
    else note.content = cell.note;
  }
}

/**
 * Queue the marks; call the returned function after the sync to get what must be remembered.
 * `notes` are the notes as read before `previous` was restored: a cell marked last time has its
 * original note in `previous`, not on the sheet.
 */
export function queueMarks(
  context: Excel.RequestContext,
  marks: readonly CellMark[],
  notes: ReadonlyMap<string, string>,
  previous: MarkRecord | null,
  withNotes: boolean,
): () => MarkRecord {
  const before = new Map((previous?.cells ?? []).map((c) => [key(c.sheet, c.address), c]));
  const pending = marks.map((mark) => {
    const sheet = context.workbook.worksheets.getItem(mark.sheet);
    const fill = sheet.getRange(mark.address).format.fill.load("color,pattern,patternColor,tintAndShade,patternTintAndShade");
    const k = key(mark.sheet, mark.address);
    const original = before.has(k) ? (before.get(k)?.note ?? null) : (notes.get(k) ?? null);
    const setFill = sheet.getRange(mark.address).format.fill;
    setFill.clear();
    setFill.color = mark.fill;
    if (withNotes) {
      if (original === null) sheet.notes.add(mark.address, mark.note);
      else sheet.notes.getItem(mark.address).content = `${original}\n\n${mark.note}`;
    }
    return { mark, fill, original };
  });
  return () => ({
    version: 1,
    cells: pending.map(({ mark, fill, original }): MarkedCell => {
      const saved: SavedFill = {
        pattern: fill.pattern,
        color: fill.color,
        patternColor: fill.patternColor,
        tintAndShade: fill.tintAndShade,
        patternTintAndShade: fill.patternTintAndShade,
      };
      return { sheet: mark.sheet, address: mark.address, fill: saved, note: original, noted: withNotes };
    }),
  });
}
