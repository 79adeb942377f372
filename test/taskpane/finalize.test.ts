// 提交前定稿 and the per-feature marks on the fake host (HyperFormula calculates the JUESUAN formulas): 校验's
// 清除标记 leaves 检查自评表's marks; 定稿 writes the calculated values and clears both; 撤销定稿 refuses a cell
// typed over, is idempotent, and with the two checks run again brings back the workbook as it was; a 定稿 that
// fails at any sync is recovered by 撤销定稿 or by running it again.
import { join } from "node:path";
import type { ExcelHost } from "../../src/excel/host";
import { finalizeWorkbook, lastIsFinalize, markedChecks, undoFinalize } from "../../src/excel/finalize";
import { buildSelfEvalSheet, checkSelfEvalInExcel } from "../../src/excel/selfEval";
import { UndoRefused } from "../../src/excel/undo";
import { CheckSession } from "../../src/shared/checkSession";
import { openWorkbook } from "../fakeHost/adapterHost";
import { type FaultMode, FakeWorkbook } from "../fakeHost/state";
import { ROOT, WUHAN_XLSX, readGrids } from "../support/workbooks";

const INDICATORS = join(ROOT, "samples", "self-eval-indicators.xlsx");
const SHEET = "自评表-行政运行工作经费";

/** Wuhan's tables (4 cells 校验 marks) beside a generated 自评表 (JUESUAN formulas, marked by 检查自评表). */
async function prepared(): Promise<{ state: FakeWorkbook; host: ExcelHost; session: CheckSession }> {
  const state = FakeWorkbook.fromGrids([...(await readGrids(WUHAN_XLSX)), ...(await readGrids(INDICATORS))]);
  state.activeSheet = "指标清单";
  const host = openWorkbook(state);
  await buildSelfEvalSheet(host);
  const session = new CheckSession(() => host);
  await session.check();
  await checkSelfEvalInExcel(host);
  return { state, host, session };
}

const isJuesuan = (f: string | undefined) => !!f && /JUESUAN\./.test(f);

function formulas(state: FakeWorkbook): Record<string, string> {
  return Object.fromEntries(Object.entries(state.snapshot()).flatMap(([a, c]) => (isJuesuan(c.formula) ? [[a, c.formula as string]] : [])));
}

function notedSheets(state: FakeWorkbook): string[] {
  return [...new Set(Object.entries(state.snapshot()).flatMap(([a, c]) => (c.note?.includes("【决算助手") ? [a.slice(0, a.lastIndexOf("!"))] : [])))].sort();
}

/** What Excel reports for each cell ("Sheet!A1"): a formula's calculated value. */
function shown(host: ExcelHost, addresses: string[]): Promise<unknown[]> {
  return host.run(async (context) => {
    const ranges = addresses.map((a) => context.workbook.worksheets.getItem(a.slice(0, a.lastIndexOf("!"))).getRange(a.slice(a.lastIndexOf("!") + 1)).load("values"));
    await context.sync();
    return ranges.map((r) => r.values[0][0] as unknown);
  });
}

describe("marks per feature", () => {
  it("校验's 清除标记 clears only its own marks; 检查自评表's stay, and the summary says 0", async () => {
    const { state, session } = await prepared();
    const noted = notedSheets(state);
    expect(noted).toContain(SHEET);
    expect(noted.length).toBeGreaterThan(1);
    const marked = session.current.status === "done" ? session.current.outcome.marked : -1;
    expect(marked).toBe(4);
    const { restored, notRestored } = await session.clear();
    expect(restored).toBe(4);
    expect(notRestored).toEqual([]);
    expect(notedSheets(state)).toEqual([SHEET]);
    expect(session.current.status === "done" && session.current.outcome.marked).toBe(0);
  });
});

describe("提交前定稿", () => {
  it("writes the calculated values, clears both checks' marks; 撤销定稿 and the re-run checks bring back the workbook as it was", async () => {
    const { state, host, session } = await prepared();
    const before = state.snapshot();
    const original = formulas(state);
    const addresses = Object.keys(original);
    expect(addresses.length).toBeGreaterThan(5);
    const computed = await shown(host, addresses);
    expect(computed.filter((v) => typeof v === "number").length).toBeGreaterThan(5);

    const remark = markedChecks(host);
    expect(remark).toEqual(["check", "selfEval"]);
    const result = await finalizeWorkbook(host, remark);
    expect(result.converted).toBe(addresses.length);
    expect(result.notRestored).toEqual([]);
    expect(formulas(state)).toEqual({});
    expect(notedSheets(state)).toEqual([]);
    // Not blanks: each cell holds the value its formula showed, as a value.
    expect(addresses.map((a) => state.snapshot()[a]?.value ?? null)).toEqual(computed);
    expect(lastIsFinalize(host)).toBe(true);

    // Run again (a reply that was lost): nothing left to convert, and 撤销定稿 still undoes the first.
    expect((await finalizeWorkbook(host, [])).converted).toBe(0);
    expect(lastIsFinalize(host)).toBe(true);

    const undone = await undoFinalize(host);
    expect(undone).toEqual({ restored: addresses.length, remark: ["check", "selfEval"] });
    expect(formulas(state)).toEqual(original);
    await session.check();
    await checkSelfEvalInExcel(host);
    expect(state.snapshot()).toEqual(before);
    expect(lastIsFinalize(host)).toBe(false);
    await expect(undoFinalize(host)).rejects.toThrow(/不是定稿/);
  });

  it("撤销定稿 refuses, naming the cell, when a value 定稿 wrote was typed over, and changes nothing", async () => {
    const { state, host } = await prepared();
    const original = formulas(state);
    await finalizeWorkbook(host, markedChecks(host));
    const after = state.snapshot();
    const [typed] = Object.keys(original);
    const address = typed.slice(typed.lastIndexOf("!") + 1);
    state.sheet(SHEET)!.cell(address).value = 99;
    await expect(undoFinalize(host)).rejects.toThrow(UndoRefused);
    await expect(undoFinalize(host)).rejects.toThrow(new RegExp(`${SHEET}!${address}`));
    expect(formulas(state)).toEqual({});
    expect(state.snapshot()).toEqual({ ...after, [typed]: { ...after[typed], value: 99 } });
  });

  it("a 定稿 that fails at any sync is recovered: 撤销定稿 puts back every formula, or running it again finishes it", async () => {
    const modes: FaultMode[] = ["before", "half", "replyLost"];
    // A clean run counts the syncs of 定稿; then each of them is failed in each mode. A failed chunk read is tried
    // once more by the reader (src/excel/readWorkbook.ts), so a fault there need not fail 定稿 at all.
    const clean = await prepared();
    const before = clean.state.syncCount;
    await finalizeWorkbook(clean.host, markedChecks(clean.host));
    const syncs = clean.state.syncCount - before;
    let failures = 0;
    const failedAt = new Set<number>();
    for (let at = 1; at <= syncs; at++) {
      for (const mode of modes) {
        for (const recovery of ["undo", "again"] as const) {
          const { state, host } = await prepared();
          const original = formulas(state);
          const computed = await shown(host, Object.keys(original));
          state.fault = { at, mode };
          const failed = await finalizeWorkbook(host, markedChecks(host)).then(
            () => false,
            () => true,
          );
          state.fault = null;
          if (!failed) continue;
          failedAt.add(at);
          failures++;
          if (recovery === "undo") {
            if (lastIsFinalize(host)) await undoFinalize(host);
            expect([at, mode, formulas(state)]).toEqual([at, mode, original]);
          } else {
            await finalizeWorkbook(host, []);
            expect([at, mode, formulas(state)]).toEqual([at, mode, {}]);
            expect(Object.keys(original).map((a) => state.snapshot()[a]?.value ?? null)).toEqual(computed);
            await undoFinalize(host);
            expect([at, mode, formulas(state)]).toEqual([at, mode, original]);
          }
        }
      }
    }
    // Every sync of 定稿 was failed in each mode and recovered each way (reads, writes, both checks' 清除标记).
    expect(syncs).toBeGreaterThan(4);
    expect(failedAt.size).toBeGreaterThanOrEqual(syncs - 1);
    expect(failures).toBe(failedAt.size * modes.length * 2);
  });
});
