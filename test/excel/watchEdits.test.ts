// Edits made in Excel after a 校验 mark its findings out of date — a pasted block or a cleared range too, whose
// change event comes without `details` (Excel gives them for an edit of one cell only) — while the add-in's own
// writes (its marks) do not.
import { CheckSession } from "../../src/shared/checkSession";
import { mayBeOutsideEdit, watchEdits } from "../../src/excel/watchEdits";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeSheet, FakeWorkbook } from "../fakeHost/state";
import { userEdit } from "../fakeHost/userEdit";
import { WUHAN_XLSX, readGrids } from "../support/workbooks";

interface Edit {
  by: "ThisLocalAddin" | "Unknown";
  details: boolean;
  omitTriggerSource?: boolean;
}

/** One batch written to A1:B2 (or A1 alone when it carries details, as Excel's would) by `by`. */
async function edit(state: FakeWorkbook, sheet: string, { by, details, omitTriggerSource = false }: Edit): Promise<void> {
  await userEdit(state, (context) => {
    context.triggerSource = by;
    context.omitTriggerSource = omitTriggerSource;
    if (details) context.changeDetails = { valueBefore: "", valueAfter: 1, valueTypeBefore: "Empty", valueTypeAfter: "Double" };
    const range = context.workbook.worksheets.getItem(sheet).getRange(details ? "A1" : "A1:B2");
    range.values = details ? [[1]] : [
      [1, 2],
      [3, 4],
    ];
  });
}

function oneSheet(): FakeWorkbook {
  const state = new FakeWorkbook();
  state.addSheet(new FakeSheet("Sheet1"));
  state.activeSheet = "Sheet1";
  return state;
}

/** What the handler received, to be sure the fake's events have (or lack) what each case says. */
function recordEvents(state: FakeWorkbook): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  state.changeHandlers.push(async (args) => {
    seen.push(args as Record<string, unknown>);
  });
  return seen;
}

describe("watchEdits", () => {
  it.each<{ name: string; e: Edit; expected: number }>([
    { name: "a person's edit of one cell, with details", e: { by: "Unknown", details: true }, expected: 1 },
    { name: "a person's edit of several cells, without details", e: { by: "Unknown", details: false }, expected: 1 },
    { name: "an event whose source is not given", e: { by: "Unknown", details: false, omitTriggerSource: true }, expected: 1 },
    { name: "the add-in's own write of one cell", e: { by: "ThisLocalAddin", details: true }, expected: 0 },
    { name: "the add-in's own write of several cells", e: { by: "ThisLocalAddin", details: false }, expected: 0 },
  ])("$name: $expected edit", async ({ e, expected }) => {
    const state = oneSheet();
    let edits = 0;
    expect(await watchEdits(openWorkbook(state), true, () => edits++)).toBe(true);
    const seen = recordEvents(state);
    await edit(state, "Sheet1", e);
    expect(seen).toHaveLength(1);
    expect("details" in seen[0]).toBe(e.details);
    expect("triggerSource" in seen[0]).toBe(!e.omitTriggerSource);
    expect(edits).toBe(expected);
  });

  it("watches nothing where Excel cannot tell the add-in's writes apart (before ExcelApi 1.14)", async () => {
    const state = oneSheet();
    let edits = 0;
    expect(await watchEdits(openWorkbook(state), false, () => edits++)).toBe(false);
    expect(state.changeHandlers).toHaveLength(0);
    await edit(state, "Sheet1", { by: "Unknown", details: false });
    expect(edits).toBe(0);
  });

  it("takes an event it cannot inspect (no arguments) as a possible edit", () => {
    expect(mayBeOutsideEdit(undefined)).toBe(true);
    expect(mayBeOutsideEdit({ triggerSource: "ThisLocalAddin" as Excel.EventTriggerSource })).toBe(false);
  });

  it("after a 校验, the marks it writes leave the findings current; a pasted block without details makes them stale", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(WUHAN_XLSX));
    const host = openWorkbook(state);
    const session = new CheckSession(() => host);
    expect(await watchEdits(host, true, () => session.markStale())).toBe(true);
    const seen = recordEvents(state);
    await session.check();
    const done = session.current;
    if (done.status !== "done") throw new Error(`check did not finish: ${done.status}`);
    // The check wrote its marks (change events from the add-in itself), and its findings are current.
    expect(done.outcome.marked).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.triggerSource === "ThisLocalAddin")).toBe(true);
    expect(done.stale).toBe(false);

    await edit(state, "表7", { by: "Unknown", details: false });
    expect(seen.at(-1)).not.toHaveProperty("details");
    expect(session.current).toMatchObject({ status: "done", stale: true });
  });
});
