// 填充小计 in Excel: preview (read values and formulas, plan in core), and apply: what each cell holds is read
// and recorded for 撤销 before anything is written, then the writes go in syncs under the request budget.
import type { TableId } from "../core/findings";
import { a1 } from "../core/grid";
import { type FillMode, type SubtotalPlan, planSubtotals } from "../core/subtotals/plan";
import type { CellValue } from "../core/money";
import { recognizeWorkbook } from "../core/tables/recognize";
import { workbookCatalog } from "./catalogStore";
import { type ExcelHost, mergesSupported } from "./host";
import { readWorkbook } from "./readWorkbook";
import { ACTION_BYTES, Batcher, OBJECT_BYTES, jsonBytes } from "./batch";
import { currentSheets } from "./marking";
import { type FillCell, newUndoId, pushUndo } from "./undo";

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

/**
 * Write the plan. Sync(s) 1: what each cell holds now (the undo entry is saved before anything is written, so a
 * write that fails at any sync can be undone); then the writes, in syncs under the request budget (batch.ts).
 * Returns how many cells.
 */
export async function applyFill(host: ExcelHost, plan: SubtotalPlan): Promise<number> {
  if (!plan.writes.length) return 0;
  const cells = await host.run(async (context) => {
    const idOf = new Map((await currentSheets(context)).map((s) => [s.name, s.id]));
    const batch = new Batcher(context);
    const reads: { w: SubtotalPlan["writes"][number]; sheetId: string; range: Excel.Range }[] = [];
    for (const w of plan.writes) {
      const sheetId = idOf.get(w.sheet);
      if (!sheetId) throw new Error(`工作表「${w.sheet}」已不存在，请重新预览。`);
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES);
      reads.push({ w, sheetId, range: context.workbook.worksheets.getItem(sheetId).getRange(w.address).load("values,formulas") });
    }
    await batch.flush();
    return reads.map(({ w, sheetId, range }): FillCell => {
      const formula = range.formulas[0][0];
      const value = range.values[0][0] as CellValue;
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      return {
        sheetId,
        sheet: w.sheet,
        address: w.address,
        old: { value: value === "" || isFormula ? null : value, formula: isFormula ? formula : null },
        wrote: plan.mode === "formula" ? { value: null, formula: w.formula } : { value: w.value === null ? null : w.value.toNumber(), formula: null },
      };
    });
  });
  const id = newUndoId();
  await pushUndo(host, { id, kind: "fill", state: "pending", count: cells.length }, cells);
  await host.run(async (context) => {
    const batch = new Batcher(context);
    for (const c of cells) {
      await batch.reserve(OBJECT_BYTES * 2 + ACTION_BYTES + jsonBytes(c.wrote));
      const range = context.workbook.worksheets.getItem(c.sheetId).getRange(c.address);
      if (c.wrote.formula) range.formulas = [[c.wrote.formula]];
      else range.values = [[c.wrote.value ?? ""]];
    }
    await batch.flush();
  });
  return cells.length;
}
