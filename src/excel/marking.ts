// Marks on the cells and their undoing, robust to what the user did in between. A mark is found where it is now:
// by its note (which moves with the cell when rows are inserted or deleted), or — without the notes API — by its
// fill and the cell's value at the recorded address. Restoring never throws on a cell, note or sheet that moved or
// vanished: it restores what it can, says what it could not, and is idempotent (a cell that no longer carries the
// mark is left alone), so that running it again after a failed sync is always safe.
import { MARK_FILL, NOTE_PREFIX, type CellMark } from "../core/marks";
import type { CellValue } from "../core/money";
import { ACTION_BYTES, Batcher, OBJECT_BYTES, jsonBytes } from "./batch";
import type { MarkedCell, SavedFill } from "./markStore";

const FILL_PROPS = "color,pattern,patternColor,tintAndShade,patternTintAndShade";
const MARK_COLORS = new Set(Object.values(MARK_FILL));

/** A sheet of the workbook as it is now. */
export interface SheetRef {
  id: string;
  name: string;
}

/** What is at a cell now. */
interface Probe {
  sheetId: string;
  sheet: string;
  address: string;
  fill: SavedFill;
  note: string | null;
  value: CellValue;
}

/** A recorded mark where it is now. */
export interface Located {
  entry: MarkedCell;
  at: Probe;
}

export interface NotRestored {
  sheet: string;
  address: string;
  reason: string;
}

/** Everything after the add-in's own part of a note ("\n\n【决算助手…" or the whole note) is removed. */
export function userPartOf(note: string): string | null {
  const at = note.startsWith(NOTE_PREFIX) ? 0 : note.indexOf(`\n\n${NOTE_PREFIX}`);
  if (at < 0) return note;
  const rest = note.slice(0, at);
  return rest === "" ? null : rest;
}

export function carriesOwnNote(note: string | null): boolean {
  return note !== null && userPartOf(note) !== note;
}

/** A short fingerprint of the add-in's part of a note (FNV-1a), to tell one mark's note from another's. */
export function noteTag(ownText: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < ownText.length; i++) h = Math.imul(h ^ ownText.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function ownTagOf(note: string | null): string | null {
  if (note === null || !carriesOwnNote(note)) return null;
  const user = userPartOf(note);
  return noteTag(user === null ? note : note.slice(user.length + 2));
}

/** Whether the note at a cell is this mark's own (or, for a record without tags, any of the add-in's). */
function ownNoteOf(entry: MarkedCell, note: string | null): boolean {
  return entry.tag ? ownTagOf(note) === entry.tag : carriesOwnNote(note);
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return (a ?? "") === (b ?? "");
}

function sameFill(a: SavedFill, b: SavedFill): boolean {
  return a.pattern === b.pattern && (a.pattern === "None" || (a.color === b.color && a.patternColor === b.patternColor && a.tintAndShade === b.tintAndShade && a.patternTintAndShade === b.patternTintAndShade));
}

/**
 * Whether the fill is the mark's, or the blank a mark leaves when its batch stopped between clearing the fill
 * and colouring it (a batch is not rolled back: what ran before the failure stays).
 */
function markedOrCleared(fill: SavedFill, entry: MarkedCell): boolean {
  return showsMark(fill, entry.markFill) || (fill.pattern === "None" && entry.fill.pattern !== "None");
}

function showsMark(fill: SavedFill, markFill: string): boolean {
  if (fill.pattern !== "Solid") return false;
  return markFill === "*" ? MARK_COLORS.has(fill.color.toUpperCase()) : fill.color.toUpperCase() === markFill.toUpperCase();
}

/** Load fill, note and value of each cell, in syncs kept under the request budget. */
export async function probeCells(context: Excel.RequestContext, cells: readonly { sheetId: string; sheet: string; address: string }[], withNotes: boolean): Promise<Probe[]> {
  const batch = new Batcher(context);
  const queued: { cell: (typeof cells)[number]; range: Excel.Range; fill: Excel.RangeFill; note: Excel.Note | null }[] = [];
  for (const cell of cells) {
    await batch.reserve(OBJECT_BYTES * 6 + ACTION_BYTES * 3);
    const ws = context.workbook.worksheets.getItem(cell.sheetId);
    const range = ws.getRange(cell.address).load("values");
    const fill = range.format.fill.load(FILL_PROPS);
    const note = withNotes ? ws.notes.getItemOrNullObject(cell.address).load("content") : null;
    queued.push({ cell, range, fill, note });
  }
  await batch.flush();
  return queued.map(({ cell, range, fill, note }) => ({
    ...cell,
    fill: { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade, patternTintAndShade: fill.patternTintAndShade },
    note: note && !note.isNullObject ? note.content : null,
    value: (range.values[0]?.[0] ?? null) as CellValue,
  }));
}

/** The sheets as they are now, by id. */
export async function currentSheets(context: Excel.RequestContext): Promise<SheetRef[]> {
  const sheets = context.workbook.worksheets.load("items/id,items/name");
  await context.sync();
  return sheets.items.map((s) => ({ id: s.id, name: s.name }));
}

/** Find each recorded mark where it is now; what cannot be found is said, never thrown. */
export async function locateMarks(
  context: Excel.RequestContext,
  entries: readonly MarkedCell[],
  sheets: readonly SheetRef[],
  withNotes: boolean,
): Promise<{ located: Located[]; lost: NotRestored[] }> {
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const lost: NotRestored[] = [];
  const live: { entry: MarkedCell; sheet: SheetRef }[] = [];
  for (const entry of entries) {
    const sheet = byId.get(entry.sheetId) ?? byName.get(entry.sheetId.toLowerCase());
    if (sheet) live.push({ entry, sheet });
    else lost.push({ sheet: entry.sheet, address: entry.address, reason: "工作表已删除" });
  }
  const probes = await probeCells(context, live.map(({ entry, sheet }) => ({ sheetId: sheet.id, sheet: sheet.name, address: entry.address })), withNotes);
  const located: Located[] = [];
  const moved: { entry: MarkedCell; sheet: SheetRef; at: Probe }[] = [];
  live.forEach(({ entry, sheet }, i) => {
    const at = probes[i];
    const byFill = markedOrCleared(at.fill, entry) && (entry.value === null || sameValue(at.value, entry.value));
    const here = entry.noted && withNotes ? ownNoteOf(entry, at.note) : byFill;
    if (here) located.push({ entry, at });
    // The mark's note is not there (deleted by hand, or a batch stopped before writing it) but the cell is still
    // the marked one, by its fill and value: restore its fill.
    else if (entry.noted && withNotes && byFill && !carriesOwnNote(at.note)) located.push({ entry, at });
    else if (entry.noted && withNotes) moved.push({ entry, sheet, at });
    // Without a note to follow, a mark not at its address cannot be told from the user's own fill: it is
    // left alone. A cell still as it was before the mark needs nothing.
    else if (!sameFill(at.fill, entry.fill)) lost.push({ sheet: sheet.name, address: entry.address, reason: "单元格已移动或已改变，未恢复其填充" });
  });
  if (moved.length) located.push(...(await followNotes(context, moved, located, withNotes, lost)));
  return { located, lost };
}

/**
 * Marks whose note is no longer at the recorded address: rows were inserted or deleted above them. The add-in's
 * notes on those sheets that no located mark accounts for are matched to them in order, nearest first.
 */
async function followNotes(context: Excel.RequestContext, moved: { entry: MarkedCell; sheet: SheetRef; at: Probe }[], located: readonly Located[], withNotes: boolean, lost: NotRestored[]): Promise<Located[]> {
  const sheetIds = [...new Set(moved.map((m) => m.sheet.id))];
  const collections = sheetIds.map((id) => ({ id, notes: context.workbook.worksheets.getItem(id).notes.load("items/content") }));
  await context.sync();
  const own = collections.flatMap(({ id, notes }) => notes.items.filter((n) => carriesOwnNote(n.content)).map((n) => ({ id, tag: ownTagOf(n.content), where: n.getLocation().load("address") })));
  await context.sync();
  const claimed = new Set(located.map((l) => `${l.at.sheetId}!${l.at.address}`));
  const free = own
    .map(({ id, tag, where }) => ({ id, tag, address: where.address.slice(where.address.lastIndexOf("!") + 1).replace(/\$/g, "") }))
    .filter((n) => !claimed.has(`${n.id}!${n.address}`));
  const rowOf = (address: string) => Number(/\d+/.exec(address)?.[0] ?? 0);
  const colOf = (address: string) => /^[A-Z]+/.exec(address)?.[0] ?? "";
  const matches: { entry: MarkedCell; sheet: SheetRef; address: string }[] = [];
  for (const { entry, sheet, at } of moved) {
    // Same column, nearest row: rows move, columns do not.
    const candidates = free.filter((n) => n.id === sheet.id && colOf(n.address) === colOf(entry.address) && (!entry.tag || n.tag === entry.tag)).sort((a, b) => Math.abs(rowOf(a.address) - rowOf(entry.address)) - Math.abs(rowOf(b.address) - rowOf(entry.address)));
    const pick = candidates[0];
    if (!pick) {
      // A cell still as it was before the mark was never marked (its batch failed first) or is already restored.
      if (!sameFill(at.fill, entry.fill)) lost.push({ sheet: sheet.name, address: entry.address, reason: "批注已被删除，未能找到该标记" });
      continue;
    }
    free.splice(free.indexOf(pick), 1);
    matches.push({ entry, sheet, address: pick.address });
  }
  const probes = await probeCells(context, matches.map((m) => ({ sheetId: m.sheet.id, sheet: m.sheet.name, address: m.address })), withNotes);
  return matches.map((m, i) => ({ entry: m.entry, at: probes[i] }));
}

function queueFill(fill: Excel.RangeFill, saved: SavedFill): void {
  fill.clear();
  if (saved.pattern === "None") return;
  fill.color = saved.color;
  fill.pattern = saved.pattern as Excel.FillPattern;
  fill.patternColor = saved.patternColor;
  fill.tintAndShade = saved.tintAndShade;
  fill.patternTintAndShade = saved.patternTintAndShade;
}

/**
 * Put back the fill and note of each located mark that still shows it; returns what was left and why. After an
 * operation that failed part-way (`pending` record) a fill that is neither the mark's nor the original one is
 * what the failed batch left, and is put back too; otherwise it is the user's, and stays.
 */
export async function restoreMarks(context: Excel.RequestContext, located: readonly Located[], withNotes: boolean, pending = false, batch = new Batcher(context)): Promise<{ restored: number; left: NotRestored[] }> {
  const left: NotRestored[] = [];
  let restored = 0;
  for (const { entry, at } of located) {
    const ws = context.workbook.worksheets.getItem(at.sheetId);
    const fillBack = markedOrCleared(at.fill, entry) || (pending && !sameFill(at.fill, entry.fill));
    const noteBack = withNotes && carriesOwnNote(at.note);
    if (!fillBack && !noteBack) continue;
    await batch.reserve(OBJECT_BYTES * 6 + ACTION_BYTES * 7 + jsonBytes(at.note ?? ""));
    if (fillBack) queueFill(ws.getRange(at.address).format.fill, entry.fill);
    else if (!sameFill(at.fill, entry.fill)) left.push({ sheet: at.sheet, address: at.address, reason: "填充已被修改，保留现有填充" });
    if (noteBack && at.note !== null) {
      const user = userPartOf(at.note);
      const note = ws.notes.getItem(at.address);
      if (user === null) note.delete();
      else note.content = user;
    }
    restored++;
  }
  await batch.flush();
  return { restored, left };
}

/** What to write for a new mark, and the record entry that undoes it. */
export interface PlannedMark {
  mark: CellMark;
  sheetId: string;
  entry: MarkedCell;
  /** The cell's note now, without the add-in's part (what the mark's note goes under). */
  userNote: string | null;
  /** Whether the cell has a note now (the add-in's or the user's). */
  hasNote: boolean;
}

/** Plan the new marks from what is at their cells now; a cell the previous 校验 marked keeps its original fill. */
export async function planNewMarks(context: Excel.RequestContext, marks: readonly CellMark[], sheets: readonly SheetRef[], previous: readonly Located[], withNotes: boolean): Promise<PlannedMark[]> {
  const idOf = new Map(sheets.map((s) => [s.name, s.id]));
  const known = marks.filter((m) => idOf.has(m.sheet));
  const probes = await probeCells(context, known.map((m) => ({ sheetId: idOf.get(m.sheet) as string, sheet: m.sheet, address: m.address })), withNotes);
  const before = new Map(previous.map((l) => [`${l.at.sheetId}!${l.at.address}`, l.entry]));
  return known.map((mark, i) => {
    const at = probes[i];
    const prior = before.get(`${at.sheetId}!${at.address}`);
    return {
      mark,
      sheetId: at.sheetId,
      userNote: at.note === null ? null : userPartOf(at.note),
      hasNote: at.note !== null,
      entry: { sheetId: at.sheetId, sheet: mark.sheet, address: mark.address, fill: prior ? prior.fill : at.fill, markFill: mark.fill, noted: withNotes, value: at.value, tag: noteTag(mark.note) },
    };
  });
}

/** Write the planned marks, in syncs under the request budget. */
export async function writeMarks(context: Excel.RequestContext, planned: readonly PlannedMark[], withNotes: boolean, batch = new Batcher(context)): Promise<void> {
  for (const p of planned) {
    const text = p.userNote ? `${p.userNote}\n\n${p.mark.note}` : p.mark.note;
    await batch.reserve(OBJECT_BYTES * 6 + ACTION_BYTES * 3 + jsonBytes(text));
    const ws = context.workbook.worksheets.getItem(p.sheetId);
    const fill = ws.getRange(p.mark.address).format.fill;
    fill.clear();
    fill.color = p.mark.fill;
    if (!withNotes) continue;
    if (p.hasNote) ws.notes.getItem(p.mark.address).content = text;
    else ws.notes.add(p.mark.address, text);
  }
  await batch.flush();
}
