// 填充小计 on the fake host: from each sample with every subtotal cleared, values mode restores the published
// figures (and, where a published total disagrees with its own parts, the sum of the parts), formula mode
// writes formulas that evaluate to the same figures, and 撤销 puts back the cleared state exactly.
import type { Grid } from "../../src/core/grid";
import { type Amount, amountValue } from "../../src/core/model";
import { Decimal, formatAmount } from "../../src/core/money";
import { subtotalIdentities } from "../../src/core/subtotals/plan";
import { recognizeWorkbook } from "../../src/core/tables/recognize";
import { validate } from "../../src/core/validate";
import { applyFill, previewFill } from "../../src/excel/fill";
import { insertMissingRows } from "../../src/excel/insertRows";
import { undoLast } from "../../src/excel/undo";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { evaluateCell } from "../support/evaluate";
import { SHANGHAI_XLSX, WUHAN_XLSX, readGrids } from "../support/workbooks";

const key = (a: Amount) => `${a.sheet}!${a.address}`;

interface Sample {
  grids: Grid[];
  targets: Amount[];
  parts: Map<string, Amount[]>;
  fillRules: Set<string>;
}

async function sample(path: string): Promise<Sample> {
  const grids = await readGrids(path);
  const identities = Object.values(recognizeWorkbook(grids).tables).flatMap(subtotalIdentities);
  const parts = new Map(identities.map((i) => [key(i.target), i.parts.flatMap((p) => (p && "read" in p ? [p] : p?.amount ? [p.amount] : []))]));
  return { grids, targets: identities.map((i) => i.target), parts, fillRules: new Set(identities.map((i) => i.rule)) };
}

/** A fake workbook of the sample with every subtotal cell emptied. */
function cleared(s: Sample): FakeWorkbook {
  const state = FakeWorkbook.fromGrids(s.grids);
  for (const t of s.targets) state.sheet(t.sheet)!.cells.delete(t.address);
  return state;
}

/** The published figure, unless the published table contradicts itself at or below this total: then the
 *  sum of what the accountant typed (the leaves), worked out here from the sample's own cells. */
function expectedFigure(s: Sample, target: Amount, broken: Set<string>): { value: string | null; published: boolean } {
  const subtree = (a: Amount): Amount[] => [a, ...(s.parts.get(key(a)) ?? []).flatMap(subtree)];
  if (!subtree(target).some((a) => broken.has(key(a)))) {
    return { value: target.read.kind === "blank" ? null : formatAmount(amountValue(target) as Decimal), published: true };
  }
  const leaves = (a: Amount): { v: Decimal; blank: boolean } => {
    const kids = s.parts.get(key(a));
    if (!kids) return { v: amountValue(a) as Decimal, blank: a.read.kind === "blank" };
    return kids.map(leaves).reduce((x, y) => ({ v: x.v.plus(y.v), blank: x.blank && y.blank }), { v: new Decimal(0), blank: true });
  };
  const l = leaves(target);
  return { value: l.blank ? null : formatAmount(l.v), published: false };
}

function shown(state: FakeWorkbook, a: Amount): string | null {
  const e = evaluateCell(state.sheet(a.sheet)!, a.address);
  return e.blank ? null : formatAmount(e.value);
}

describe.each([
  ["Wuhan 2020", WUHAN_XLSX],
  ["Shanghai 2024", SHANGHAI_XLSX],
])("填充小计 on the %s sample", (_, path) => {
  let s: Sample;
  let broken: Set<string>;
  beforeAll(async () => {
    s = await sample(path);
    // Totals the published tables themselves get wrong (a 尾差 or an error on a subtotal identity).
    broken = new Set(validate(s.grids).findings.filter((f) => s.fillRules.has(f.rule)).map((f) => `${f.sheet}!${f.cells[0]}`));
  });

  it.each(["value", "formula"] as const)("restores every cleared subtotal in %s mode, in one write sync, and 撤销 restores the cleared state", async (mode) => {
    const state = cleared(s);
    const before = state.snapshot();
    const host = openWorkbook(state);
    const plan = await previewFill(host, { mode });
    expect(plan.problems).toEqual([]);
    const syncsBefore = state.syncCount;
    const written = await applyFill(host, plan);
    // The sheet ids and what the cells hold (recorded for 撤销 first), then the writes.
    expect(state.syncCount - syncsBefore).toBe(3);

    let published = 0;
    const recomputed: string[] = [];
    for (const t of s.targets) {
      const expected = expectedFigure(s, t, broken);
      expect({ cell: key(t), value: shown(state, t) }).toEqual({ cell: key(t), value: expected.value });
      if (expected.published) published++;
      else recomputed.push(`${key(t)} ${t.read.kind === "blank" ? "" : formatAmount(amountValue(t) as Decimal)}→${expected.value}`);
      if (mode === "formula" && expected.value !== null) expect(state.sheet(t.sheet)!.peek(t.address)?.formula).toMatch(/^=/);
    }
    console.log(`${path.split("/").pop()} ${mode}: ${s.targets.length} subtotal cells, ${written} written, ${published} = published, ${recomputed.length} = sum of parts (${recomputed.join("; ")})`);
    expect(published).toBeGreaterThan(s.targets.length * 0.8);

    const undone = await undoLast(host);
    expect(undone?.kind === "fill" && undone.count).toBe(written);
    expect(state.snapshot()).toEqual(before);
  });

  it("after filling, no subtotal identity is broken any more", async () => {
    const state = cleared(s);
    const host = openWorkbook(state);
    await applyFill(host, await previewFill(host, { mode: "value" }));
    const filled = validate(state.toGrids()).findings;
    // The check must have seen the filled tables, and found every subtotal identity holding.
    expect(filled.filter((f) => f.rule === "MISSING")).toEqual([]);
    expect(filled.filter((f) => s.fillRules.has(f.rule))).toEqual([]);
  });

  it("on the published workbook, writes exactly the totals that disagree with their parts", async () => {
    const plan = await previewFill(openWorkbook(FakeWorkbook.fromGrids(s.grids)), { mode: "value" });
    const wrong = s.targets.filter((t) => !expectedFigure(s, t, broken).published).map(key);
    expect(plan.writes.map((w) => `${w.sheet}!${w.address}`).sort()).toEqual(wrong.sort());
    expect(wrong.length).toBeGreaterThan(0);
  });
});

describe("插入缺失行", () => {
  it("inserts a missing 款 above its first 项 with its catalogue name, fills it, and undoes both", async () => {
    const grids = (await readGrids(WUHAN_XLSX)).map((g) => (g.sheet === "表3" ? { ...g, values: g.values.filter((r) => r[0] !== "21011") } : g));
    const state = FakeWorkbook.fromGrids(grids);
    const before = state.snapshot();
    const host = openWorkbook(state);
    const plan = await previewFill(host, { mode: "formula", tables: ["表3"] });
    expect(plan.missing.map((m) => [m.code, m.name])).toEqual([["21011", "行政事业单位医疗"]]);
    const at = plan.missing[0].insertAt;

    expect(await insertMissingRows(host, plan.missing)).toBe(1);
    const t3 = state.sheet("表3")!;
    expect([t3.peek(`A${at + 1}`)?.value, t3.peek(`B${at + 1}`)?.value, t3.peek(`A${at + 2}`)?.value]).toEqual(["21011", "行政事业单位医疗", "2101101"]);

    const again = await previewFill(host, { mode: "formula", tables: ["表3"] });
    expect(again.missing).toEqual([]);
    const kuan = again.writes.find((w) => w.address === `C${at + 1}`);
    expect(kuan?.formula).toBe(`=SUM(C${at + 2}:C${at + 5})`);
    await applyFill(host, again);
    expect(evaluateCell(t3, `C${at + 1}`).value.toString()).toBe("331.73");

    expect((await undoLast(host))?.kind).toBe("fill");
    expect((await undoLast(host))?.kind).toBe("insert");
    expect(await undoLast(host)).toBeNull();
    expect(state.snapshot()).toEqual(before);
  });
});

describe("a very large fill", () => {
  it("goes to Excel in several syncs, each request and response under 4 MB, and undoes in full", async () => {
    const { syntheticWorkbook } = await import("../../bench/synthetic");
    const grids = syntheticWorkbook(5000);
    const state = FakeWorkbook.fromGrids(grids);
    const identities = Object.values(recognizeWorkbook(grids).tables).flatMap(subtotalIdentities);
    for (const i of identities) state.sheet(i.target.sheet)!.cells.delete(i.target.address);
    const before = state.snapshot();
    const host = openWorkbook(state);
    const plan = await previewFill(host, { mode: "value" });
    expect(plan.writes.length).toBeGreaterThan(5000);
    const from = state.syncs.length;
    expect(await applyFill(host, plan)).toBe(plan.writes.length);
    const { request, response, syncs } = state.largest(from);
    expect(syncs).toBeGreaterThan(2);
    expect(request).toBeLessThan(4 * 1024 * 1024);
    expect(response).toBeLessThan(4 * 1024 * 1024);
    await undoLast(host);
    expect(state.snapshot()).toEqual(before);
  });
});
