// 提交前定稿: make a workbook fit to leave the add-in — every cell holding one of the add-in's JUESUAN formulas
// gets the value it shows (without the add-in, the finance bureau would see #NAME?), and the marks of both
// checks (校验 and 检查自评表, each its own record: markStore.ts) are cleared. Undoable through the add-in's undo
// stack (undo.ts): a "fill" entry, recorded before the first write, whose undo checks that each cell still holds
// the value 定稿 wrote before it puts the formula back; the pane then re-runs the checks whose marks were cleared
// (what they mark is a function of the same cells).
import { a1 } from "../core/grid";
import type { CellValue } from "../core/money";
import { ACTION_BYTES, Batcher, OBJECT_BYTES, jsonBytes } from "./batch";
import { type NotRestored, clearMarksReport } from "./check";
import type { ExcelHost } from "./host";
import { MarkStore } from "./markStore";
import { readWorkbook } from "./readWorkbook";
import { SettingsStore } from "./settingsStore";
import { type FillCell, type UndoEntry, lastUndo, newUndoId, pushUndo, undoLast, updateUndo } from "./undo";

/** The pane's checks that put marks on cells. */
export type MarkingCheck = "check" | "selfEval";

export interface FinalizeResult {
  /** Cells whose JUESUAN formula became its value. */
  converted: number;
  /** Cells left with their formula because it shows an error (#NAME?, #BUSY! …): there is no value to keep. */
  kept: { sheet: string; address: string; shown: string }[];
  /** Marked cells restored to their own fill and note, both checks together. */
  unmarked: number;
  /** Marks that could not be put back (sheet deleted, fill changed by the user …). */
  notRestored: NotRestored[];
}

interface FinalizeRecord {
  /** The undo entry this 定稿 pushed (none when nothing was converted). */
  undoId: string | null;
  /** The checks to run again on 撤销, so that their marks come back. */
  remark: MarkingCheck[];
  /** Set before 撤销定稿 undoes the entry: a retry after a lost reply then finds it already undone. */
  undoing?: boolean;
}

const JUESUAN_CALL = /(?:^|[^A-Za-z0-9_.])JUESUAN\./i;
const record = (host: ExcelHost) => new SettingsStore<FinalizeRecord>(host.settings, "juesuan.finalize");

interface FormulaCell {
  sheetId: string;
  sheet: string;
  address: string;
  formula: string;
  value: CellValue;
}

/** Every cell of the workbook holding a JUESUAN formula, with the value Excel computed for it (chunked reads). */
async function findAddinFormulas(host: ExcelHost): Promise<FormulaCell[]> {
  return host.run(async (context) => {
    const { grids, sheets } = await readWorkbook(context, { formulas: true });
    const idOf = new Map(sheets.map((s) => [s.name, s.id]));
    const cells: FormulaCell[] = [];
    for (const g of grids) {
      const sheetId = idOf.get(g.sheet);
      if (!sheetId) continue;
      g.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (typeof f === "string" && f.startsWith("=") && JUESUAN_CALL.test(f)) {
            cells.push({ sheetId, sheet: g.sheet, address: a1(g.origin.row + r, g.origin.col + c), formula: f, value: g.values[r]?.[c] ?? null });
          }
        }),
      );
    }
    return cells;
  });
}

const isErrorValue = (v: CellValue) => typeof v === "string" && /^#[A-Z0-9/]+[!?]?$/.test(v);

/** The checks whose marks are on the workbook now (each keeps its own record). */
export function markedChecks(host: ExcelHost): MarkingCheck[] {
  return (["check", "selfEval"] as const).filter((f) => new MarkStore(host, f).has());
}

/**
 * Turn the add-in's formulas into the values they show and clear the marks of both checks; `remark` is what
 * 撤销 must run again. Safe to repeat after a failure: the undo entry and this 定稿's record are saved before the
 * first write; a repeat undoes a 定稿 left part-way before doing it again, and one that finds nothing left to
 * convert keeps the record of the 定稿 it completes.
 */
export async function finalizeWorkbook(host: ExcelHost, remark: MarkingCheck[]): Promise<FinalizeResult> {
  let previous = record(host).load();
  const last = lastUndo(host);
  if (previous?.undoId && !previous.undoing && last?.id === previous.undoId && last.state === "pending") {
    // A 定稿 that stopped part-way: what it wrote is undone first (undo.ts checks each cell), then it is done
    // again as a whole, so that one 撤销定稿 brings back every formula.
    await undoLast(host);
    remark = [...new Set([...previous.remark, ...remark])];
    await record(host).save(null);
    previous = null;
  }
  const found = await findAddinFormulas(host);
  const kept = found.filter((c) => isErrorValue(c.value)).map((c) => ({ sheet: c.sheet, address: c.address, shown: String(c.value) }));
  const convert = found.filter((c) => !isErrorValue(c.value));
  const resumed = previous && !previous.undoing && lastIsFinalize(host) ? previous : null;
  if (convert.length) {
    const cells: FillCell[] = convert.map((c) => ({
      sheetId: c.sheetId,
      sheet: c.sheet,
      address: c.address,
      old: { value: null, formula: c.formula },
      wrote: { value: c.value === "" ? null : c.value, formula: null },
    }));
    const id = newUndoId();
    // Intent first: the undo entry and the record go in before any cell changes, so that a write that fails
    // at any sync is still undone (a cell that still holds its formula is left as it is).
    await pushUndo(host, { id, kind: "fill", state: "pending", count: cells.length }, cells);
    await record(host).save({ undoId: id, remark: [...new Set([...(resumed?.remark ?? []), ...remark])] });
    await host.run(async (context) => {
      const batch = new Batcher(context);
      for (const c of cells) {
        await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES + jsonBytes(c.wrote.value));
        // A text result is written with its apostrophe: Excel reads a written string as if it was typed ("100%"
        // would become 1). https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
        const v = c.wrote.value;
        context.workbook.worksheets.getItem(c.sheetId).getRange(c.address).values = [[typeof v === "string" ? `'${v}` : (v ?? "")]];
      }
      await batch.flush();
    });
    await updateUndo(host, id, { state: "done" });
  } else if (resumed) {
    // A repeat of a 定稿 whose writes all landed: its record stays, with the checks it must bring back.
    await record(host).save({ ...resumed, remark: [...new Set([...resumed.remark, ...remark])] });
  } else {
    await record(host).save({ undoId: null, remark });
  }
  let unmarked = 0;
  const notRestored: NotRestored[] = [];
  for (const feature of ["check", "selfEval"] as const) {
    const cleared = await clearMarksReport(host, feature);
    unmarked += cleared.restored;
    notRestored.push(...cleared.notRestored);
  }
  return { converted: convert.length, kept, unmarked, notRestored };
}

/** Whether the last thing 撤销 would undo is a 定稿 (then the pane offers 撤销定稿). */
export function lastIsFinalize(host: ExcelHost): boolean {
  const rec = record(host).load();
  if (!rec) return false;
  if (rec.undoing) return true;
  if (!rec.undoId) return true;
  return lastUndo(host)?.id === rec.undoId;
}

/**
 * 撤销定稿: the formulas back (undo.ts refuses, naming the cells, when the user has typed over a value 定稿
 * wrote); returns the checks the pane must run again to bring their marks back. Idempotent: a retry after a
 * lost reply finds the entry already undone and only finishes.
 */
export async function undoFinalize(host: ExcelHost): Promise<{ restored: number; remark: MarkingCheck[] }> {
  const rec = record(host).load();
  if (!rec || !lastIsFinalize(host)) throw new Error("最近一次操作不是定稿，无法撤销定稿：请用各面板的“撤销”逐步撤销。");
  let entry: UndoEntry | null = null;
  if (rec.undoId) {
    const last = lastUndo(host);
    if (last?.id === rec.undoId) {
      await record(host).save({ ...rec, undoing: true });
      entry = await undoLast(host);
    }
  }
  await record(host).save(null);
  return { restored: entry?.kind === "fill" ? entry.count : 0, remark: rec.remark };
}
