// 提交前定稿: make a workbook fit to leave the add-in — every cell holding one of the add-in's JUESUAN formulas
// gets the value it shows (without the add-in, the finance bureau would see #NAME?), and every mark is
// cleared. Undoable through the add-in's undo stack: the formulas come back from a "fill" entry, and the
// pane re-runs the checks whose marks were cleared (what they mark is a function of the same cells).
import { a1 } from "../core/grid";
import type { CellValue } from "../core/money";
import { clearMarks } from "./check";
import type { ExcelHost } from "./host";
import { parseAreas } from "./readWorkbook";
import { SettingsStore } from "./settingsStore";
import { lastUndo, newUndoId, pushUndo, undoLast } from "./undo";

/** The pane's checks that put marks on cells. */
export type MarkingCheck = "check" | "selfEval";

export interface FinalizeResult {
  /** Cells whose JUESUAN formula became its value. */
  converted: number;
  /** Cells left with their formula because it shows an error (#NAME?, #BUSY! …): there is no value to keep. */
  kept: { sheet: string; address: string; shown: string }[];
  /** Marked cells restored to their own fill and note. */
  unmarked: number;
}

interface FinalizeRecord {
  /** The undo entry this 定稿 pushed, recognised by its size and first cell (none when nothing was converted). */
  cells: number;
  first: string | null;
  /** The checks to run again on 撤销, so that their marks come back. */
  remark: MarkingCheck[];
  /** The id of that undo entry (src/excel/undo.ts), when there is one. */
  undoId?: string | null;
}

const JUESUAN_CALL = /(?:^|[^A-Za-z0-9_.])JUESUAN\./i;
const CHUNK = 5000;
const record = (host: ExcelHost) => new SettingsStore<FinalizeRecord>(host.settings, "juesuan.finalize");

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  value: CellValue;
}

async function findAddinFormulas(host: ExcelHost): Promise<FormulaCell[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const used = sheets.items.map((ws) => ({ sheet: ws.name, range: ws.getUsedRangeOrNullObject(true).load("address,formulas,values") }));
    await context.sync();
    const cells: FormulaCell[] = [];
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      const [area] = parseAreas(range.address);
      if (!area) continue;
      range.formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (typeof f === "string" && f.startsWith("=") && JUESUAN_CALL.test(f)) {
            cells.push({ sheet, address: a1(area.rect.top + r, area.rect.left + c), formula: f, value: range.values[r][c] as CellValue });
          }
        }),
      );
    }
    return cells;
  });
}

const isErrorValue = (v: CellValue) => typeof v === "string" && /^#[A-Z0-9/]+[!?]?$/.test(v);

/** Turn the add-in's formulas into values and clear every mark; `remark` is what 撤销 must run again. */
export async function finalizeWorkbook(host: ExcelHost, remark: MarkingCheck[]): Promise<FinalizeResult> {
  const found = await findAddinFormulas(host);
  const kept = found.filter((c) => isErrorValue(c.value)).map((c) => ({ sheet: c.sheet, address: c.address, shown: String(c.value) }));
  const convert = found.filter((c) => !isErrorValue(c.value));
  let undoId: string | null = null;
  if (convert.length) {
    // The undo entry goes in first: a write that fails half-way is still undone (restoring a formula that
    // is still there changes nothing).
    undoId = newUndoId();
    const cells = convert.map((c) => ({ sheetId: c.sheet, sheet: c.sheet, address: c.address, old: { value: null, formula: c.formula }, wrote: { value: c.value, formula: null } }));
    await pushUndo(host, { id: undoId, kind: "fill", state: "pending", count: cells.length }, cells);
    await host.run(async (context) => {
      for (let start = 0; start < convert.length; start += CHUNK) {
        for (const c of convert.slice(start, start + CHUNK)) {
          context.workbook.worksheets.getItem(c.sheet).getRange(c.address).values = [[c.value ?? ""]];
        }
        await context.sync();
      }
    });
  }
  await record(host).save({ cells: convert.length, first: convert.length ? `${convert[0].sheet}!${convert[0].address}` : null, remark, undoId });
  // Each feature keeps its own mark record (src/excel/markStore.ts): 校验's and 检查自评表's are both cleared.
  const unmarked = (await clearMarks(host, "check")) + (await clearMarks(host, "selfEval"));
  return { converted: convert.length, kept, unmarked };
}

/** Whether the last thing 撤销 would undo is a 定稿 (then the pane offers 撤销定稿). */
export function lastIsFinalize(host: ExcelHost): boolean {
  const rec = record(host).load();
  if (!rec) return false;
  if (!rec.cells) return true;
  const entry = lastUndo(host);
  return entry?.kind === "fill" && entry.count === rec.cells && (!rec.undoId || entry.id === rec.undoId);
}

/** 撤销定稿: the formulas back; returns the checks the pane must run again to bring their marks back. */
export async function undoFinalize(host: ExcelHost): Promise<{ restored: number; remark: MarkingCheck[] }> {
  const rec = record(host).load();
  if (!rec || !lastIsFinalize(host)) throw new Error("最近一次操作不是定稿，无法撤销定稿：请用各面板的“撤销”逐步撤销。");
  const entry = rec.cells ? await undoLast(host) : null;
  await record(host).save(null);
  return { restored: entry?.kind === "fill" ? entry.count : 0, remark: rec.remark };
}
