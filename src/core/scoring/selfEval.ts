// A 项目支出绩效自评表: every row recomputed from its own 评分标准, rolled up 三级 → 二级 → 一级 → 总分, with the
// flags of README 绩效自评 as findings on the row concerned.
import type { Finding } from "../findings";
import type { SelfEvalRuleId } from "../rules/catalogue";
import { type CellValue, Decimal, formatAmount } from "../money";
import { shorten } from "./quantity";
import { decimalOf, isBudgetRow, scoreRow } from "./rowScore";
import { grade, round2 } from "./score";
import { checkBudgetLine, checkWeights } from "./tableChecks";
import type { RowResult, RowStatus, SelfEvalResult, SelfEvalTable, SummaryLine } from "./types";

export type { IndicatorListRow, RowResult, RowStatus, SelfEvalResult, SelfEvalRow, SelfEvalTable, SummaryLine } from "./types";
export { budgetFigures, isBudgetRow, scoreRow } from "./rowScore";

const SUMMARY_ITEMS: [RegExp, string][] = [
  [/预算执行|资金|预算管理/, "预算管理"],
  [/产出/, "产出指标"],
  [/效益/, "效益指标"],
  [/满意/, "满意度指标"],
];

export function rate(score: Decimal, weight: Decimal): Decimal | null {
  return weight.isZero() ? null : round2(score.dividedBy(weight).times(100));
}

export function evaluateSelfEval(t: SelfEvalTable): SelfEvalResult {
  const findings: Finding[] = [];
  const add = (rule: SelfEvalRuleId, severity: Finding["severity"], cells: (string | undefined)[], message: string, figures?: { expected: string; found: string; difference?: string }) =>
    findings.push({
      rule,
      severity,
      table: null,
      sheet: t.sheet,
      cells: cells.filter((c): c is string => !!c),
      expected: figures?.expected ?? null,
      found: figures?.found ?? null,
      difference: figures?.difference ?? null,
      message: `${t.project}：${message}`,
    });

  const weighted = t.hasWeights !== false;
  const blank = (v: CellValue | undefined) => v === null || v === undefined || String(v).trim() === "";
  const rows: RowResult[] = t.rows.map((row) => {
    const result = scoreRow(row);
    const filled = decimalOf(row.score);
    const name = shorten(row.level3 || row.level2 || row.level1);
    const weight = decimalOf(row.weight);
    // A template row with its target and nothing else: one finding, not one per empty cell.
    if (blank(row.actual) && blank(row.weight) && blank(row.score) && !isBudgetRow(row)) {
      add("SE-未填写", "warning", [row.cells?.actual ?? row.cells?.row], `“${name}”未填写实际完成值、分值和得分`);
      return { row, result, filled, status: "no-actual" as const };
    }
    if (!weighted && !isBudgetRow(row)) return { row, result, filled, status: "unweighted" as const };
    let status: RowStatus = result.flags.includes("NO_ACTUAL") ? "no-actual" : filled === null ? "unfilled" : result.score === null ? "unscorable" : "match";
    if (filled !== null && result.score !== null) {
      const inRange = result.range ? filled.gte(result.range[0]) && filled.lte(result.range[1]) : filled.eq(result.score);
      if (!inRange) {
        status = "disagree";
        const expected = result.range ? `${formatAmount(result.range[0])}–${formatAmount(result.range[1])}` : formatAmount(result.score);
        add("SE-得分", "error", [row.cells?.score], `“${name}”得分 ${formatAmount(filled)} 与其评分标准不符，按标准应为 ${expected}（${result.basis}）`, {
          expected,
          found: formatAmount(filled),
          difference: result.range ? "" : formatAmount(filled.minus(result.score)),
        });
      }
    }
    if (status === "unscorable") add("SE-无法计分", "info", [row.cells?.score], `“${name}”无法按评分标准计算：${result.basis}；保留填报得分 ${formatAmount(filled as Decimal)}`);
    if (!weight) add("SE-缺分值", "error", [row.cells?.weight ?? row.cells?.row], `“${name}”缺少分值`);
    if (weight && filled && filled.gt(weight)) add("SE-超分", "error", [row.cells?.score], `“${name}”得分 ${formatAmount(filled)} 超过分值 ${formatAmount(weight)}`);
    if (result.flags.includes("NO_ACTUAL")) add("SE-未填写", "warning", [row.cells?.actual ?? row.cells?.row], `“${name}”未填写实际完成值，未计分${filled !== null ? `（填报得分 ${formatAmount(filled)} 无从核对）` : ""}`);
    if (!isBudgetRow(row) && result.flags.includes("NO_TARGET")) add("SE-无目标", "warning", [row.cells?.row], `“${name}”没有年初目标值`);
    if (result.flags.includes("TEXT_ACTUAL") && !result.flags.includes("NO_TARGET")) add("SE-文字实际值", "info", [row.cells?.row], `“${name}”的实际完成值没有可与目标比较的数值`);
    if (result.flags.includes("BAND_OVERLAP")) add("SE-分档重叠", "warning", [row.cells?.row], `“${name}”的评分标准分档有重叠，落在重叠区间的值无法确定得分`);
    const needsReason = result.flags.includes("NOT_ACHIEVED") || result.flags.includes("EXCEEDED");
    if (needsReason && row.reason !== undefined && !String(row.reason ?? "").trim()) {
      add("SE-偏差原因", "warning", [row.cells?.reason], `“${name}”${result.flags.includes("EXCEEDED") ? "超过目标 30% 以上（目标可能偏低）" : "未完全达成目标"}，应填写偏差原因及改进措施`);
    }
    if (row.budget) checkBudgetLine(row, add);
    return { row, result, filled, status };
  });

  checkWeights(t, rows, add);

  const total = rows.reduce((s, r) => s.plus(r.filled ?? new Decimal(0)), new Decimal(0));
  const ruleTotal = rows.reduce((s, r) => s.plus(r.result.score ?? r.filled ?? new Decimal(0)), new Decimal(0));
  const printed = decimalOf(t.printedTotal);
  const over = total.gt(100) ? "，且超过 100 分" : "";
  if (printed && !printed.eq(total)) add("SE-总分", "error", [t.totalCell], `总分 ${formatAmount(printed)} 不等于各项得分之和 ${formatAmount(total)}${over}`, { expected: formatAmount(total), found: formatAmount(printed), difference: formatAmount(printed.minus(total)) });
  const shown = printed ?? total;
  if (shown.gt(100) && !(printed && !printed.eq(total))) add("SE-总分超100", "error", [t.totalCell], `总分 ${formatAmount(shown)} 超过 100 分`, { expected: "≤ 100.00", found: formatAmount(shown), difference: formatAmount(shown.minus(100)) });

  const summary: SummaryLine[] = SUMMARY_ITEMS.map(([re, item]) => {
    const these = rows.filter((r) => re.test(r.row.level1));
    const w = these.reduce((s, r) => s.plus(decimalOf(r.row.weight) ?? 0), new Decimal(0));
    const sc = these.reduce((s, r) => s.plus(r.filled ?? r.result.score ?? 0), new Decimal(0));
    return { item, weight: w, score: sc, rate: rate(sc, w) };
  }).filter((l) => !l.weight.isZero());
  return { rows, total, ruleTotal, grade: grade(total), summary, findings };
}

/**
 * A printed 摘要 (预算管理 / 产出 / 效益 / 满意度 / 合计 with 设定分值, 得分, 得分率, read by readSummary.ts): each
 * rate and the 合计. Called by checkSelfEvalGrids (checkSheets.ts).
 */
export function checkSummary(project: string, lines: { item: string; weight: CellValue; score: CellValue; rate: CellValue; cell?: string; scoreCell?: string }[], sheet = ""): Finding[] {
  const findings: Finding[] = [];
  // The line readSummary ends a block at (readSummary.ts TOTAL): 合计, 总分 or 总计.
  const isTotal = (item: string) => /合计|总分|总计/.test(item);
  const parts = lines.filter((l) => !isTotal(l.item));
  for (const l of lines) {
    const [w, s, r] = [decimalOf(l.weight), decimalOf(l.score), decimalOf(l.rate)];
    if (!w || !s || !r) continue;
    const computed = rate(s, w);
    if (computed && !computed.eq(round2(r))) {
      findings.push({
        rule: "SE-得分率" satisfies SelfEvalRuleId,
        severity: "error",
        table: null,
        sheet,
        cells: l.cell ? [l.cell] : [],
        expected: formatAmount(computed),
        found: formatAmount(r),
        difference: formatAmount(r.minus(computed)),
        message: `${project}：${l.item}得分率 ${formatAmount(r)}% 与 ${formatAmount(s)}/${formatAmount(w)} = ${formatAmount(computed)}% 不符`,
      });
    }
  }
  const total = lines.find((l) => isTotal(l.item));
  const sum = parts.reduce((acc, l) => acc.plus(decimalOf(l.score) ?? 0), new Decimal(0));
  const printed = total ? decimalOf(total.score) : null;
  if (printed && !printed.eq(sum)) {
    findings.push({ rule: "SE-总分" satisfies SelfEvalRuleId, severity: "error", table: null, sheet, cells: [total?.scoreCell ?? total?.cell].filter((c): c is string => !!c), expected: formatAmount(sum), found: formatAmount(printed), difference: formatAmount(printed.minus(sum)), message: `${project}：合计得分 ${formatAmount(printed)} 不等于各项之和 ${formatAmount(sum)}` });
  }
  return findings;
}
