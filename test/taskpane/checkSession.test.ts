// The check session on the fake host: 严格模式 keeps the 尾差 label on what it turns into errors, re-runs when
// switched, and the pane's writes make the findings stale.
import { CheckSession } from "../../src/shared/checkSession";
import { kindOf } from "../../src/taskpane/check/severity";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { SHANGHAI_XLSX, readGrids } from "../support/workbooks";

describe("check session", () => {
  it("in 严格模式 every 尾差 is an error that still says 尾差, and the marks are red", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(SHANGHAI_XLSX));
    const session = new CheckSession(() => openWorkbook(state));
    await session.check();
    const lenient = session.current.status === "done" ? session.current.outcome.findings : [];
    const rounding = lenient.filter((f) => f.rounding);
    expect(rounding.length).toBeGreaterThan(0);
    const seen: string[] = [];
    session.subscribe((s) => seen.push(s.status));
    await session.setStrict(true);
    expect(seen).toEqual(["running", "done"]);
    const strict = session.current.status === "done" ? session.current : null;
    expect(strict?.strict).toBe(true);
    const flagged = strict?.outcome.findings.filter((f) => f.rounding) ?? [];
    expect(flagged.map((f) => `${f.rule}${f.cells}`).sort()).toEqual(rounding.map((f) => `${f.rule}${f.cells}`).sort());
    expect(flagged.every((f) => f.severity === "error" && kindOf(f) === "error")).toBe(true);
    const cell = flagged[0];
    expect(state.sheet(cell.sheet)?.peek(cell.cells[0])?.fill?.color).toBe("#FFC7CE");
  });

  it("is stale after a write by the pane, and fresh after the next check", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(SHANGHAI_XLSX));
    const session = new CheckSession(() => openWorkbook(state));
    session.markStale();
    expect(session.current.status).toBe("idle");
    await session.check();
    session.markStale();
    expect(session.current.status === "done" && session.current.stale).toBe(true);
    await session.check();
    expect(session.current.status === "done" && session.current.stale).toBe(false);
  });
});
