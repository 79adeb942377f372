// 情况说明 written from the tables, in the seed's outline and wording: every figure the tables hold, shares
// and rates half-up to one decimal, figures they do not hold from the inputs or as 【待填写】, and every
// reason (主要原因是…) left to the person.
import type { Decimal } from "../money";
import { type Narrative, type Paragraph, type Part, PLACEHOLDER_OPEN } from "./document";
import { type FactKey, SANGONG_NAMES, type SanGongItem, type TableFigures, EXPENSE_ITEMS, INCOME_ITEMS, classStem } from "./figures";
import { formatPercent, formatWan, percent, shareList } from "./format";
import { type NarrativeInputs, emptyInputs } from "./inputs";

type Item = string | Part;

const hole = (what: string): Part => ({ kind: "placeholder", text: `${PLACEHOLDER_OPEN}：${what}】` });
const REASON = hole("原因");

class Writer {
  readonly paragraphs: Paragraph[] = [];
  readonly notes: string[] = [];
  constructor(
    readonly figs: TableFigures,
    readonly inputs: NarrativeInputs,
  ) {}

  heading(text: string): void {
    this.paragraphs.push({ heading: true, parts: [{ kind: "text", text }] });
  }

  para(...items: Item[]): void {
    const parts: Part[] = [];
    for (const item of items) {
      const part: Part = typeof item === "string" ? { kind: "text", text: item } : item;
      const last = parts[parts.length - 1];
      if (part.kind === "text" && last?.kind === "text") last.text += part.text;
      else if (part.text) parts.push(part);
    }
    this.paragraphs.push({ heading: false, parts });
  }

  value(key: FactKey): Decimal | undefined {
    return this.figs.facts.get(key)?.value;
  }

  /** A table figure in 万元, or a placeholder that names the table it should come from. */
  amount(key: FactKey, what: string): Part {
    const fact = this.figs.facts.get(key);
    if (!fact) return hole(`${what}（表${key.slice(1, 2)}未识别或该数未读出）`);
    return { kind: "figure", text: formatWan(fact.value), source: fact.cell };
  }

  /** Where 表1 gives a class another figure than 表5, say so in the text: the person must settle it. */
  crossCheck(code: string): Part[] {
    const t1 = this.figs.facts.get(`t1.class.${code}`);
    const t5 = this.figs.facts.get(`t5.class.${code}`);
    if (!t1 || !t5 || t1.value.equals(t5.value)) return [];
    this.notes.push(`${t1.label} ${formatWan(t1.value)} 与 ${t5.label} ${formatWan(t5.value)} 不一致：文中取表5，请先核对表1。`);
    const rounding = t1.value.minus(t5.value).abs().lessThanOrEqualTo("0.01") ? "，相差 0.01 的尾差" : "";
    return [{ kind: "placeholder", text: `【待核对：${t1.label}为 ${formatWan(t1.value)}（${t1.cell}），与表5 不一致${rounding}】` }];
  }

  input(value: Decimal | undefined, what: string): Part {
    return value === undefined ? hole(what) : { kind: "figure", text: formatWan(value), source: "说明数据" };
  }

  rate(part: Decimal | undefined, whole: Decimal | undefined, what: string): Part {
    if (part === undefined || whole === undefined) return hole(what);
    const p = percent(part, whole);
    return p === null ? hole(`${what}（分母为 0）`) : { kind: "figure", text: formatPercent(p), source: "计算" };
  }

  /** `增加 X 万元，增长 Y%` / `减少 X 万元，下降 Y%` against last year. */
  change(current: Decimal | undefined, last: Decimal | undefined, what: string): Item[] {
    if (current === undefined || last === undefined) return [hole(`与上年相比的增减额及增减率（需上年${what}）`)];
    const diff = current.minus(last);
    const rate = percent(diff.abs(), last);
    const verb = diff.isNegative() ? ["减少", "下降"] : ["增加", "增长"];
    return [
      `${verb[0]}`,
      { kind: "figure", text: formatWan(diff.abs()), source: "计算" },
      `万元，${verb[1]}`,
      rate === null ? hole("增减率（上年为 0）") : { kind: "figure", text: formatPercent(rate), source: "计算" },
    ];
  }
}

function yearOf(w: Writer): { y: string; last: string } {
  const y = w.figs.year;
  return y ? { y, last: String(Number(y) - 1) } : { y: "【待填写：年度】", last: "【待填写：上年度】" };
}

function overall(w: Writer, y: string, ly: string): void {
  w.heading("一、收入支出决算总体情况说明");
  w.para(`${y}年度收、支总计`, w.amount("t1.grand", "收、支总计"), `万元。与${ly}年度相比，收、支总计各`,
    ...w.change(w.value("t1.grand"), w.inputs.last.grand, "收、支总计"), "，主要原因是：", REASON, "。");
}

function income(w: Writer, y: string): void {
  w.heading("二、收入决算情况说明");
  const total = w.value("t1.incomeTotal");
  const items: { key: FactKey; name: string }[] = [{ key: "t1.fiscalIncome", name: "财政拨款收入" }];
  for (const [k, name] of Object.entries(INCOME_ITEMS)) {
    const key = `t1.income.${k}` as FactKey;
    if (w.value(key)?.isZero() === false) items.push({ key, name });
  }
  const values = items.map((i) => w.value(i.key));
  const shares = total && values.every((v) => v) ? shareList(values as Decimal[], total) : null;
  if (shares?.adjusted) w.notes.push("收入构成的占比经尾数调整，合计为 100.0%。");
  const clauses: Item[] = [];
  items.forEach((it, i) => {
    const share: Part = shares ? { kind: "figure", text: formatPercent(shares.shares[i]), source: "计算" } : w.rate(values[i], total, "占比");
    clauses.push(i ? "；" : "", `${it.name}`, w.amount(it.key, it.name), "万元，占本年收入", share);
  });
  w.para(`${y}年度收入合计`, w.amount("t1.incomeTotal", "本年收入合计"), "万元。其中：", ...clauses, "。");
}

function expense(w: Writer, y: string): void {
  w.heading("三、支出决算情况说明");
  const total = w.value("t3.total");
  const items: { key: FactKey; name: string }[] = [
    { key: "t3.basic", name: "基本支出" },
    { key: "t3.project", name: "项目支出" },
  ];
  for (const [k, name] of Object.entries(EXPENSE_ITEMS)) {
    const key = `t3.${k}` as FactKey;
    if (w.value(key)?.isZero() === false) items.push({ key, name });
  }
  const values = items.map((i) => w.value(i.key));
  const shares = total && values.every((v) => v) ? shareList(values as Decimal[], total) : null;
  if (shares?.adjusted) w.notes.push("支出构成的占比经尾数调整，合计为 100.0%。");
  const clauses: Item[] = [];
  items.forEach((it, i) => {
    const share: Part = shares ? { kind: "figure", text: formatPercent(shares.shares[i]), source: "计算" } : w.rate(values[i], total, "占比");
    clauses.push(i ? "；" : "", it.name, w.amount(it.key, it.name), "万元，占本年支出", share);
  });
  w.para(`${y}年度支出合计`, w.amount("t3.total", "本年支出合计"), "万元。其中：", ...clauses, "。");
}

function fiscalOverall(w: Writer, y: string, ly: string): void {
  w.heading("四、财政拨款收入支出决算总体情况说明");
  w.para(`${y}年度财政拨款收、支总计`, w.amount("t4.grand", "财政拨款收、支总计"), `万元。与${ly}年度相比，财政拨款收、支总计各`,
    ...w.change(w.value("t4.grand"), w.inputs.last.fiscalGrand, "财政拨款收、支总计"), "。主要原因是：", REASON, "。");
}

function generalBudget(w: Writer, y: string, ly: string): void {
  w.heading("五、一般公共预算财政拨款支出决算情况说明");
  w.heading("（一）财政拨款支出决算总体情况。");
  const total = w.value("t5.total");
  w.para(`${y}年度财政拨款支出`, w.amount("t5.total", "财政拨款支出"), "万元，占本年支出合计的", w.rate(total, w.value("t3.total"), "占本年支出合计的比例"),
    `。与${ly}年度相比，财政拨款支出`, ...w.change(total, w.inputs.last.fiscalExpense, "财政拨款支出"), "。主要原因是：", REASON, "。");

  w.heading("（二）财政拨款支出决算结构情况。");
  w.para(`${y}年度财政拨款支出`, w.amount("t5.total", "财政拨款支出"), "万元，主要用于以下方面：");
  const classes = w.figs.classes.filter((c) => w.value(`t5.class.${c.code}`)?.isZero() === false);
  const values = classes.map((c) => w.value(`t5.class.${c.code}`) as Decimal);
  const shares = total ? shareList(values, total) : null;
  if (shares?.adjusted) w.notes.push("财政拨款支出按类的占比经尾数调整，合计为 100.0%。");
  const clauses: Item[] = [];
  classes.forEach((c, i) => {
    const share: Part = shares ? { kind: "figure", text: formatPercent(shares.shares[i]), source: "计算" } : hole("占比");
    clauses.push(i ? "；" : "", `${classStem(c.name)}(类)支出`, w.amount(`t5.class.${c.code}`, c.name), "万元", ...w.crossCheck(c.code), "，占", share);
  });
  w.para(...(classes.length ? clauses : [hole("按类的支出（表5未识别或无类行）")]), "。");

  w.heading("（三）财政拨款支出决算具体情况。");
  const budget = w.inputs.budget.general;
  w.para(`${y}年度一般公共预算财政拨款支出年初预算为`, w.input(budget, "年初预算"), "万元，支出决算为", w.amount("t5.total", "支出决算"),
    "万元，完成年初预算的", w.rate(total, budget, "完成率（需年初预算）"), "。其中：基本支出", w.amount("t5.basic", "基本支出"), "万元，项目支出",
    w.amount("t5.project", "项目支出"), "万元。项目支出主要用于：");
  if (!w.inputs.projects.length) w.para(hole("项目名称及金额、主要成效"));
  for (const p of w.inputs.projects) w.para(p.name, w.input(p.amount, "金额"), "万元，主要成效：", hole("主要成效"), "；");
  classes.forEach((c, i) => {
    const actual = w.value(`t5.class.${c.code}`);
    const b = w.inputs.budget.classes[c.code];
    const cmp = b === undefined || actual === undefined ? hole("大于或小于") : actual.greaterThan(b) ? "大于" : actual.lessThan(b) ? "小于" : "等于";
    w.para(`${i + 1}. ${c.name}(类)。年初预算为`, w.input(b, "年初预算"), "万元，支出决算为", w.amount(`t5.class.${c.code}`, c.name), "万元，完成年初预算的",
      w.rate(actual, b, "完成率（需年初预算）"), "，支出决算数", cmp, "年初预算数的主要原因是：", REASON, "。");
  });
}

function basic(w: Writer, y: string): void {
  w.heading("六、一般公共预算财政拨款基本支出决算情况说明");
  const list = (items: string[]) => (items.length ? items.join("、") : hole("主要项目（表6未识别）"));
  w.para(`${y}年度一般公共预算财政拨款基本支出`, w.amount("t5.basic", "基本支出"), "万元，其中，人员经费", w.amount("t6.personnel", "人员经费"),
    "万元，主要包括：", list(w.figs.personnelItems), "；公用经费", w.amount("t6.public", "公用经费"), "万元，主要包括：", list(w.figs.publicItems), "。");
}

function sanGong(w: Writer, y: string, ly: string, dept: Item): void {
  w.heading("七、一般公共预算财政拨款“三公”经费支出决算情况说明");
  w.heading("（一）“三公”经费的单位范围。");
  w.para(dept, "有一般公共预算财政拨款预算安排“三公”经费的单位包括", hole("单位范围"), "。");
  w.heading("（二）一般公共预算财政拨款“三公”经费支出决算情况。");
  const b = (k: SanGongItem) => w.value(`t7.budget.${k}`);
  const f = (k: SanGongItem) => w.value(`t7.final.${k}`);
  // Where 表7's 预算数 of the car items do not add up (the validator flagged them), no rate is written from them.
  const carDoubt = (["carSubtotal", "carPurchase", "carRunning"] as const).map((k) => w.figs.facts.get(`t7.budget.${k}`)).find((x) => x?.flagged);
  const doubtful = (k: SanGongItem) => carDoubt && (k === "carPurchase" || k === "carRunning");
  const review: Part | null = carDoubt
    ? { kind: "placeholder", text: `【待核对：表7 预算数的公务用车购置费、运行费与其小计（${carDoubt.cell}）不符，未据以计算】` }
    : null;
  const done = (k: SanGongItem): Item[] => {
    if (doubtful(k) && review) return ["，完成年初预算的", review];
    if (b(k)?.isZero() && f(k)?.isZero()) return ["，年初无预算"];
    return ["，完成年初预算的", w.rate(f(k), b(k), `完成率（表7 ${SANGONG_NAMES[k]}预算数）`)];
  };
  const vsBudget = (k: SanGongItem): Item[] => {
    const [bk, fk] = [b(k), f(k)];
    if (doubtful(k)) return [];
    if (bk === undefined || fk === undefined || (bk.isZero() && fk.isZero())) return [];
    const d = fk.minus(bk);
    return [`，比年初预算${d.isNegative() ? "减少" : "增加"}`, { kind: "figure", text: formatWan(d.abs()), source: "计算" }, "万元，主要原因是", REASON];
  };
  w.para(`${y}年度“三公”经费财政拨款年初预算数为`, w.amount("t7.budget.total", "年初预算数"), "万元，支出决算为", w.amount("t7.final.total", "支出决算"), "万元",
    ...done("total"), "，其中：");
  w.para("1. 因公出国(境)费支出决算为", w.amount("t7.final.abroad", "因公出国(境)费"), "万元", ...done("abroad"), ...vsBudget("abroad"), "。");
  w.para("2. 公务用车购置及运行费支出决算为", w.amount("t7.final.carSubtotal", "公务用车购置及运行费"), "万元", ...done("carSubtotal"), "；其中：");
  w.para("(1)公务用车购置费", w.amount("t7.final.carPurchase", "公务用车购置费"), "万元", ...done("carPurchase"), "。本年度购置(更新)公务用车",
    w.inputs.vehiclesBought ? w.inputs.vehiclesBought.toString() : hole("辆数"), "辆。");
  w.para("(2)公务用车运行费", w.amount("t7.final.carRunning", "公务用车运行费"), "万元", ...done("carRunning"), ...vsBudget("carRunning"),
    "。年末公务用车保有量", w.inputs.vehiclesHeld ? w.inputs.vehiclesHeld.toString() : hole("辆数"), "辆。");
  w.para("3. 公务接待费支出决算为", w.amount("t7.final.reception", "公务接待费"), "万元", ...done("reception"), ...vsBudget("reception"), "。");
  const last = w.inputs.last.sanGong;
  w.para(`${y}年度“三公”经费财政拨款支出决算数比${ly}年度`, ...w.change(f("total"), last.total, "“三公”经费决算数"), "，其中：因公出国(境)费支出决算",
    ...w.change(f("abroad"), last.abroad, "因公出国(境)费"), "；公务用车购置及运行费支出决算", ...w.change(f("carSubtotal"), last.carSubtotal, "公务用车购置及运行费"),
    "；公务接待费支出决算", ...w.change(f("reception"), last.reception, "公务接待费"), "。主要原因是：", REASON, "。");
}

function funds(w: Writer, y: string, dept: Item): void {
  const one = (title: string, none: boolean | null, key: FactKey, name: string, table: string) => {
    w.heading(title);
    if (none === null) w.para(hole(`${name}情况（${table}未识别）`));
    else if (none) w.para(`${y}年`, dept, `无${name}预算财政拨款收入，也没有使用${name}安排的支出。`);
    else w.para(`${y}年度${name}预算财政拨款支出`, w.amount(key, `${name}支出`), "万元，主要用于：", hole("用途"), "。");
  };
  one("八、政府性基金预算财政拨款收入支出决算情况", w.figs.noGovFund, "t8.expense", "政府性基金", "表8");
  one("九、国有资本经营预算财政拨款支出决算情况", w.figs.noStateCapital, "t9.expense", "国有资本经营", "表9");
}

function others(w: Writer, y: string, ly: string, dept: Item): void {
  const i = w.inputs;
  w.heading("十、机关运行经费支出情况");
  w.para(`${y}年度`, dept, "机关运行经费支出", w.input(i.runningCost, "机关运行经费"), `万元，比${ly}年度`, ...w.change(i.runningCost, i.last.runningCost, "机关运行经费"),
    "。主要原因是", REASON, "。");
  w.heading("十一、政府采购支出情况");
  const p = i.procurement;
  w.para(`${y}年度`, dept, "政府采购支出总额", w.input(p.total, "政府采购支出总额"), "万元，其中：政府采购货物支出", w.input(p.goods, "货物支出"),
    "万元、政府采购工程支出", w.input(p.works, "工程支出"), "万元、政府采购服务支出", w.input(p.services, "服务支出"), "万元。授予中小企业合同金额",
    w.input(p.sme, "授予中小企业合同金额"), "万元，占政府采购支出总额的", w.rate(p.sme, p.total, "占比"), "，其中：授予小微企业合同金额",
    w.input(p.small, "授予小微企业合同金额"), "万元，占政府采购支出总额的", w.rate(p.small, p.total, "占比"), "。");
  w.heading("十二、国有资产占用情况");
  w.para(`截至${y}年12月31日，`, dept, "共有车辆", hole("辆数"), "辆，其中：", hole("车辆构成"), "；单价50万元(含)以上通用设备", hole("台(套)数"),
    "台(套)，单价100万元(含)以上专用设备", hole("台(套)数"), "台(套)。");
  w.heading("十三、预算绩效情况说明");
  w.heading("（一）预算绩效管理工作开展情况。");
  const sum = i.projects.length ? i.projects.reduce((a, x) => a.plus(x.amount), i.projects[0].amount.minus(i.projects[0].amount)) : undefined;
  w.para(`根据预算绩效管理要求，我部门组织对${y}年度一般公共预算项目支出全面开展绩效自评，共涉及项目`, i.projects.length ? String(i.projects.length) : hole("个数"),
    "个，资金", w.input(sum, "资金"), "万元，占一般公共预算项目支出总额的", w.rate(sum, w.value("t5.project"), "占比"), "。", hole("绩效评价情况"));
}

/** The 情况说明 from the tables' figures and the inputs (last year, 年初预算, counts, projects). */
export function generateNarrative(figs: TableFigures, inputs: NarrativeInputs = emptyInputs()): Narrative {
  const w = new Writer(figs, inputs);
  const { y, last } = yearOf(w);
  const dept: Item = figs.department ?? hole("部门名称");
  for (const t of figs.missingTables) w.notes.push(`未识别${t}，其数字以【待填写】代替。`);
  overall(w, y, last);
  income(w, y);
  expense(w, y);
  fiscalOverall(w, y, last);
  generalBudget(w, y, last);
  basic(w, y);
  sanGong(w, y, last, dept);
  funds(w, y, dept);
  others(w, y, last, dept);
  return { paragraphs: w.paragraphs, notes: w.notes };
}
