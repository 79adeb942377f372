// The Wuhan 2020 disclosure in the central template: 行次 column, 栏次 row, 26 expense classes, 合计 on top,
// the printed notes under each table and the empty-table statements of 表8/表9. Figures as published.
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { type Cell, SheetBuilder, type SheetSpec, amount, readCsv } from "./sheetSpec";

const DEPT = "部门：武汉市政务服务和大数据管理局(武汉市公共资源交易监督管理局)";

function notesFor(dir: string, table: string): string[] {
  return readCsv(join(dir, "notes.csv"))
    .filter((n) => n.table === table)
    .map((n) => n.note);
}

function statements(dir: string): string[] {
  return readFileSync(join(dir, "empty_tables.md"), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("> ") && l.includes("故本表无数据"))
    .map((l) => l.slice(2).trim());
}

function table1(dir: string): SheetSpec {
  const rows = readCsv(join(dir, "table1.csv"));
  const b = new SheetBuilder("表1", 6);
  b.title("2020年度收入支出决算总表(表1)");
  b.preamble(DEPT);
  const r = b.row(["收入", null, null, "支出", null, null], { header: true });
  b.merge(`A${r}:C${r}`);
  b.merge(`D${r}:F${r}`);
  b.row(["项目", "行次", "金额", "项目", "行次", "金额"], { header: true });
  b.row(["栏次", null, 1, "栏次", null, 2], { header: true });
  const income = rows.filter((x) => x.side === "income");
  const expense = rows.filter((x) => x.side === "expense");
  income.forEach((inc, i) => {
    const exp = expense[i];
    b.row([inc.item || null, Number(inc.row_no), amount(inc.amount), exp.item, Number(exp.row_no), amount(exp.amount)]);
  });
  b.notes(["注：本表反映部门本年度的总收支和年末结转结余情况。", ...notesFor(dir, "表1")]);
  return b.spec;
}

function codeTable(dir: string, file: string, name: string, title: string, heads: string[], group: string | null, note: string, table: string): SheetSpec {
  const rows = readCsv(join(dir, file));
  const keys = Object.keys(rows[0]).slice(2);
  const b = new SheetBuilder(name, 2 + keys.length);
  b.title(title);
  b.preamble(DEPT);
  const last = String.fromCharCode(66 + keys.length);
  if (group) {
    const r = b.row(["项目", null, group], { header: true });
    b.merge(`A${r}:B${r}`);
    b.merge(`C${r}:${last}${r}`);
    b.row(["功能分类科目编码", "科目名称", ...heads], { header: true });
  } else {
    const r = b.row(["项目", null, ...heads], { header: true });
    b.merge(`A${r}:B${r}`);
    heads.forEach((_, i) => b.merge(`${String.fromCharCode(67 + i)}${r}:${String.fromCharCode(67 + i)}${r + 1}`));
    b.row(["功能分类科目编码", "科目名称"], { header: true });
  }
  const r = b.row(["栏次", null, ...keys.map((_, i) => i + 1)], { header: true });
  b.merge(`A${r}:B${r}`);
  for (const x of rows) {
    if (!x.code) {
      const t = b.row(["合计", null, ...keys.map((k) => amount(x[k]))]);
      b.merge(`A${t}:B${t}`);
    } else {
      b.row([x.code, x.name, ...keys.map((k) => amount(x[k]))]);
    }
  }
  b.notes([note, ...notesFor(dir, table)]);
  return b.spec;
}

function table4(dir: string): SheetSpec {
  const rows = readCsv(join(dir, "table4.csv"));
  const b = new SheetBuilder("表4", 9);
  b.title("2020年度财政拨款收入支出决算总表(表4)");
  b.preamble(DEPT);
  const r = b.row(["收入", null, null, "支出"], { header: true });
  b.merge(`A${r}:C${r}`);
  b.merge(`D${r}:I${r}`);
  b.row(["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"], { header: true });
  b.row(["栏次", null, 1, "栏次", null, 2, 3, 4, 5], { header: true });
  const income = rows.filter((x) => x.side === "income");
  const expense = rows.filter((x) => x.side === "expense");
  income.forEach((inc, i) => {
    const e = expense[i];
    b.row([
      inc.item || null,
      Number(inc.row_no),
      amount(inc.amount),
      e.item || null,
      Number(e.row_no),
      amount(e.total),
      amount(e.general_budget),
      amount(e.gov_fund),
      amount(e.state_capital),
    ]);
  });
  b.notes(["注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。", ...notesFor(dir, "表4")]);
  return b.spec;
}

function table6(dir: string): SheetSpec {
  const rows = readCsv(join(dir, "table6.csv"));
  const b = new SheetBuilder("表6", 9);
  b.title("2020年度一般公共预算财政拨款基本支出决算表(表6)");
  b.preamble(DEPT);
  const r = b.row(["人员经费", null, null, "公用经费"], { header: true });
  b.merge(`A${r}:C${r}`);
  b.merge(`D${r}:I${r}`);
  b.row(["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"], { header: true });
  const lanes = [
    rows.filter((x) => x.group === "personnel"),
    rows.filter((x) => x.group === "public" && x.code.startsWith("302")),
    rows.filter((x) => x.group === "public" && !x.code.startsWith("302")),
  ];
  const height = Math.max(...lanes.map((l) => l.length));
  for (let i = 0; i < height; i++) {
    const cells: Cell[] = [];
    for (const lane of lanes) {
      const x = lane[i];
      cells.push(x ? x.code : null, x ? x.name : null, x ? amount(x.amount) : null);
    }
    b.row(cells);
  }
  const summary = rows.filter((x) => x.group === "summary");
  const t = b.row([null, summary[0].name, amount(summary[0].amount), summary[1].name, null, null, null, null, amount(summary[1].amount)]);
  b.merge(`D${t}:H${t}`);
  b.notes(["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"]);
  return b.spec;
}

function table7(dir: string): SheetSpec {
  const rows = readCsv(join(dir, "table7.csv"));
  const b = new SheetBuilder("表7", 12);
  b.title('2020年度一般公共预算财政拨款"三公"经费支出决算表(表7)');
  b.preamble(DEPT);
  let r = b.row(["预算数", null, null, null, null, null, "决算数"], { header: true });
  b.merge(`A${r}:F${r}`);
  b.merge(`G${r}:L${r}`);
  const top = ["合计", "因公出国(境)费", "公务用车购置及运行费", null, null, "公务接待费"];
  r = b.row([...top, ...top], { header: true });
  b.row([null, null, "小计", "公务用车购置费", "公务用车运行费", null, null, null, "小计", "公务用车购置费", "公务用车运行费", null], { header: true });
  for (const start of [0, 6]) {
    const c = (i: number) => String.fromCharCode(65 + start + i);
    b.merge(`${c(0)}${r}:${c(0)}${r + 1}`);
    b.merge(`${c(1)}${r}:${c(1)}${r + 1}`);
    b.merge(`${c(2)}${r}:${c(4)}${r}`);
    b.merge(`${c(5)}${r}:${c(5)}${r + 1}`);
  }
  b.row(rows.map((x) => Number(x.col_no)), { header: true });
  b.row(rows.map((x) => amount(x.amount)));
  b.notes([
    '注：本表反映部门本年度"三公"经费支出预决算情况。其中，预算数为"三公"经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
    ...notesFor(dir, "表7"),
  ]);
  return b.spec;
}

function fundTable(dir: string, id: "表8" | "表9", statement: string): SheetSpec {
  const t8 = id === "表8";
  const heads = t8 ? ["年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"] : ["本年支出", null, null];
  const b = new SheetBuilder(id, 4 + heads.length);
  b.title(t8 ? "2020年度政府性基金预算财政拨款收入支出决算表(表8)" : "2020年度国有资本经营预算财政拨款支出决算表(表9)");
  b.preamble(DEPT);
  const r = b.row(["项目", null, null, null, ...heads], { header: true });
  b.merge(`A${r}:D${r}`);
  if (t8) {
    b.merge(`G${r}:I${r}`);
    for (const c of ["E", "F", "J"]) b.merge(`${c}${r}:${c}${r + 1}`);
    b.row(["功能分类科目编码", null, null, "科目名称", null, null, "小计", "基本支出", "项目支出"], { header: true });
  } else {
    b.merge(`E${r}:G${r}`);
    b.row(["功能分类科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"], { header: true });
  }
  b.merge(`A${r + 1}:C${r + 1}`);
  b.row(["类", "款", "项", "栏次", ...heads.map((_, i) => i + 1)], { header: true });
  b.row([null, null, null, "合计"]);
  b.notes([
    t8 ? "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。" : "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
    ...notesFor(dir, id),
    statement,
  ]);
  return b.spec;
}

export function wuhanSheets(dir: string): SheetSpec[] {
  const [s8, s9] = statements(dir);
  return [
    table1(dir),
    codeTable(dir, "table2.csv", "表2", "2020年度收入决算表(表2)", ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], null, "注：本表反映部门本年度取得的各项收入情况。", "表2"),
    codeTable(dir, "table3.csv", "表3", "2020年度支出决算表(表3)", ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], null, "注：本表反映部门本年度各项支出情况。", "表3"),
    table4(dir),
    codeTable(dir, "table5.csv", "表5", "2020年度一般公共预算财政拨款支出决算表(表5)", ["小计", "基本支出", "项目支出"], "本年支出", "注：本表反映部门本年度一般公共预算财政拨款支出情况。", "表5"),
    table6(dir),
    table7(dir),
    fundTable(dir, "表8", s8),
    fundTable(dir, "表9", s9),
  ];
}
