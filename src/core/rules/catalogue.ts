// The rule catalogue: for every table kind, its column and line keys (typed), their printed labels, the
// identities' ids, what each rule checks (in Chinese), its severity, the printed notes it corresponds to and
// the tables each 表间 rule needs; and the rules of the 自评表 check (src/core/scoring) and of the command line
// (src/cli). The readers, the checker, the note check, 填充小计, the recognition diagnostics, the pane's rule
// tooltips and docs/rules.md (npm run docs:rules) all read from here; test/core/ruleIds.test.ts fails when code
// reports a rule id that is not here.
import type { Severity, TableId } from "../findings";

// ---------------------------------------------------------------- keys and labels

/** Amount columns of the 功能分类 tables (表2, 表3, 表5, 表8, 表9). `total` is the row total in every one. */
export type CodeColumnKey =
  | "total"
  | "fiscal"
  | "superior"
  | "business"
  | "operating"
  | "subordinate"
  | "other"
  | "basic"
  | "project"
  | "toSuperior"
  | "toSubordinate"
  | "carryBegin"
  | "income"
  | "carryEnd";

export type CodeTableId = "表2" | "表3" | "表5" | "表8" | "表9";

export interface ColumnSpec<K extends string> {
  key: K;
  /** How the header names it (normalised text). */
  pattern: RegExp;
  /** The column's name in messages. */
  label: string;
}

const FUND_COLUMNS: ColumnSpec<CodeColumnKey>[] = [
  { key: "carryBegin", pattern: /年初结转/, label: "年初结转和结余" },
  { key: "carryEnd", pattern: /年末结转/, label: "年末结转和结余" },
  { key: "income", pattern: /本年收入/, label: "本年收入" },
  { key: "basic", pattern: /基本支出/, label: "基本支出" },
  { key: "project", pattern: /项目支出/, label: "项目支出" },
  { key: "total", pattern: /小计|合计/, label: "本年支出合计" },
];

/** Columns per table, most specific first. */
export const CODE_COLUMNS: Record<CodeTableId, ColumnSpec<CodeColumnKey>[]> = {
  表2: [
    { key: "superior", pattern: /上级补助/, label: "上级补助收入" },
    { key: "business", pattern: /事业收入/, label: "事业收入" },
    { key: "operating", pattern: /经营收入/, label: "经营收入" },
    { key: "subordinate", pattern: /附属单位/, label: "附属单位上缴收入" },
    { key: "other", pattern: /其他收入/, label: "其他收入" },
    { key: "fiscal", pattern: /财政拨款/, label: "财政拨款收入" },
    { key: "total", pattern: /合计/, label: "本年收入合计" },
  ],
  表3: [
    { key: "basic", pattern: /基本支出/, label: "基本支出" },
    { key: "project", pattern: /项目支出/, label: "项目支出" },
    { key: "toSuperior", pattern: /上缴上级/, label: "上缴上级支出" },
    { key: "operating", pattern: /经营支出/, label: "经营支出" },
    { key: "toSubordinate", pattern: /对附属单位/, label: "对附属单位补助支出" },
    { key: "total", pattern: /合计/, label: "本年支出合计" },
  ],
  表5: [
    { key: "basic", pattern: /基本支出/, label: "基本支出" },
    { key: "project", pattern: /项目支出/, label: "项目支出" },
    { key: "total", pattern: /合计|小计/, label: "本年支出合计" },
  ],
  表8: FUND_COLUMNS,
  表9: FUND_COLUMNS,
};

export const FUNDS = ["general", "govfund", "statecap"] as const;
export type Fund = (typeof FUNDS)[number];

/** Lines of 表1/表4 by what they say; the expense classes are `class` lines with their 类 code. */
export type SummaryLineKey =
  | Fund
  | "superior"
  | "business"
  | "operating"
  | "subordinate"
  | "other"
  | "total"
  | "nonfiscal"
  | "grand"
  | "carryBegin"
  | "carryEnd"
  | `carryBegin.${Fund}`
  | `carryEnd.${Fund}`
  | "distribution"
  | "class";

/** Amount columns of 表1/表4: one `amount` column, or 合计 and the three funds (表4 expense side). */
export type SummaryColumnKey = "amount" | "total" | Fund;

export const SUMMARY_COLUMN_LABEL: Record<SummaryColumnKey, string> = {
  total: "合计",
  general: "一般公共预算财政拨款",
  govfund: "政府性基金预算财政拨款",
  statecap: "国有资本经营预算财政拨款",
  amount: "金额",
};

export const SUMMARY_LINE_LABEL: Record<Exclude<SummaryLineKey, "class">, string> = {
  general: "一般公共预算财政拨款收入",
  govfund: "政府性基金预算财政拨款收入",
  statecap: "国有资本经营预算财政拨款收入",
  superior: "上级补助收入",
  business: "事业收入",
  operating: "经营收入",
  subordinate: "附属单位上缴收入",
  other: "其他收入",
  total: "本年收入合计 / 本年支出合计",
  nonfiscal: "使用非财政拨款结余",
  grand: "总计",
  carryBegin: "年初结转和结余",
  carryEnd: "年末结转和结余",
  "carryBegin.general": "年初一般公共预算财政拨款结转和结余",
  "carryBegin.govfund": "年初政府性基金预算财政拨款结转和结余",
  "carryBegin.statecap": "年初国有资本经营预算财政拨款结转和结余",
  "carryEnd.general": "年末一般公共预算财政拨款结转和结余",
  "carryEnd.govfund": "年末政府性基金预算财政拨款结转和结余",
  "carryEnd.statecap": "年末国有资本经营预算财政拨款结转和结余",
  distribution: "结余分配",
};

/** The lines a 表1/表4 always prints: a rule whose target is one of these and was not read could not run. */
export const REQUIRED_LINES: readonly SummaryLineKey[] = ["total", "grand"];

/** 表7 items. 会议费 and 培训费 are printed by some provinces beside the 三公 items. */
export type SanGongItem = "total" | "abroad" | "carSubtotal" | "carPurchase" | "carRunning" | "reception" | "meeting" | "training";

export const SANGONG_LABEL: Record<SanGongItem, string> = {
  total: "合计",
  abroad: "因公出国(境)费",
  carSubtotal: "公务用车购置及运行费小计",
  carPurchase: "公务用车购置费",
  carRunning: "公务用车运行(维护)费",
  reception: "公务接待费",
  meeting: "会议费",
  training: "培训费",
};

/** Items every 表7 prints; 小计, 会议费 and 培训费 are printed by some templates only. */
export const SANGONG_REQUIRED: readonly SanGongItem[] = ["total", "abroad", "carPurchase", "carRunning", "reception"];

/** 表6: which economic 类 belong to 人员经费 and which to 公用经费. */
export const PERSONNEL_CLASSES = ["301", "303"];
export const PUBLIC_CLASSES = ["302", "307", "309", "310", "312", "399"];

/** X9: the 表6 经济分类 款 limited by a 表7 决算数. */
export const X9_PAIRS: readonly [code: string, item: SanGongItem][] = [
  ["30212", "abroad"],
  ["30217", "reception"],
  ["30231", "carRunning"],
  ["31013", "carPurchase"],
];

// ---------------------------------------------------------------- rules

/** 自评表: the 项目支出绩效自评表 check; 命令行: what only the command line reports (it reads the file itself). */
export type RuleKind = "读取" | "表内" | "表间" | "一致性" | "自评表" | "命令行";

export interface PrintedNote {
  unit: "行" | "栏";
  lhs: number;
  terms: number[];
}

export interface RuleSpec {
  id: string;
  kind: RuleKind;
  /** The tables it reports on (empty: the workbook). */
  tables: readonly TableId[];
  /** 表间: the tables that must all be recognised for it to run. */
  needs?: readonly TableId[];
  severity: Severity;
  /** What it checks, in Chinese, for docs/rules.md. */
  text: string;
  /** The printed note of the central template that states it. */
  note?: PrintedNote;
  /** About the set of tables, though neither 表间 nor 一致性: a table not found. */
  ofTheSet?: true;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const ALL: readonly TableId[] = ["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"];

const codeTableRules = (id: CodeTableId): RuleSpec[] => {
  const t = id.replace("表", "T");
  return [
    { id: `${t}-合计`, kind: "表内", tables: [id], severity: "error", text: "合计行的每一栏等于各类之和" },
    { id: `${t}-类`, kind: "表内", tables: [id], severity: "error", text: "每个类的每一栏等于所属各款之和" },
    { id: `${t}-款`, kind: "表内", tables: [id], severity: "error", text: "每个款的每一栏等于所属各项之和" },
    { id: `${t}-层级`, kind: "表内", tables: [id], severity: "warning", text: "项的上级款（或款的上级类）不在表中：按表中最近的上级汇总" },
  ];
};

/** The 决算 rules (表1–表9, src/core/validate.ts); ALL_RULES adds the 自评表 and command-line ones. */
export const RULES: readonly RuleSpec[] = [
  // Reading
  { id: "REC", kind: "读取", tables: ALL, severity: "warning", text: "标题像表1–表9之一但表头无法识别，或同一张表出现两次；按工作表名识别时为提示" },
  { id: "MISSING", kind: "读取", tables: ALL, severity: "warning", text: "未找到某张表：依赖它的表间校验未执行（一张也未找到时为错误）", ofTheSet: true },
  { id: "EXTRA", kind: "读取", tables: [], severity: "info", text: "识别为九张表以外的表（项目支出决算表、机关运行经费等），列为“未校验的表”；绩效自评表不在决算校验之内，由自评检查另行校验" },
  { id: "AMT", kind: "读取", tables: ALL, severity: "error", text: "金额单元格无法读取（错误值、文字）：涉及它的校验报告“未能校验”" },
  { id: "AMT-TEXT", kind: "读取", tables: ALL, severity: "info", text: "以文本形式存储的金额（全角、千位分隔符、括号负数），按读出的数计算" },
  { id: "AMT-DASH", kind: "读取", tables: ALL, severity: "info", text: "以“-”等表示的空值，按 0 计算" },
  { id: "COL", kind: "读取", tables: ALL, severity: "warning", text: "重复的栏目，只按第一栏校验" },
  { id: "ROW", kind: "读取", tables: ALL, severity: "warning", text: "有金额的行没有可识别的科目编码或项目名称，或重复出现" },
  { id: "UNREAD", kind: "读取", tables: ALL, severity: "warning", text: "表的区域内有金额未能归入任何栏目或行；一个也未读到时为错误（未能读取）" },
  { id: "UNCHECKED", kind: "读取", tables: ALL, severity: "warning", text: "某条规则因其运算数未读到或无法读取而未能校验（以该规则的编号报告，说明运算数和原因）" },
  { id: "NOTE", kind: "读取", tables: ALL, severity: "info", text: "表下印刷的公式注释与内置规则不一致（按内置规则校验）" },
  { id: "CAT-名称", kind: "读取", tables: ["表2", "表3", "表5", "表6", "表8", "表9"], severity: "warning", text: "科目名称与科目目录中该编码的名称不一致" },
  // Consistency of the set
  { id: "SET-年度", kind: "一致性", tables: ALL, severity: "error", text: "各表标题中的年度一致" },
  { id: "SET-单位", kind: "一致性", tables: ALL, severity: "error", text: "各表的金额单位一致（元与万元相差 10000 倍）" },
  { id: "SET-部门", kind: "一致性", tables: ALL, severity: "warning", text: "各表“部门/编制单位”行的单位名称一致" },
  // 表1
  { id: "T1-27", kind: "表内", tables: ["表1"], severity: "error", text: "本年收入合计等于收入各项（第1–8行）之和", note: { unit: "行", lhs: 27, terms: range(1, 8) } },
  { id: "T1-30", kind: "表内", tables: ["表1"], severity: "error", text: "收入总计等于本年收入合计、使用非财政拨款结余、年初结转和结余之和", note: { unit: "行", lhs: 30, terms: [27, 28, 29] } },
  { id: "T1-57", kind: "表内", tables: ["表1"], severity: "error", text: "本年支出合计等于各类支出（第31–56行）之和", note: { unit: "行", lhs: 57, terms: range(31, 56) } },
  { id: "T1-60", kind: "表内", tables: ["表1"], severity: "error", text: "支出总计等于本年支出合计、结余分配、年末结转和结余之和", note: { unit: "行", lhs: 60, terms: [57, 58, 59] } },
  { id: "T1-总计", kind: "表内", tables: ["表1"], severity: "error", text: "支出总计等于收入总计" },
  // 表2, 表3
  { id: "T2-1栏", kind: "表内", tables: ["表2"], severity: "error", text: "每行的本年收入合计等于财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入之和", note: { unit: "栏", lhs: 1, terms: range(2, 7) } },
  ...codeTableRules("表2"),
  { id: "T3-1栏", kind: "表内", tables: ["表3"], severity: "error", text: "每行的本年支出合计等于基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和", note: { unit: "栏", lhs: 1, terms: range(2, 6) } },
  ...codeTableRules("表3"),
  // 表4
  { id: "T4-27", kind: "表内", tables: ["表4"], severity: "error", text: "本年收入合计等于三项财政拨款收入之和", note: { unit: "行", lhs: 27, terms: [1, 2, 3] } },
  { id: "T4-28", kind: "表内", tables: ["表4"], severity: "error", text: "年初财政拨款结转和结余等于三项年初结转和结余之和", note: { unit: "行", lhs: 28, terms: [29, 30, 31] } },
  { id: "T4-32", kind: "表内", tables: ["表4"], severity: "error", text: "收入总计等于本年收入合计与年初财政拨款结转和结余之和", note: { unit: "行", lhs: 32, terms: [27, 28] } },
  { id: "T4-合计栏", kind: "表内", tables: ["表4"], severity: "error", text: "支出每行的合计等于一般公共预算、政府性基金、国有资本经营三栏之和" },
  { id: "T4-59", kind: "表内", tables: ["表4"], severity: "error", text: "每一栏的本年支出合计等于各类支出（第33–58行）之和", note: { unit: "行", lhs: 59, terms: range(33, 58) } },
  { id: "T4-60", kind: "表内", tables: ["表4"], severity: "error", text: "每一栏的年末财政拨款结转和结余等于三项年末结转和结余之和" },
  { id: "T4-64", kind: "表内", tables: ["表4"], severity: "error", text: "每一栏的支出总计等于本年支出合计与年末结转和结余之和", note: { unit: "行", lhs: 64, terms: [59, 60] } },
  { id: "T4-总计", kind: "表内", tables: ["表4"], severity: "error", text: "支出总计等于收入总计" },
  // 表5
  { id: "T5-1栏", kind: "表内", tables: ["表5"], severity: "error", text: "每行的本年支出合计等于基本支出与项目支出之和", note: { unit: "栏", lhs: 1, terms: [2, 3] } },
  ...codeTableRules("表5"),
  // 表6
  { id: "T6-类", kind: "表内", tables: ["表6"], severity: "error", text: "每个经济分类的类等于所属各款之和" },
  { id: "T6-人员经费", kind: "表内", tables: ["表6"], severity: "error", text: "人员经费合计等于 301、303 两类之和" },
  { id: "T6-公用经费", kind: "表内", tables: ["表6"], severity: "error", text: "公用经费合计等于 302、307、309、310、312、399 各类之和" },
  // 表7
  { id: "T7-1栏", kind: "表内", tables: ["表7"], severity: "error", text: "预算数合计等于因公出国(境)费、公务用车购置及运行费、公务接待费之和（印有会议费、培训费时，两种口径都试，并说明按哪种成立）", note: { unit: "栏", lhs: 1, terms: [2, 3, 6] } },
  { id: "T7-3栏", kind: "表内", tables: ["表7"], severity: "error", text: "预算数公务用车购置及运行费小计等于购置费与运行(维护)费之和", note: { unit: "栏", lhs: 3, terms: [4, 5] } },
  { id: "T7-7栏", kind: "表内", tables: ["表7"], severity: "error", text: "决算数合计等于因公出国(境)费、公务用车购置及运行费、公务接待费之和（口径同 T7-1栏）", note: { unit: "栏", lhs: 7, terms: [8, 9, 12] } },
  { id: "T7-9栏", kind: "表内", tables: ["表7"], severity: "error", text: "决算数公务用车购置及运行费小计等于购置费与运行(维护)费之和", note: { unit: "栏", lhs: 9, terms: [10, 11] } },
  { id: "T7-口径", kind: "表内", tables: ["表7"], severity: "info", text: "印有会议费、培训费栏时，说明合计按哪种口径成立（含或不含会议费、培训费）" },
  // 表8, 表9
  { id: "T8-6栏", kind: "表内", tables: ["表8"], severity: "error", text: "每行的年末结转和结余等于年初结转和结余加本年收入减本年支出", note: { unit: "栏", lhs: 6, terms: [1, 2, -3] } },
  { id: "T8-3栏", kind: "表内", tables: ["表8"], severity: "error", text: "每行的本年支出合计等于基本支出与项目支出之和", note: { unit: "栏", lhs: 3, terms: [4, 5] } },
  ...codeTableRules("表8"),
  { id: "T9-6栏", kind: "表内", tables: ["表9"], severity: "error", text: "每行的年末结转和结余等于年初结转和结余加本年收入减本年支出（印有这些栏时）" },
  { id: "T9-1栏", kind: "表内", tables: ["表9"], severity: "error", text: "每行的本年支出合计等于基本支出与项目支出之和", note: { unit: "栏", lhs: 1, terms: [2, 3] } },
  ...codeTableRules("表9"),
  // 表间
  { id: "X1", kind: "表间", tables: ["表1"], needs: ["表1", "表2"], severity: "error", text: "表1 本年收入合计等于表2 合计行的本年收入合计" },
  { id: "X2", kind: "表间", tables: ["表1", "表2"], needs: ["表1", "表2"], severity: "error", text: "表2 合计行的财政拨款收入等于表1 三项财政拨款收入之和；表1 其余各项收入等于表2 合计行同名栏" },
  { id: "X3", kind: "表间", tables: ["表1", "表3"], needs: ["表1", "表3"], severity: "error", text: "表1 本年支出合计及每类支出等于表3 合计行及该类的本年支出合计（表3 有而表1 无的类为错误）" },
  { id: "X4", kind: "表间", tables: ["表4"], needs: ["表1", "表4"], severity: "error", text: "表4 三项财政拨款收入等于表1 同名收入" },
  { id: "X5", kind: "表间", tables: ["表4", "表5"], needs: ["表4", "表5"], severity: "error", text: "表4 一般公共预算财政拨款栏的本年支出合计及每类支出等于表5" },
  { id: "X6", kind: "表间", tables: ["表4", "表8", "表9"], needs: ["表4", "表8", "表9"], severity: "error", text: "表4 政府性基金栏、国有资本经营栏的本年支出合计及每类支出分别等于表8、表9" },
  { id: "X7", kind: "表间", tables: ["表5"], needs: ["表5", "表6"], severity: "error", text: "表5 合计行的基本支出等于表6 人员经费合计与公用经费合计之和" },
  { id: "X8", kind: "表间", tables: ["表5"], needs: ["表3", "表5"], severity: "warning", text: "表5 每个科目的基本支出、项目支出不超过表3 同一科目（表3 无此科目即为 0）" },
  { id: "X9", kind: "表间", tables: ["表6"], needs: ["表6", "表7"], severity: "error", text: "表6 30212 因公出国(境)费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置不超过表7 同项决算数（空白即为 0）" },
  { id: "X10", kind: "表间", tables: ["表4"], needs: ["表1", "表4"], severity: "warning", text: "表4 年初、年末财政拨款结转和结余不超过表1 年初、年末结转和结余" },
  { id: "X11", kind: "表间", tables: ["表4", "表8", "表9"], needs: ["表4", "表8", "表9"], severity: "error", text: "表8/表9 为空表时表下应说明原因（警告），且表4 相应栏不应有金额（错误）" },
];

/** The 项目支出绩效自评表 check (src/core/scoring). Severity: the highest the rule reports. */
const SELF_EVAL_RULES = [
  { id: "SE-未识别", kind: "自评表", tables: [], severity: "error", text: "看似自评表（有自评表标题，或有“得分”栏的表头）却未能读取的表，每张一条，标在其起始单元格，说明原因；该表未经校验" },
  { id: "SE-得分", kind: "自评表", tables: [], severity: "error", text: "按这一行自己的评分标准重新计算的得分与填报得分不一致" },
  { id: "SE-无法计分", kind: "自评表", tables: [], severity: "info", text: "评分标准无法自动计算（如文字描述、目标与实际值不可比），保留填报得分，需人工确认" },
  { id: "SE-未填写", kind: "自评表", tables: [], severity: "warning", text: "指标行未填写实际完成值（或实际完成值、分值和得分都未填写）：该行未计分" },
  { id: "SE-缺分值", kind: "自评表", tables: [], severity: "error", text: "指标没有填写分值" },
  { id: "SE-超分", kind: "自评表", tables: [], severity: "error", text: "得分不能超过该指标的分值" },
  { id: "SE-无目标", kind: "自评表", tables: [], severity: "warning", text: "指标没有年初目标值，无法评价完成情况" },
  { id: "SE-文字实际值", kind: "自评表", tables: [], severity: "info", text: "实际完成值是文字，没有可与目标比较的数值" },
  { id: "SE-分档重叠", kind: "自评表", tables: [], severity: "warning", text: "评分标准的分档区间互相重叠，落在重叠处的值得分不确定" },
  { id: "SE-偏差原因", kind: "自评表", tables: [], severity: "warning", text: "未完全达成目标或超过目标 30% 以上的指标，应填写偏差原因及改进措施" },
  { id: "SE-资金总额", kind: "自评表", tables: [], severity: "error", text: "预算执行的资金总额为 0 或空，而其中各项有金额：执行率按其中各项计算" },
  { id: "SE-执行率", kind: "自评表", tables: [], severity: "error", text: "填报的预算执行率等于执行数除以预算数（不超过 100%，按填报的小数位数四舍五入）" },
  { id: "SE-无分值", kind: "自评表", tables: [], severity: "info", text: "表中没有分值列：各行得分无法逐行核对，只核对一级指标分值、预算执行得分和总分" },
  { id: "SE-分值合计", kind: "自评表", tables: [], severity: "error", text: "各项分值合计等于合计行的分值（未填时为 100），合计行的分值为 100；表中有未填写的行时为警告，未见预算执行栏时为提示" },
  { id: "SE-一级分值", kind: "自评表", tables: [], severity: "error", text: "一级指标标注的分值（如“产出指标（50分）”）等于其下各行分值之和；表中有未填写的行时为警告" },
  { id: "SE-一级得分", kind: "自评表", tables: [], severity: "error", text: "没有分值列的表：一级指标下各行得分之和不超过其标注的分值；各行均达成目标而得分之和低于标注的分值时为警告" },
  { id: "SE-指标分值", kind: "自评表", tables: [], severity: "error", text: "绩效指标栏标注的分值（如“绩效指标（90分）”）等于各一级指标标注的分值（或各指标分值）之和；表中有未填写的行时为警告" },
  { id: "SE-总分", kind: "自评表", tables: [], severity: "error", text: "总分（及得分情况摘要的合计得分）等于各项得分之和" },
  { id: "SE-总分超100", kind: "自评表", tables: [], severity: "error", text: "总分不超过 100 分" },
  { id: "SE-得分率", kind: "自评表", tables: [], severity: "error", text: "得分情况摘要（项目、设定分值、得分、得分率）中每一行的得分率等于得分除以设定分值（百分数，两位小数）" },
] as const satisfies readonly RuleSpec[];

export type SelfEvalRuleId = (typeof SELF_EVAL_RULES)[number]["id"];

/** What only the command line sees, reading the .xlsx itself (src/cli/extraFindings.ts). */
const CLI_RULES = [
  { id: "NO-CACHE", kind: "命令行", tables: [], severity: "error", text: "公式未保存计算结果（文件由不计算公式的程序写出）：这些单元格不按 0 计算，请在 Excel 中打开并保存后再校验" },
  { id: "HIDDEN", kind: "命令行", tables: ALL, severity: "warning", text: "表取自隐藏的工作表：请确认它不是过期的副本（同一张表另有可见的工作表时取可见的）" },
  { id: "NO-TABLE", kind: "命令行", tables: [], severity: "error", text: "文件中既没有表1–表9，也没有项目支出绩效自评表：此文件未经校验，不算通过" },
] as const satisfies readonly RuleSpec[];

export type CliRuleId = (typeof CLI_RULES)[number]["id"];

/** Every rule: the 决算 rules above, the 自评表 rules and the command line's. */
export const ALL_RULES: readonly RuleSpec[] = [...RULES, ...SELF_EVAL_RULES, ...CLI_RULES];

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleSpec(id: string): RuleSpec | undefined {
  return BY_ID.get(id);
}

/**
 * Whether a rule is about the set of tables rather than one table: a 表间 or 一致性 rule, or a table not found.
 * A check of one table's range (=JUESUAN.CHECK(range), src/functions/functions.ts) leaves these out.
 */
export function ofTheSet(id: string): boolean {
  const r = BY_ID.get(id);
  return r !== undefined && (r.kind === "表间" || r.kind === "一致性" || r.ofTheSet === true);
}

/** The printed notes of a table, as the central template numbers its rows (行) and columns (栏). */
export function printedNotes(table: TableId): PrintedNote[] {
  return RULES.flatMap((r) => (r.note && r.tables.includes(table) ? [r.note] : []));
}

/** The 表间 rules that cannot run without a table, for the message when it is missing: `X1、X2`. */
export function rulesNeeding(table: TableId): string {
  return RULES.filter((r) => r.kind === "表间" && r.needs?.includes(table))
    .map((r) => r.id)
    .join("、");
}
