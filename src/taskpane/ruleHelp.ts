// What each rule checks, in a sentence, for the tooltip behind a finding (the pane never shows a bare code).
// Every rule, the 自评表 and command-line ones included, comes from core's rule catalogue
// (src/core/rules/catalogue.ts, listed in docs/rules.md).
import { TABLE_IDS, type TableId } from "../core/findings";
import { ruleSpec } from "../core/rules/catalogue";

function tableOf(rule: string): TableId | null {
  const m = /^T([1-9])-/.exec(rule);
  if (!m) return null;
  return TABLE_IDS.find((t) => t === `表${m[1]}`) ?? null;
}

/** The printed note of a rule like T1-57 (行) or T7-3栏 (栏): "第57行 = 第31–56行之和". */
function fromNotes(table: TableId, rule: string): string | null {
  const m = /^T\d-(\d+)(栏?)$/.exec(rule);
  if (!m) return null;
  const lhs = Number(m[1]);
  const unit = m[2] ? "栏" : "行";
  const note = ruleSpec(rule)?.note;
  if (!note || note.unit !== unit || note.lhs !== lhs) return null;
  const t = note.terms;
  const run = t.length > 3 && t.every((x, i) => x === t[0] + i);
  const terms = run ? `第${t[0]}–${t[t.length - 1]}${unit}之和` : `第 ${t.map((x, i) => `${i === 0 ? "" : x < 0 ? " − " : " + "}${Math.abs(x)}`).join("")} ${unit}`;
  return `${table}：第${lhs}${unit}应等于${terms}（模板表下注释的公式）。`;
}

/** One sentence on what `rule` checks; a generic sentence for a rule this lookup does not know. */
export function explainRule(rule: string): string {
  const table = tableOf(rule);
  const spec = ruleSpec(rule);
  if (spec && !spec.note) return `${spec.kind === "表间" ? "表间" : table ?? spec.kind}：${spec.text}。`;
  if (table) {
    const note = fromNotes(table, rule);
    if (note) return note;
    if (/^T\d-\d+$/.test(rule)) return `${table}：第${rule.slice(3)}行应等于模板规定的各行之和。`;
    if (rule.endsWith("栏")) return `${table}：每一行的第${rule.slice(3, -1)}栏应等于模板规定的各栏之和。`;
    if (rule.endsWith("行")) return `${table}：每一行的合计栏应等于其各栏之和。`;
  }
  return "决算助手的一条校验规则。";
}
