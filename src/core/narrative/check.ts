// Check a written 情况说明: every figure against the tables (by what it names), against the text itself
// (shares, completion rates, 增加 X 增长 Y%, parts against their total, lists against their sum) and for
// form (a share without %, 元 for 万元, a class name not valid in the year). Never kinder than the tables:
// a figure that cannot be checked is counted and said to be unchecked, with the reason.
import { Checker, classify, tableKey } from "./checker";
import { checkForm } from "./checkForm";
import { checkChange, checkRate, checkRepeatedChanges, checkShare, checkTable } from "./checkFigures";
import { checkBudgetParts, checkLists, checkParts, otherTotal } from "./checkSums";
import type { Fig, FigureStatus, NarrativeCheck, Role } from "./checkTypes";
import type { TableFigures } from "./figures";
import type { NarrativeInputs } from "./inputs";
import { type TextFigure, readText, sentenceText } from "./reading";

export type { FigureStatus, NarrativeCheck, NarrativeFinding, NarrativeRule } from "./checkTypes";

const UNCHECKED_REASON: Record<Role, string> = {
  level: "表中没有这个数（如项目金额、绩效指标、政府采购、资产数），文中也没有可核对的合计",
  budget: "年初预算不在决算表中（可在说明数据中填写）",
  change: "未找到可核对的本年数",
  share: "未找到占比的分母",
  rate: "未找到年初预算数",
  changeRate: "前面没有相配的增减额",
  other: "绩效指标、满意度等百分比，表中没有",
};

/** Why a figure no rule could check was left: its table missing, or the tables have no such figure. */
function unchecked(f: Fig, tables: TableFigures): FigureStatus {
  const key = tableKey(f);
  if (key && !tables.facts.has(key)) return { kind: "unchecked", reason: `它对应的${key.slice(0, 2).replace("t", "表")}未识别或该数未读出` };
  return { kind: "unchecked", reason: f.unit === "count" ? "数量（车辆、项目、批次等）表中没有" : UNCHECKED_REASON[f.role] };
}

/** Check a written text (a string, or rows of a sheet) against the tables. */
export function checkNarrative(source: string | readonly string[], tables: TableFigures, inputs?: NarrativeInputs): NarrativeCheck {
  const read = readText(source);
  const ck = new Checker(read, tables, inputs);
  classify(ck);
  for (const f of ck.figs) checkTable(ck, f);
  const listTotals = checkLists(ck);
  for (const f of ck.figs) {
    if (f.role === "share") checkShare(ck, f, listTotals.get(f.paragraph) ?? otherTotal(ck, f));
    checkRate(ck, f);
    checkChange(ck, f);
  }
  checkRepeatedChanges(ck);
  checkParts(ck);
  checkBudgetParts(ck);
  checkForm(ck);
  const figures = ck.figs.map((f) => {
    const status = f.status.kind === "unchecked" && !f.status.reason ? unchecked(f, tables) : f.status;
    return { figure: f as TextFigure, sentence: sentenceText(read, f), status };
  });
  ck.findings.sort((a, b) => a.paragraph - b.paragraph);
  return { findings: ck.findings, figures, read };
}

export function figureSummary(c: NarrativeCheck): { table: number; self: number; unchecked: number; reasons: Map<string, number> } {
  const reasons = new Map<string, number>();
  let table = 0;
  let self = 0;
  for (const { status } of c.figures) {
    if (status.kind === "table") table++;
    else if (status.kind === "self") self++;
    else reasons.set(status.reason, (reasons.get(status.reason) ?? 0) + 1);
  }
  return { table, self, unchecked: c.figures.length - table - self, reasons };
}
