// What each rule checks, in a sentence, for the tooltip behind a finding (the pane never shows a bare code).
// One lookup, kept here until core's rule catalogue (docs/rules.md) can be read instead: then only
// `explainRule` changes.
import { BUILT_IN_NOTES } from "../core/rules/noteRules";
import { TABLE_IDS, type TableId } from "../core/findings";

const CROSS: Record<string, string> = {
  X1: "表间：表1 的本年收入合计应等于表2 合计行的本年收入合计。",
  X2: "表间：表2 合计行的财政拨款收入应等于表1 三项财政拨款收入之和，表1 各项收入与表2 合计行同名栏目一致。",
  X3: "表间：表1 的本年支出合计及各功能分类支出应与表3 对应的类一致。",
  X4: "表间：表4 的各项财政拨款收入应与表1 同名收入一致。",
  X5: "表间：表4 一般公共预算财政拨款支出（合计及各类）应与表5 一致。",
  X6: "表间：表4 政府性基金、国有资本经营预算财政拨款支出（合计及各类）应分别与表8、表9 一致。",
  X7: "表间：表5 合计行的基本支出应等于表6 人员经费合计与公用经费合计之和。",
  X8: "表间：表5 每个科目的金额不能超过表3 同一科目的金额（财政拨款是全部支出的一部分）。",
  X9: "表间：表6 中“三公”经费相关科目的金额不能超过表7 的决算数。",
  X10: "表间：表4 的财政拨款结转和结余不能超过表1 的结转和结余。",
  X11: "表间：表8、表9 的收入支出应与表4 对应的政府性基金、国有资本经营预算栏目一致。",
};

const OTHER: Record<string, string> = {
  MISSING: "工作簿中没有找到这张表，与它有关的表间校验没有执行。",
  REC: "识别表格：标题像某张决算表，但表头或栏目无法识别，或只能按工作表名识别。",
  AMT: "单元格的内容无法读作金额，涉及它的校验已跳过（不会按 0 计算）。",
  "AMT-TEXT": "单元格中的金额是文本形式（如带千分位或全角数字），已按其数值参与计算。",
  "AMT-DASH": "单元格中的“-”等占位符按空值（0）计算。",
  COL: "表头中有重复的栏目，后出现的栏目未参与校验。",
  ROW: "行有金额但没有可识别的科目编码，或编码重复，未参与或只部分参与校验。",
  NOTE: "表下注释中的计算公式与决算模板规定的公式不一致。",
  "CAT-名称": "科目名称与科目目录中该编码的名称不一致。",
  "T1-总计": "表1：收入总计应等于支出总计。",
  "T4-总计": "表4：收入总计应等于支出总计。",
  "T4-合计栏": "表4：每一行的合计栏应等于一般公共预算、政府性基金、国有资本经营三栏之和。",
  "T6-类": "表6：每一类经济分类应等于其下各款之和。",
  "T6-人员经费": "表6：人员经费合计应等于 301 工资福利支出与 303 对个人和家庭的补助之和。",
  "T6-公用经费": "表6：公用经费合计应等于 302、307、309、310、312、399 各类之和。",
  "SE-得分": "自评表：按这一行自己的评分标准重新计算的得分与填报得分不一致。",
  "SE-无法计分": "自评表：评分标准无法自动计算（如文字描述），保留填报得分，需人工确认。",
  "SE-缺分值": "自评表：指标没有填写分值。",
  "SE-超分": "自评表：得分不能超过该指标的分值。",
  "SE-无目标": "自评表：指标没有年初目标值，无法评价完成情况。",
  "SE-文字实际值": "自评表：实际完成值是文字，没有可与目标比较的数值。",
  "SE-分档重叠": "自评表：评分标准的分档区间互相重叠，落在重叠处的值得分不确定。",
  "SE-偏差原因": "自评表：未完全达成目标或超过目标 30% 以上的指标，应填写偏差原因及改进措施。",
  "SE-分值合计": "自评表：各项指标的分值合计应为 100。",
  "SE-总分": "自评表：总分应等于各项得分之和。",
  "SE-得分率": "自评表：预算执行率得分应等于分值乘以执行率。",
};

const LEVEL: Record<string, string> = {
  合计: "合计行应等于各类之和",
  类: "每一类应等于其下各款之和",
  款: "每一款应等于其下各项之和",
  层级: "科目编码的上下级关系不完整（缺少上级科目），下级金额暂计入更上一级",
};

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
  const note = BUILT_IN_NOTES[table]?.find((n) => n.unit === unit && n.lhs === lhs);
  if (!note) return null;
  const t = note.terms;
  const run = t.length > 3 && t.every((x, i) => x === t[0] + i);
  const terms = run ? `第${t[0]}–${t[t.length - 1]}${unit}之和` : `第 ${t.map((x, i) => `${i === 0 ? "" : x < 0 ? " − " : " + "}${Math.abs(x)}`).join("")} ${unit}`;
  return `${table}：第${lhs}${unit}应等于${terms}（模板表下注释的公式）。`;
}

/** One sentence on what `rule` checks; a generic sentence for a rule this lookup does not know. */
export function explainRule(rule: string): string {
  const known = CROSS[rule] ?? OTHER[rule];
  if (known) return known;
  const table = tableOf(rule);
  if (table) {
    const level = LEVEL[rule.slice(3)];
    if (level) return `${table}：${level}，逐栏核对。`;
    const note = fromNotes(table, rule);
    if (note) return note;
    if (/^T\d-\d+$/.test(rule)) return `${table}：第${rule.slice(3)}行应等于模板规定的各行之和。`;
    if (rule.endsWith("栏")) return `${table}：每一行的第${rule.slice(3, -1)}栏应等于模板规定的各栏之和。`;
    if (rule.endsWith("行")) return `${table}：每一行的合计栏应等于其各栏之和。`;
  }
  return "决算助手的一条校验规则。";
}
