// The 摘要 that 生成自评表 writes under its 总分 (设定分值, 得分, 得分率 = 得分/设定分值) is checked by 检查自评表 like
// any 得分情况 summary (src/core/scoring/readSummary.ts): its own formulas pass, a rate typed over one does not.
import { join } from "node:path";
import { buildSelfEvalSheet, checkSelfEvalInExcel } from "../../src/excel/selfEval";
import { openWorkbook } from "../fakeHost/adapterHost";
import { FakeWorkbook } from "../fakeHost/state";
import { ROOT, readGrids } from "../support/workbooks";

const INDICATORS = join(ROOT, "samples", "self-eval-indicators.xlsx");

describe("检查自评表 on the 摘要 of a built 自评表", () => {
  it("passes its live formulas and reports a 得分率 typed over one", async () => {
    const state = FakeWorkbook.fromGrids(await readGrids(INDICATORS));
    state.activeSheet = "指标清单";
    const host = openWorkbook(state);
    const built = await buildSelfEvalSheet(host);
    const ws = state.sheet(built.sheet)!;
    expect([29, 30, 31, 32, 33].map((r) => ws.peek(`A${r}`)?.value)).toEqual(["摘要", "预算管理", "产出指标", "满意度指标", "合计"]);
    expect(ws.peek("D31")?.formula).toBe("=C31/B31");
    const ofSummary = (findings: { rule: string; sheet: string; cells: string[] }[]) =>
      findings.filter((f) => f.sheet === built.sheet && (f.rule === "SE-得分率" || f.cells.some((c) => /^[BCD](29|3\d)$/.test(c)))).map((f) => [f.rule, f.cells.join(",")]);

    expect(ofSummary((await checkSelfEvalInExcel(host)).findings)).toEqual([]);
    const typed = ws.cell("D31");
    delete typed.formula;
    typed.value = 0.5;
    expect(ofSummary((await checkSelfEvalInExcel(host)).findings)).toEqual([["SE-得分率", "D31"]]);
  });
});
