// 绩效自评 through the adapter on the fake host: build a 自评表 from the indicator list sample and evaluate its
// formulas; check the filled sample of the nine seed tables and mark what disagrees.
import { join } from "node:path";
import { Decimal, formatAmount } from "../../src/core/money";
import { scoreRow } from "../../src/core/scoring/selfEval";
import { readIndicatorRows } from "../../src/core/scoring/sheet";
import { clearMarks } from "../../src/excel/check";
import { buildSelfEvalSheet, checkSelfEvalInExcel } from "../../src/excel/selfEval";
import { undoLast } from "../../src/excel/undo";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { evaluate, evaluateCell } from "../support/evaluate";
import { ROOT, WUHAN_SELF_EVAL_DISAGREEING, disagreement, readGrids } from "../support/workbooks";

const INDICATORS = join(ROOT, "samples", "self-eval-indicators.xlsx");
const FILLED = join(ROOT, "samples", "wuhan-2020-self-eval.xlsx");

describe("生成自评表", () => {
  it("builds the 行政运行工作经费 table with live formulas that add up to the rules' total, and 91.98 with the published scores", async () => {
    const grids = await readGrids(INDICATORS);
    const state = FakeWorkbook.fromGrids(grids);
    state.activeSheet = "指标清单";
    const host = openWorkbook(state);
    const built = await buildSelfEvalSheet(host);
    expect(built.sheet).toBe("自评表-行政运行工作经费");
    expect(state.syncCount).toBe(2);
    const ws = state.sheet(built.sheet)!;
    // The 附件1 layout: 项目资金 block in rows 3–7 (得分 I4), indicators from row 9 (得分 column H), 总分 in row 26.
    const total = "H26";
    expect(ws.peek("A26")?.value).toBe("总分");
    const scoreCell = (i: number) => (i === 0 ? "I4" : `H${8 + i}`);

    // What each rule gives, row by row, from the indicator list itself; a row no rule can score is left to a person.
    const list = readIndicatorRows(grids[0])!;
    const byRule = list.rows.map((r) => scoreRow({ ...r, score: null }).score);
    expect(built.attention.map((a) => a.address)).toEqual(list.rows.flatMap((r, i) => (byRule[i] === null ? [scoreCell(i)] : [])));
    expect(built.attention[0].note).toMatch(/需人工评分：.*计量单位不同/);
    const ruleTotal = byRule.reduce<Decimal>((s, x) => s.plus(x ?? 0), new Decimal(0));
    expect(formatAmount(evaluateCell(ws, total).value)).toBe(formatAmount(ruleTotal));
    expect(formatAmount(ruleTotal)).toBe("87.44");
    expect(evaluate(ws, "H27")).toBe("良");
    expect(ws.peek("H9")?.formula).toBe('=JUESUAN.SCORE.INDICATOR(E9,F9,G9,"完成值达到目标值计满分,未达到目标值按完成比率计分")');
    expect(ws.peek("I4")?.formula).toBe("=JUESUAN.SCORE.BUDGET(E4,F4,G4)");

    // The published scores typed over the formulas.
    const published = ["20.00", "3.50", "0.20", "5.00", "0.00", "0.00", "4.00", "5.00", "0.50", "0.15", "6.00", "0.00", "4.00", "5.00", "0.63", "17.00", "21.00", "0.00"];
    published.forEach((s, i) => {
      const c = ws.cell(scoreCell(i));
      delete c.formula;
      c.value = Number(s);
    });
    expect(formatAmount(evaluateCell(ws, total).value)).toBe("91.98");
    expect(evaluate(ws, "H27")).toBe("优");
    // The 摘要 block: 预算管理 from the 项目资金 block, the others summed by 一级指标 with SUMIF.
    const summary = [30, 31, 32].map((r) => [evaluate(ws, `A${r}`), formatAmount(evaluateCell(ws, `B${r}`).value), formatAmount(evaluateCell(ws, `C${r}`).value)]);
    expect(summary).toEqual([
      ["预算管理", "20.00", "20.00"],
      ["产出指标", "40.00", "33.98"],
      ["满意度指标", "40.00", "38.00"],
    ]);

    expect((await undoLast(host))?.kind).toBe("sheet");
    expect(state.sheet(built.sheet)).toBeUndefined();
  });

  it("says what it needs when the active sheet has no indicator list", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(join(ROOT, "samples", "wuhan-2020.xlsx")));
    await expect(buildSelfEvalSheet(openWorkbook(state))).rejects.toThrow(/没有指标清单：需要“一级指标、二级指标、三级指标/);
  });
});

describe("检查自评表", () => {
  it("marks every score that disagrees with its own rule across the nine tables, in five syncs, and clears exactly", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(FILLED));
    const before = state.snapshot();
    const host = openWorkbook(state);
    const checked = await checkSelfEvalInExcel(host);
    expect(state.syncCount).toBe(5);
    expect(checked.tables).toHaveLength(9);
    const disagreeing = checked.findings.filter((f) => f.rule === "SE-得分").map(disagreement);
    expect(disagreeing).toEqual(WUHAN_SELF_EVAL_DISAGREEING);
    const p01 = state.sheets.find((s) => s.name.startsWith("p01"))!;
    expect(p01.peek("H6")?.fill?.color).toBe("#FFC7CE");
    expect(p01.notes.get("H6")).toMatch(/专家评审.*得分 3\.50 与其评分标准不符，按标准应为 3\.00/);
    expect(checked.tables.map((t) => formatAmount(t.result.total))).toEqual(["91.98", "97.08", "99.00", "96.41", "100.00", "100.00", "90.00", "95.00", "92.00"]);
    await clearMarks(host, "selfEval");
    expect(state.snapshot()).toEqual(before);
  });
});
