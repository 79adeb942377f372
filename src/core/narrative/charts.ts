// The four charts of a 情况说明, as data: 收入结构 and 支出结构 pies, 一般公共预算财政拨款支出 by 类, and “三公”
// 预算 against 决算. Excel draws them natively (src/excel/charts.ts), the command line puts them in the .docx.
import type { Decimal } from "../money";
import { EXPENSE_ITEMS, type FactKey, INCOME_ITEMS, type TableFigures, classStem } from "./figures";

export type ChartId = "income" | "expense" | "classes" | "sanGong";

export interface ChartSpec {
  id: ChartId;
  title: string;
  kind: "pie" | "column";
  categories: string[];
  series: { name: string; values: Decimal[] }[];
  /** The cells the figures come from. */
  cells: string[];
}

export interface ChartsResult {
  charts: ChartSpec[];
  /** A chart that could not be drawn, and why (a table not recognised, nothing to draw). */
  skipped: { id: ChartId; title: string; reason: string }[];
}

type Slice = { name: string; key: FactKey };

export function chartSpecs(figs: TableFigures): ChartsResult {
  const charts: ChartSpec[] = [];
  const skipped: ChartsResult["skipped"] = [];
  const pie = (id: ChartId, title: string, slices: Slice[], table: string) => {
    const present = slices.map((s) => ({ ...s, fact: figs.facts.get(s.key) })).filter((s) => s.fact && !s.fact.value.isZero());
    if (!present.length) return skipped.push({ id, title, reason: `${table}未识别或没有金额` });
    charts.push({
      id,
      title,
      kind: "pie",
      categories: present.map((s) => s.name),
      series: [{ name: "金额（万元）", values: present.map((s) => s.fact?.value as Decimal) }],
      cells: present.map((s) => s.fact?.cell as string),
    });
  };
  pie("income", "收入决算结构", [
    { name: "财政拨款收入", key: "t1.fiscalIncome" },
    ...Object.entries(INCOME_ITEMS).map(([k, name]) => ({ name, key: `t1.income.${k}` as FactKey })),
  ], "表1");
  pie("expense", "支出决算结构", [
    { name: "基本支出", key: "t3.basic" },
    { name: "项目支出", key: "t3.project" },
    ...Object.entries(EXPENSE_ITEMS).map(([k, name]) => ({ name, key: `t3.${k}` as FactKey })),
  ], "表3");

  const classes = figs.classes.map((c) => ({ c, fact: figs.facts.get(`t5.class.${c.code}`) })).filter((x) => x.fact && !x.fact.value.isZero());
  if (classes.length) {
    charts.push({
      id: "classes",
      title: "一般公共预算财政拨款支出（按类）",
      kind: "column",
      categories: classes.map((x) => classStem(x.c.name)),
      series: [{ name: "决算数（万元）", values: classes.map((x) => x.fact?.value as Decimal) }],
      cells: classes.map((x) => x.fact?.cell as string),
    });
  } else skipped.push({ id: "classes", title: "一般公共预算财政拨款支出（按类）", reason: "表5未识别或没有类的金额" });

  const items = [
    ["abroad", "因公出国(境)费"],
    ["carPurchase", "公务用车购置费"],
    ["carRunning", "公务用车运行费"],
    ["reception", "公务接待费"],
  ] as const;
  const budget = items.map(([k]) => figs.facts.get(`t7.budget.${k}`));
  const final = items.map(([k]) => figs.facts.get(`t7.final.${k}`));
  if ([...budget, ...final].every((f) => f)) {
    charts.push({
      id: "sanGong",
      title: "“三公”经费预算数与决算数",
      kind: "column",
      categories: items.map(([, name]) => name),
      series: [
        { name: "预算数", values: budget.map((f) => f?.value as Decimal) },
        { name: "决算数", values: final.map((f) => f?.value as Decimal) },
      ],
      cells: [...budget, ...final].map((f) => f?.cell as string),
    });
  } else skipped.push({ id: "sanGong", title: "“三公”经费预算数与决算数", reason: "表7未识别或有栏目未读出" });
  return { charts, skipped };
}
