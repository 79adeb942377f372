// 填充小计 in Excel: preview (read values and formulas, plan in core), apply in one sync — the old contents
// are loaded in the same batch, before the writes, so that 撤销 can put back exactly what was there — and undo.
import type { TableId } from "../core/findings";
import { a1 } from "../core/grid";
import { type FillMode, type SubtotalPlan, planSubtotals } from "../core/subtotals/plan";
import type { CellValue } from "../core/money";
import { recognizeWorkbook } from "../core/tables/recognize";
import { workbookCatalog } from "./catalogStore";
import { type ExcelHost, mergesSupported } from "./host";
import { readWorkbook } from "./readWorkbook";
import { type UndoEntry, pushUndo } from "./undo";

type FillUndoCell = Extract<UndoEntry, { kind: "fill" }>["cells"][number];

export async function previewFill(host: ExcelHost, opts: { tables?: TableId[]; mode: FillMode }): Promise<SubtotalPlan> {
  return host.run(async (context) => {
    const { grids } = await readWorkbook(context, { formulas: true, merges: mergesSupported(host) });
    const formulas = new Map<string, string>();
    for (const g of grids) {
      g.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f) formulas.set(`${g.sheet}!${a1(g.origin.row + r, g.origin.col + c)}`, f);
        }),
      );
    }
    return planSubtotals(recognizeWorkbook(grids), { ...opts, formulas, catalog: workbookCatalog(host) });
  });
}

/** Cells per request: Excel on the web takes about 5 MB a request, and each cell write costs a few hundred bytes. */
export const WRITE_CHUNK = 5000;

/** Write the plan — one batch, or one per WRITE_CHUNK cells for very large plans; returns how many cells. */
export async function applyFill(host: ExcelHost, plan: SubtotalPlan): Promise<number> {
  if (!plan.writes.length) return 0;
  const undo = await host.run(async (context) => {
    const done: FillUndoCell[] = [];
    for (let start = 0; start < plan.writes.length; start += WRITE_CHUNK) {
      // Each cell's old value and formula are loaded before it is written, in the same batch.
      const batch = plan.writes.slice(start, start + WRITE_CHUNK).map((w) => {
        const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.address);
        range.load("values,formulas");
        if (plan.mode === "formula") range.formulas = [[w.formula]];
        else range.values = [[w.value === null ? "" : w.value.toNumber()]];
        return { w, range };
      });
      await context.sync();
      for (const { w, range } of batch) {
        const formula = range.formulas[0][0];
        const value = range.values[0][0] as CellValue;
        done.push({ sheet: w.sheet, address: w.address, value: value === "" ? null : value, formula: typeof formula === "string" && formula.startsWith("=") ? formula : null });
      }
    }
    return done;
  });
  await pushUndo(host, { kind: "fill", cells: undo });
  return undo.length;
}
