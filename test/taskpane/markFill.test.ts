// The colour of a mark in Excel matches the kind the pane's badge shows (src/taskpane/check/KindBadge.tsx):
// 尾差 has its own fill, apart from 警告; a 尾差 made an error by 严格模式 is red; and the pane's order of kinds
// follows core's SEVERITY_RANK.
import { type Finding, SEVERITY_RANK } from "../../src/core/findings";
import { MARK_FILL, planMarks } from "../../src/core/marks";
import { KINDS, byWeight, kindOf } from "../../src/taskpane/check/severity";

const finding = (cell: string, severity: Finding["severity"], rounding = false, difference = "0.01"): Finding => ({
  rule: "T1-1",
  severity,
  table: "表1",
  sheet: "表1",
  cells: [cell],
  expected: "1.00",
  found: "1.01",
  difference,
  message: "合计不等于各项之和",
  ...(rounding ? { rounding } : {}),
});

const fillAt = (findings: Finding[], cell: string) => planMarks(findings).find((m) => m.address === cell)?.fill;

describe("mark fills", () => {
  it("gives 尾差, 警告, 错误 and 提示 four different fills", () => {
    expect(new Set(Object.values(MARK_FILL)).size).toBe(4);
    expect(fillAt([finding("B2", "warning", true)], "B2")).toBe(MARK_FILL.rounding);
    expect(fillAt([finding("B2", "warning")], "B2")).toBe(MARK_FILL.warning);
    expect(fillAt([finding("B2", "info")], "B2")).toBe(MARK_FILL.info);
  });

  it("colours a cell by its worst finding: a plain 警告 beside a 尾差 is orange, a strict 尾差 is red", () => {
    expect(fillAt([finding("B2", "warning", true), finding("B2", "warning")], "B2")).toBe(MARK_FILL.warning);
    expect(fillAt([finding("B2", "warning", true), finding("B2", "info")], "B2")).toBe(MARK_FILL.rounding);
    expect(fillAt([finding("B2", "error", true)], "B2")).toBe(MARK_FILL.error);
    expect(fillAt([finding("B2", "warning", true), finding("B2", "error")], "B2")).toBe(MARK_FILL.error);
  });
});

describe("order of kinds", () => {
  it("sorts by core's severity rank, 尾差 before 警告, the largest difference first within a kind", () => {
    const list = [finding("A1", "info"), finding("A2", "warning"), finding("A3", "warning", true), finding("A4", "error", false, "5.00"), finding("A5", "error", true), finding("A6", "error", false, "-900.00")];
    const sorted = [...list].sort(byWeight);
    expect(sorted.map((f) => f.cells[0])).toEqual(["A6", "A4", "A5", "A3", "A2", "A1"]);
    for (let i = 1; i < sorted.length; i++) expect(SEVERITY_RANK[sorted[i - 1].severity]).toBeLessThanOrEqual(SEVERITY_RANK[sorted[i].severity]);
    expect(sorted.map(kindOf).filter((k, i, a) => a.indexOf(k) === i)).toEqual(KINDS);
  });
});
