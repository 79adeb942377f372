// The add-in's own undo (Excel's undo does not cover add-in writes): a stack of at most MAX_UNDO entries, one per
// 填充小计, 插入缺失行 or 生成自评表, undone last first. Every entry is pushed before the write it undoes (intent
// first), so that a write that fails at any sync can be undone; undo looks at the cells before it acts and refuses
// a step whose cells the user has changed since; and it is idempotent — after a lost reply, undoing again finds
// the cells already back and touches nothing else.
import type { CellValue } from "../core/money";
import { ACTION_BYTES, Batcher, OBJECT_BYTES, jsonBytes } from "./batch";
import { DocStore } from "./docStore";
import type { ExcelHost } from "./host";
import { currentSheets } from "./marking";
import { SettingsStore } from "./settingsStore";

export const MAX_UNDO = 20;

/** "pending" until the write is known to have landed; "undoing" once an undo of it has started. */
export type UndoState = "pending" | "done" | "undoing";

export interface FillCell {
  sheetId: string;
  sheet: string;
  address: string;
  /** What the cell held before (a formula, or a value; null for empty). */
  old: { value: CellValue; formula: string | null };
  /** What 填充小计 wrote. */
  wrote: { value: CellValue; formula: string | null };
}

export interface InsertedRow {
  sheetId: string;
  sheet: string;
  /** 0-based row where it was inserted, and how many rows of the same batch went in above it (its window). */
  insertAt: number;
  above: number;
  /** The cells written in it, by column letter, as Excel stores them. */
  cells: { column: string; value: CellValue }[];
}

export type UndoEntry =
  | { id: string; kind: "fill"; state: UndoState; count: number }
  | { id: string; kind: "insert"; state: UndoState; rows: InsertedRow[] }
  /** A sheet the add-in built (生成自评表); its A1 and B2 say it is the one. */
  | { id: string; kind: "sheet"; state: UndoState; sheet: string; sheetId?: string; title: string; project: string };

const headers = (host: ExcelHost) => new SettingsStore<UndoEntry[]>(host.settings, "juesuan.undo");
const cellsOf = (host: ExcelHost, id: string) => new DocStore<FillCell[]>(host, `juesuan.undo.${id}`);

let counter = 0;
export function newUndoId(): string {
  return `${Date.now().toString(36)}${(counter++ % 1296).toString(36)}`;
}

/** Push an entry (and the cells of a fill) before the write; the oldest entries past MAX_UNDO are dropped. */
export async function pushUndo(host: ExcelHost, entry: UndoEntry, cells?: FillCell[]): Promise<void> {
  if (cells) await cellsOf(host, entry.id).save(cells);
  const all = [...(headers(host).load() ?? []), entry];
  const dropped = all.slice(0, Math.max(0, all.length - MAX_UNDO));
  await headers(host).save(all.slice(-MAX_UNDO));
  for (const d of dropped) if (d.kind === "fill") await cellsOf(host, d.id).save(null);
}

/** Change an entry in place (its state once the write landed, a sheet's id). */
export async function updateUndo(host: ExcelHost, id: string, patch: Partial<UndoEntry>): Promise<void> {
  const all = headers(host).load() ?? [];
  await headers(host).save(all.map((e) => (e.id === id ? ({ ...e, ...patch } as UndoEntry) : e)));
}

export function lastUndo(host: ExcelHost): UndoEntry | null {
  const entries = headers(host).load();
  return entries?.length ? entries[entries.length - 1] : null;
}

async function pop(host: ExcelHost, entry: UndoEntry): Promise<void> {
  await headers(host).save((headers(host).load() ?? []).filter((e) => e.id !== entry.id));
  if (entry.kind === "fill") await cellsOf(host, entry.id).save(null);
}

/** Refused: the user changed what the step wrote. The message says what to do. */
export class UndoRefused extends Error {}

/** Undo the last add-in write; returns what was undone, or null when there is nothing to undo. */
export async function undoLast(host: ExcelHost): Promise<UndoEntry | null> {
  const entry = lastUndo(host);
  if (!entry) return null;
  if (entry.kind === "fill") await undoFill(host, entry);
  else if (entry.kind === "insert") await undoInsert(host, entry);
  else await undoSheet(host, entry);
  await pop(host, entry);
  return entry;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

async function undoFill(host: ExcelHost, entry: Extract<UndoEntry, { kind: "fill" }>): Promise<void> {
  const cells = (await cellsOf(host, entry.id).load()) ?? [];
  await host.run(async (context) => {
    // Cells are keyed by sheet id, or by name (getItem takes either).
    const live = new Set((await currentSheets(context)).flatMap((s) => [s.id, s.name]));
    const present = cells.filter((c) => live.has(c.sheetId));
    const batch = new Batcher(context);
    const reads: { cell: FillCell; range: Excel.Range }[] = [];
    for (const cell of present) {
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES);
      reads.push({ cell, range: context.workbook.worksheets.getItem(cell.sheetId).getRange(cell.address).load("values,formulas") });
    }
    await batch.flush();
    const holds = (range: Excel.Range, what: FillCell["old"]) => {
      const f = range.formulas[0][0];
      if (what.formula) return f === what.formula;
      return !(typeof f === "string" && f.startsWith("=")) && text(range.values[0][0]) === text(what.value);
    };
    const changed = reads.filter(({ cell, range }) => !holds(range, cell.wrote) && !holds(range, cell.old));
    if (changed.length) {
      const list = changed.slice(0, 5).map(({ cell }) => `${cell.sheet}!${cell.address}`).join("、");
      throw new UndoRefused(`未撤销：${list}${changed.length > 5 ? ` 等 ${changed.length} 个单元格` : ""}在填充后又被修改过。请先手动处理这些单元格。`);
    }
    for (const { cell, range } of reads) {
      if (!holds(range, cell.wrote) || holds(range, cell.old)) continue;
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES + jsonBytes(cell.old));
      const target = context.workbook.worksheets.getItem(cell.sheetId).getRange(cell.address);
      if (cell.old.formula) target.formulas = [[cell.old.formula]];
      // A text that Excel would read as a number or a formula is put back with its apostrophe.
      else target.values = [[typeof cell.old.value === "string" ? `'${cell.old.value}` : (cell.old.value ?? "")]];
    }
    await batch.flush();
  });
}

async function undoInsert(host: ExcelHost, entry: Extract<UndoEntry, { kind: "insert" }>): Promise<void> {
  const found = await host.run(async (context) => {
    const live = new Set((await currentSheets(context)).map((s) => s.id));
    const rows = entry.rows.filter((r) => live.has(r.sheetId));
    const reads = rows.map((r) => {
      const ws = context.workbook.worksheets.getItem(r.sheetId);
      // The rows where it can be: its own position, pushed down by at most the rows inserted above it.
      return { r, window: r.cells.map((c) => ws.getRange(`${c.column}${r.insertAt + 1}:${c.column}${r.insertAt + r.above + 1}`).load("values")) };
    });
    await context.sync();
    return reads.map(({ r, window }) => {
      for (let k = r.above; k >= 0; k--) {
        if (r.cells.every((c, i) => text(window[i].values[k]?.[0]) === text(c.value))) return { r, row: r.insertAt + k };
      }
      // An insertion that failed after the row went in but before its cells were written leaves it blank.
      if (entry.state === "pending" && r.cells.every((_, i) => text(window[i].values[0]?.[0]) === "")) return { r, row: r.insertAt };
      return { r, row: null };
    });
  });
  const missing = found.filter((f) => f.row === null);
  // After a write that did not finish, or an undo whose reply was lost, a row that is not there is one that
  // was never inserted or is already deleted; after a finished insertion it is one the user changed or moved.
  if (missing.length && entry.state === "done") {
    const m = missing[0].r;
    throw new UndoRefused(`未撤销：插入在「${m.sheet}」第 ${m.insertAt + 1} 行的“${m.cells.map((c) => text(c.value)).join(" ")}”已不在原处（该行被修改，或上方插入或删除了行）。请手动删除该行。`);
  }
  await updateUndo(host, entry.id, { state: "undoing" });
  await host.run(async (context) => {
    const rows = found.flatMap((f) => (f.row === null ? [] : [{ sheetId: f.r.sheetId, row: f.row }]));
    for (const { sheetId, row } of rows.sort((a, b) => b.row - a.row)) {
      context.workbook.worksheets.getItem(sheetId).getRange(`A${row + 1}`).getEntireRow().delete("Up");
    }
    await context.sync();
  });
}

async function undoSheet(host: ExcelHost, entry: Extract<UndoEntry, { kind: "sheet" }>): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(entry.sheetId ?? entry.sheet);
    await context.sync();
    // Already gone (deleted by hand, or by an undo whose reply was lost): nothing left to do.
    if (ws.isNullObject) return;
    const head = ws.getRange("A1:B2").load("values");
    await context.sync();
    const ours = text(head.values[0][0]) === entry.title && text(head.values[1][1]) === entry.project;
    const blank = head.values.every((row) => row.every((v) => text(v) === ""));
    if (!ours && !(blank && entry.state !== "done")) {
      throw new UndoRefused(`未撤销：工作表「${entry.sheet}」已不是生成的自评表（标题或项目名称已改）。如确需删除，请手动删除该工作表。`);
    }
    ws.delete();
    await context.sync();
  });
}

/** What an undo did, for the pane. */
export function describeUndo(entry: UndoEntry): string {
  if (entry.kind === "fill") return `已撤销，恢复了 ${entry.count} 个单元格的原值和公式。`;
  if (entry.kind === "insert") return `已撤销，删除了插入的 ${entry.rows.length} 行。`;
  return `已撤销，删除了生成的工作表「${entry.sheet}」。`;
}
