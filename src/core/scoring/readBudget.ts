// The budget block of a 自评表 (预算执行数 / 预算执行情况 / 项目资金 / 部门预算资金) read into one row: its total line's
// 预算数 (全年, else 调整后, else 预算数, else 年初), 执行数, 分值 (from the column or the label), 执行率 as printed,
// 得分, 评分标准, and the 其中 lines.
import { normalizeLabel } from "../text";
import type { SelfEvalRow } from "./types";
import { type View, matchColumns, points } from "./readView";

type BudgetKey = "initial" | "full" | "adjusted" | "plain" | "executed" | "rate" | "weight" | "score" | "rule";

const BUDGET_COLUMNS: [BudgetKey, RegExp][] = [
  ["initial", /^年初预算/],
  ["full", /^全年预算数/],
  ["adjusted", /^调整后预算/],
  ["plain", /^预算数/],
  ["rate", /执行率/],
  ["executed", /^全年执行数|^执行数|^预算执行数$|^实际执行数|^实际支出/],
  ["weight", /^分值|^设置分值|^设定分值|^权重/],
  ["score", /^得分/],
  ["rule", /评分标准/],
];

export interface BudgetBlock {
  rows: SelfEvalRow[];
  label: string;
  unread: string[];
}

/** The 预算执行 / 项目资金 block between `from` and the indicator header. */
export function readBudget(view: View, from: number, to: number): BudgetBlock | null {
  for (let r = from; r < to; r++) {
    const lead = view.lead(r);
    if (!lead) continue;
    const cols = matchColumns(view, r, BUDGET_COLUMNS, lead.col + 1);
    const budgetCol = cols.full ?? cols.adjusted ?? cols.plain ?? cols.initial;
    if (budgetCol === undefined || cols.executed === undefined) continue;
    const basis = cols.full !== undefined ? "全年预算数" : cols.adjusted !== undefined ? "调整后预算数" : cols.plain !== undefined ? "预算数" : "年初预算数";
    const labelText = view.text(r, lead.col).replace(/\s+/g, "");
    const weightFromLabel = points(lead.text) ?? (cols.score !== undefined ? points(view.label(r, cols.score)) : null);
    const first = Math.min(...Object.values(cols).filter((c): c is number => c !== undefined));
    const lines: { r: number; label: string }[] = [];
    for (let k = r + 1; k < to; k++) {
      const l = view.lead(k);
      // The block ends where its label column says something else (年度总体目标, 绩效指标 …).
      if (l && l.col <= lead.col && l.text !== lead.text) break;
      let name = "";
      for (let c = lead.col + 1; c < first; c++) {
        const t = view.text(k, c);
        if (t && normalizeLabel(t) !== lead.text) {
          name = t;
          break;
        }
      }
      const hasFigures = [budgetCol, cols.executed].some((c) => view.text(k, c) !== "");
      if (!name && !hasFigures) continue;
      lines.push({ r: k, label: name });
    }
    if (!lines.length) return { rows: [], label: labelText, unread: [`预算执行（“${labelText}”下没有数据行）`] };
    const total = lines.find((l) => /总额|合计|总计/.test(l.label)) ?? lines[0];
    const parts = lines.filter((l) => l !== total);
    const amount = (k: number, c: number | undefined) => view.value(k, c);
    const row: SelfEvalRow = {
      level1: labelText,
      level2: total.label,
      level3: "",
      target: amount(total.r, budgetCol),
      actual: amount(total.r, cols.executed),
      weight: cols.weight !== undefined && view.text(total.r, cols.weight) !== "" ? view.value(total.r, cols.weight) : weightFromLabel ? weightFromLabel.toNumber() : null,
      rule: view.value(total.r, cols.rule),
      score: view.value(total.r, cols.score),
      budget: {
        basis,
        rate: view.raw(total.r, cols.rate),
        parts: parts.map((p) => ({ label: p.label, budget: amount(p.r, budgetCol), executed: amount(p.r, cols.executed) })),
      },
      cells: {
        score: view.address(total.r, cols.score),
        weight: view.address(total.r, cols.weight),
        row: view.address(total.r, lead.col + 1),
        actual: view.address(total.r, cols.executed),
        rate: view.address(total.r, cols.rate),
      },
    };
    return { rows: [row], label: labelText, unread: [] };
  }
  return null;
}
