// The Excel adapter against Excel on the web's 5 MB limit: on a synthetic workbook of N rows (表2/表3/表5), the
// largest request and response of any sync, and the number of syncs, of 校验, marking 5,000 findings, 清除标记
// and 填充小计 — measured by the fake host from the serialised batch (test/fakeHost/proxies.ts).
import { type Grid, a1 } from "../src/core/grid";
import { subtotalIdentities } from "../src/core/subtotals/plan";
import { recognizeWorkbook } from "../src/core/tables/recognize";
import { checkInExcel, clearMarks } from "../src/excel/check";
import { applyFill, previewFill } from "../src/excel/fill";
import { openWorkbook } from "../test/fakeHost/adapterHost";
import { FakeWorkbook } from "../test/fakeHost/state";
import { syntheticWorkbook } from "./synthetic";

export interface SyncFigures {
  operation: string;
  syncs: number;
  request: number;
  response: number;
  /** Cells marked or written, where the operation marks or writes. */
  cells?: number;
  /** All the syncs' requests together: what a single batch would have sent. */
  total: number;
}

/** The 项 rows whose total (first amount column) is off by a cent: each gives the row's own finding. */
export function withFindings(grids: Grid[], count: number): Grid[] {
  let left = count;
  return grids.map((g) => ({
    ...g,
    values: g.values.map((row) => {
      if (left <= 0 || typeof row[0] !== "string" || row[0].length !== 7 || typeof row[2] !== "number") return row;
      left--;
      return [row[0], row[1], Math.round((row[2] + 0.01) * 100) / 100, ...row.slice(3)];
    }),
  }));
}

async function measure(state: FakeWorkbook, operation: string, run: () => Promise<number | undefined>): Promise<SyncFigures> {
  const from = state.syncs.length;
  const cells = await run();
  const { request, response, syncs } = state.largest(from);
  const total = state.syncs.slice(from).reduce((sum, x) => sum + x.request, 0);
  return { operation, syncs, request, response, total, ...(cells === undefined ? {} : { cells }) };
}

/** The four operations on a workbook of about `rows` code rows in all. */
export async function excelLimits(rows: number, findings = 5000): Promise<SyncFigures[]> {
  const grids = syntheticWorkbook(Math.round(rows / 3));
  const out: SyncFigures[] = [];

  // The synthetic 表5 does not match 表3 (X8): the plain workbook already gives thousands of marks.
  const state = FakeWorkbook.fromGrids(grids);
  const host = openWorkbook(state);
  out.push(await measure(state, "校验", async () => (await checkInExcel(host)).marked));
  // Then `findings` 项 totals are made off by a cent, and the workbook is checked again over the first marks.
  withFindings(grids, findings).forEach((g, k) =>
    g.values.forEach((row, r) => {
      const sheet = state.sheet(g.sheet);
      if (row !== grids[k].values[r] && sheet) sheet.cell(a1(r, 2)).value = row[2];
    }),
  );
  out.push(await measure(state, `校验（+${findings} 处）`, async () => (await checkInExcel(host)).marked));
  out.push(await measure(state, "清除标记", async () => clearMarks(host)));

  const cleared = FakeWorkbook.fromGrids(grids);
  for (const i of Object.values(recognizeWorkbook(grids).tables).flatMap(subtotalIdentities)) cleared.sheet(i.target.sheet)?.cells.delete(i.target.address);
  const fillHost = openWorkbook(cleared);
  const plan = await previewFill(fillHost, { mode: "value" });
  out.push(await measure(cleared, "填充小计", async () => applyFill(fillHost, plan)));
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export async function printExcelLimits(): Promise<void> {
  console.log("\n[excel limits] largest request / response of any sync (Excel on the web refuses 5 MB; budget 4 MB)");
  for (const rows of [20000, 100000]) {
    for (const f of await excelLimits(rows)) {
      console.log(`  ${String(rows).padStart(6)} rows  ${f.operation.padEnd(8, "　")} ${String(f.syncs).padStart(3)} syncs, request ≤ ${mb(f.request)}, response ≤ ${mb(f.response)}${f.cells === undefined ? "" : `, ${f.cells} cells`}`);
    }
  }
}

if (require.main === module) void printExcelLimits();
