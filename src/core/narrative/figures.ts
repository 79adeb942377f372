// The one place that reads the table models for 情况说明: every figure the text needs, keyed, with its cell.
// Generation and checking use only these keys, so a change to the table models is fixed here alone.
import { PERSONNEL_CLASSES, PUBLIC_CLASSES, className } from "../codes";
import type { Grid } from "../grid";
import { type Amount, type CodeTable, type SanGongItem, type Table, amountValue, qualified, quoteSheet } from "../model";
import { Decimal } from "../money";
import type { CodeColumnKey, SummaryLineKey } from "../rules/catalogue";
import type { ValidationResult } from "../validate";

/** The 三公 items the text speaks of. 会议费 and 培训费, which some 表7 print beside them, are not “三公”经费. */
export const SANGONG_ITEMS: readonly SanGongItem[] = ["total", "abroad", "carSubtotal", "carPurchase", "carRunning", "reception"];
export type { SanGongItem };

const INCOME_KEYS = ["superior", "business", "operating", "subordinate", "other"] as const satisfies readonly SummaryLineKey[];
export type IncomeItem = (typeof INCOME_KEYS)[number];
export const INCOME_ITEMS: Record<IncomeItem, string> = {
  superior: "上级补助收入",
  business: "事业收入",
  operating: "经营收入",
  subordinate: "附属单位上缴收入",
  other: "其他收入",
};
const EXPENSE_KEYS = ["toSuperior", "operating", "toSubordinate"] as const satisfies readonly CodeColumnKey[];
export type ExpenseItem = (typeof EXPENSE_KEYS)[number];
export const EXPENSE_ITEMS: Record<ExpenseItem, string> = { toSuperior: "上缴上级支出", operating: "经营支出", toSubordinate: "对附属单位补助支出" };

export type FactKey =
  | "t1.grand"
  | "t1.incomeTotal"
  | "t1.fiscalIncome"
  | "t1.expenseTotal"
  | `t1.income.${IncomeItem}`
  | `t1.class.${string}`
  | "t3.total"
  | "t3.basic"
  | "t3.project"
  | `t3.${ExpenseItem}`
  | "t4.grand"
  | "t4.expenseTotal"
  | "t5.total"
  | "t5.basic"
  | "t5.project"
  | `t5.class.${string}`
  | "t6.personnel"
  | "t6.public"
  | `t7.${"budget" | "final"}.${SanGongItem}`
  | "t8.expense"
  | "t9.expense";

export interface Fact {
  key: FactKey;
  value: Decimal;
  /** `表5!C5`, or several cells joined with `+` for a sum. */
  cell: string;
  /** What the cell is, in words: `表5 合计 小计`. */
  label: string;
  /** The validator found an error in this cell: the table itself is in doubt. */
  flagged: boolean;
}

export interface TableFigures {
  facts: Map<FactKey, Fact>;
  /** 表5's 类 rows in table order (nonzero and zero), for the structure and 类-by-类 sections. */
  classes: { code: string; name: string }[];
  /** 表6's 款 names with a nonzero amount, for 主要包括. */
  personnelItems: string[];
  publicItems: string[];
  year: string | null;
  department: string | null;
  /** 表8 / 表9 hold no figure (true), hold figures (false), or were not recognised (null). */
  noGovFund: boolean | null;
  noStateCapital: boolean | null;
  /** The tables that were not recognised, so a sentence needing them names the table. */
  missingTables: string[];
}

const ZERO = new Decimal(0);

class Collector {
  readonly facts = new Map<FactKey, Fact>();
  constructor(private readonly flagged: Set<string>) {}

  add(key: FactKey, label: string, ...amounts: (Amount | undefined)[]): void {
    const present = amounts.filter((a): a is Amount => a !== undefined);
    if (!present.length) return;
    let value = ZERO;
    for (const a of present) {
      const v = amountValue(a);
      if (v === undefined) return; // an unreadable cell: the figure is missing, never 0
      value = value.plus(v);
    }
    const cells = present.map(qualified);
    this.facts.set(key, { key, value, cell: cells.join("+"), label, flagged: cells.some((c) => this.flagged.has(c)) });
  }
}

function codeTotal(t: CodeTable) {
  return t.rows.find((r) => r.level === "合计");
}

function isEmpty(t: Table | undefined): boolean | null {
  if (!t) return null;
  return t.amounts.every((a) => {
    const v = amountValue(a);
    return v !== undefined && v.isZero();
  });
}

function titleYear(tables: Table[]): string | null {
  for (const t of tables) {
    const m = /(\d{4})\s*年/.exec(t.title);
    if (m) return m[1];
  }
  return null;
}

function department(grids: readonly Grid[] | undefined, sheets: Set<string>): string | null {
  for (const g of grids ?? []) {
    if (!sheets.has(g.sheet)) continue;
    for (const row of g.values.slice(0, 6)) {
      for (const v of row) {
        const text = typeof v === "string" ? v : "";
        const m = /^\s*(?:部门|编制单位|单位名称)[:：]/.exec(text);
        const name = m ? text.slice(m[0].length).trim() : "";
        if (name && !/[\n\r\u2028\u2029]/.test(name)) return name;
      }
    }
  }
  return null;
}

/** The figures of a validated workbook; `grids` only for the department line above the tables. */
export function extractFigures(result: ValidationResult, grids?: readonly Grid[]): TableFigures {
  const errors = result.findings.filter((f) => f.severity === "error");
  const col = new Collector(new Set(errors.flatMap((f) => f.cells.map((c) => `${quoteSheet(f.sheet)}!${c}`))));
  const tables = result.workbook.tables;

  const t1 = tables["表1"];
  if (t1?.kind === "summary") {
    const inc = (k: SummaryLineKey) => t1.income.find((l) => l.key === k)?.cells.amount;
    const exp = (k: SummaryLineKey) => t1.expense.find((l) => l.key === k)?.cells.amount;
    if (inc("grand")) col.add("t1.grand", "表1 收入总计", inc("grand"));
    else col.add("t1.grand", "表1 支出总计", exp("grand"));
    col.add("t1.incomeTotal", "表1 本年收入合计", inc("total"));
    col.add("t1.fiscalIncome", "表1 财政拨款收入(第1–3行)", inc("general"), inc("govfund"), inc("statecap"));
    for (const k of INCOME_KEYS) col.add(`t1.income.${k}`, `表1 ${INCOME_ITEMS[k]}`, inc(k));
    col.add("t1.expenseTotal", "表1 本年支出合计", exp("total"));
    for (const l of t1.expense) {
      if (l.key === "class" && l.classCode) col.add(`t1.class.${l.classCode}`, `表1 ${l.rowNo ? `第${l.rowNo}行 ` : ""}${l.label}`, l.cells.amount);
    }
  }
  const t3 = tables["表3"];
  if (t3?.kind === "code") {
    const total = codeTotal(t3);
    col.add("t3.total", "表3 合计 本年支出合计", total?.cells.total);
    col.add("t3.basic", "表3 合计 基本支出", total?.cells.basic);
    col.add("t3.project", "表3 合计 项目支出", total?.cells.project);
    for (const k of EXPENSE_KEYS) col.add(`t3.${k}`, `表3 合计 ${EXPENSE_ITEMS[k]}`, total?.cells[k]);
  }
  const t4 = tables["表4"];
  if (t4?.kind === "summary") {
    // Some templates print 总计 once, on the expense side (the Shanghai 表4).
    const incomeGrand = t4.income.find((l) => l.key === "grand")?.cells.amount;
    const expenseGrand = t4.expense.find((l) => l.key === "grand")?.cells;
    if (incomeGrand) col.add("t4.grand", "表4 收入总计", incomeGrand);
    else col.add("t4.grand", "表4 支出总计", expenseGrand?.total ?? expenseGrand?.amount);
    const total = t4.expense.find((l) => l.key === "total");
    col.add("t4.expenseTotal", "表4 本年支出合计 合计", total?.cells.total ?? total?.cells.amount);
  }
  const classes: { code: string; name: string }[] = [];
  const t5 = tables["表5"];
  if (t5?.kind === "code") {
    const total = codeTotal(t5);
    col.add("t5.total", "表5 合计 小计", total?.cells.total);
    col.add("t5.basic", "表5 合计 基本支出", total?.cells.basic);
    col.add("t5.project", "表5 合计 项目支出", total?.cells.project);
    for (const r of t5.rows) {
      if (r.level !== "类" || !r.code) continue;
      const name = className(r.code) ?? r.name;
      classes.push({ code: r.code, name });
      col.add(`t5.class.${r.code}`, `表5 ${r.code} ${r.name} 小计`, r.cells.total);
    }
  }
  let personnelItems: string[] = [];
  let publicItems: string[] = [];
  const t6 = tables["表6"];
  if (t6?.kind === "econ") {
    col.add("t6.personnel", "表6 人员经费合计", t6.personnelTotal);
    col.add("t6.public", "表6 公用经费合计", t6.publicTotal);
    const items = (classesOf: string[]) =>
      t6.items
        .filter((i) => i.level === "款" && classesOf.includes(i.code.slice(0, 3)))
        .filter((i) => amountValue(i.amount)?.isZero() === false)
        .map((i) => i.name);
    personnelItems = items(PERSONNEL_CLASSES);
    publicItems = items(PUBLIC_CLASSES);
  }
  const t7 = tables["表7"];
  if (t7?.kind === "sangong") {
    for (const item of SANGONG_ITEMS) {
      col.add(`t7.budget.${item}`, `表7 预算数 ${SANGONG_NAMES[item]}`, t7.budget[item]);
      col.add(`t7.final.${item}`, `表7 决算数 ${SANGONG_NAMES[item]}`, t7.final[item]);
    }
  }
  const t8 = tables["表8"];
  if (t8?.kind === "code") col.add("t8.expense", "表8 合计 本年支出", codeTotal(t8)?.cells.total);
  const t9 = tables["表9"];
  if (t9?.kind === "code") col.add("t9.expense", "表9 合计 本年支出", codeTotal(t9)?.cells.total);

  const present = Object.values(tables).filter((t): t is Table => t !== undefined);
  return {
    facts: col.facts,
    classes,
    personnelItems,
    publicItems,
    year: titleYear(present),
    department: department(grids, new Set(present.map((t) => t.sheet))),
    noGovFund: isEmpty(t8),
    noStateCapital: isEmpty(t9),
    missingTables: ["表1", "表3", "表4", "表5", "表6", "表7", "表8", "表9"].filter((id) => !present.some((t) => t.id === id)),
  };
}

export const SANGONG_NAMES: Record<SanGongItem, string> = {
  total: "“三公”经费合计",
  abroad: "因公出国(境)费",
  carSubtotal: "公务用车购置及运行费",
  carPurchase: "公务用车购置费",
  carRunning: "公务用车运行费",
  reception: "公务接待费",
  meeting: "会议费",
  training: "培训费",
};

/** `一般公共服务支出` → `一般公共服务`, for `一般公共服务(类)支出`. */
export function classStem(name: string): string {
  return name.replace(/支出$/, "");
}


export function factValue(figs: TableFigures, key: FactKey): Decimal | undefined {
  return figs.facts.get(key)?.value;
}
