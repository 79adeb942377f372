// The Shanghai 普陀区财政局 2024 disclosure in the Shanghai template: no 行次, split 类|款|项 codes in 表2/表3,
// one-cell codes in 表5 with 合计 at the bottom, a two-lane 表6, 表7 grouped by item with 预算数|决算数 under each,
// and 表8/表9 with 年初结转和结余 … 年末结转和结余. Figures as published (its ten 尾差 included).
import { join } from "node:path";
import { type Cell, SheetBuilder, type SheetSpec, amount, col, readCsv } from "./sheetSpec";

const DEPT = "部门：上海市普陀区财政局";
const YEAR = "2024年度";

function file(dir: string, prefix: string): string {
  const names: Record<string, string> = {
    T1: "T1_收入支出决算总表.csv",
    T2: "T2_收入决算表.csv",
    T3: "T3_支出决算表.csv",
    T4: "T4_财政拨款收入支出决算总表.csv",
    T5: "T5_一般公共预算财政拨款支出决算表.csv",
    T6: "T6_一般公共预算财政拨款基本支出决算表.csv",
    T7: "T7_财政拨款三公经费支出决算表.csv",
  };
  return join(dir, names[prefix]);
}

/** 表1/表4: the income side's totals sit level with the expense side's totals, as in the printed page. */
function summary(dir: string, id: "T1" | "T4"): SheetSpec {
  const rows = readCsv(file(dir, id));
  const income = rows.filter((x) => x.side === "收入");
  const expense = rows.filter((x) => x.side === "支出");
  const t4 = id === "T4";
  const b = new SheetBuilder(t4 ? "财政拨款收支总表" : "收支总表", t4 ? 6 : 4);
  b.title(`${YEAR}${t4 ? "财政拨款收入支出决算总表" : "收入支出决算总表"}`);
  b.preamble(DEPT);
  const r = b.row(t4 ? ["收入", null, "支出"] : ["收入", null, "支出", null], { header: true });
  b.merge(`A${r}:B${r}`);
  b.merge(`C${r}:${col(b.width - 1)}${r}`);
  b.row(t4 ? ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"] : ["项目", "决算数", "项目", "决算数"], { header: true });
  if (t4) b.spec.rows[b.rowCount - 1].push("国有资本经营预算财政拨款");
  const firstTotal = income.findIndex((x) => x.item.includes("本年收入合计"));
  const expenseTotal = expense.findIndex((x) => x.item.includes("本年支出合计"));
  const offset = expenseTotal - firstTotal;
  // The income side's lines after its totals may run past the expense side's last line (表4: 9 income lines,
  // the last 3 of them below 支出总计): those rows carry the income side only.
  const height = Math.max(expense.length, income.length + offset);
  for (let i = 0; i < height; i++) {
    const inc = i < firstTotal ? income[i] : income[i - offset];
    const e = expense[i];
    const left: Cell[] = inc && (i < firstTotal || i >= expenseTotal) ? [inc.item, amount(inc[t4 ? "收入_决算数" : "决算数"])] : [null, null];
    const blank: Cell[] = Array(t4 ? 5 : 2).fill(null);
    const right: Cell[] = !e
      ? blank
      : t4
        ? [e.item, amount(e["支出_合计"]), amount(e["支出_一般公共预算财政拨款"]), amount(e["支出_政府性基金预算财政拨款"]), amount(e["支出_国有资本经营预算财政拨款"])]
        : [e.item, amount(e["决算数"])];
    b.row([...left, ...right]);
  }
  b.notes([t4 ? "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。" : "注：本表反映部门本年度的总收支和年末结转结余情况。"]);
  return b.spec;
}

/** 表2/表3 with split 类|款|项 codes, 合计 first. */
function splitCodeTable(dir: string, id: "T2" | "T3", name: string, title: string, note: string): SheetSpec {
  const rows = readCsv(file(dir, id));
  const keys = Object.keys(rows[0]).slice(3);
  const b = new SheetBuilder(name, 4 + keys.length);
  b.title(`${YEAR}${title}`);
  b.preamble(DEPT);
  const r = b.row(["项目", null, null, null, ...keys], { header: true });
  b.merge(`A${r}:D${r}`);
  keys.forEach((_, i) => b.merge(`${col(4 + i)}${r}:${col(4 + i)}${r + 2}`));
  b.row(["功能分类科目编码", null, null, "科目名称"], { header: true });
  b.merge(`A${r + 1}:C${r + 1}`);
  b.merge(`D${r + 1}:D${r + 2}`);
  b.row(["类", "款", "项"], { header: true });
  for (const x of rows) {
    const parts: Cell[] = x.level === "合计" ? [null, null, null] : [x.code.slice(0, 3), x.code.slice(3, 5) || null, x.code.slice(5, 7) || null];
    b.row([...parts, x.name, ...keys.map((k) => amount(x[k]))]);
  }
  b.notes([note]);
  return b.spec;
}

/** 表5 with the code in one cell and 合计 at the bottom. */
function table5(dir: string): SheetSpec {
  const rows = readCsv(file(dir, "T5"));
  const b = new SheetBuilder("一般公共预算支出", 5);
  b.title(`${YEAR}一般公共预算财政拨款支出决算表`);
  b.preamble(DEPT);
  const r = b.row(["科目编码", "科目名称", "本年支出"], { header: true });
  b.merge(`C${r}:E${r}`);
  b.merge(`A${r}:A${r + 1}`);
  b.merge(`B${r}:B${r + 1}`);
  b.row([null, null, "合计", "基本支出", "项目支出"], { header: true });
  for (const x of rows) b.row([x.level === "合计" ? null : x.code, x.name, amount(x["合计"]), amount(x["基本支出"]), amount(x["项目支出"])]);
  b.notes(["注：本表反映部门本年度一般公共预算财政拨款支出情况。"]);
  return b.spec;
}

function table6(dir: string): SheetSpec {
  const rows = readCsv(file(dir, "T6"));
  const b = new SheetBuilder("基本支出", 6);
  b.title(`${YEAR}一般公共预算财政拨款基本支出决算表`);
  b.preamble(DEPT);
  const r = b.row(["人员经费", null, null, "公用经费"], { header: true });
  b.merge(`A${r}:C${r}`);
  b.merge(`D${r}:F${r}`);
  b.row(["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"], { header: true });
  const items = rows.filter((x) => x.level !== "合计");
  const lanes = [items.filter((x) => x.lane === "人员经费"), items.filter((x) => x.lane === "公用经费")];
  const height = Math.max(...lanes.map((l) => l.length));
  for (let i = 0; i < height; i++) {
    const cells: Cell[] = [];
    for (const lane of lanes) {
      const x = lane[i];
      cells.push(x ? x.code : null, x ? x.name : null, x ? amount(x["决算数"]) : null);
    }
    b.row(cells);
  }
  const totals = rows.filter((x) => x.level === "合计");
  const t = b.row([totals[0].name, null, amount(totals[0]["决算数"]), totals[1].name, null, amount(totals[1]["决算数"])]);
  b.merge(`A${t}:B${t}`);
  b.merge(`D${t}:E${t}`);
  b.notes(["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"]);
  return b.spec;
}

/** 表7: each item spans two columns, 预算数 | 决算数. */
function table7(dir: string): SheetSpec {
  const [data] = readCsv(file(dir, "T7"));
  const b = new SheetBuilder("三公经费", 12);
  b.title(`${YEAR}财政拨款“三公”经费支出决算表`);
  b.preamble(DEPT);
  const r = b.row(["合计", null, "因公出国（境）费", null, "公务用车购置及运行维护费", null, null, null, null, null, "公务接待费"], { header: true });
  b.row([null, null, null, null, "小计", null, "公务用车购置费", null, "公务用车运行维护费"], { header: true });
  b.row(Array.from({ length: 12 }, (_, i) => (i % 2 ? "决算数" : "预算数")), { header: true });
  for (const m of [`A${r}:B${r + 1}`, `C${r}:D${r + 1}`, `E${r}:J${r}`, `K${r}:L${r + 1}`, `E${r + 1}:F${r + 1}`, `G${r + 1}:H${r + 1}`, `I${r + 1}:J${r + 1}`]) b.merge(m);
  b.row(Object.keys(data).map((k) => amount(data[k])));
  b.notes(["注：本表反映部门本年度“三公”经费支出预决算情况。"]);
  return b.spec;
}

function fundTable(id: "T8" | "T9", statement: string | null): SheetSpec {
  const t8 = id === "T8";
  const b = new SheetBuilder(t8 ? "政府性基金" : "国有资本经营", 10);
  b.title(`${YEAR}${t8 ? "政府性基金预算财政拨款收入支出决算表" : "国有资本经营预算财政拨款收入支出决算表"}`);
  b.preamble(DEPT);
  const r = b.row(["项目", null, null, null, "年初结转和结余", "本年收入", "本年支出", null, null, "年末结转和结余"], { header: true });
  b.merge(`A${r}:D${r}`);
  b.merge(`G${r}:I${r}`);
  for (const c of ["E", "F", "J"]) b.merge(`${c}${r}:${c}${r + 2}`);
  b.row(["功能分类科目编码", null, null, "科目名称", null, null, "合计", "基本支出", "项目支出"], { header: true });
  b.merge(`A${r + 1}:C${r + 1}`);
  b.merge(`D${r + 1}:D${r + 2}`);
  for (const c of ["G", "H", "I"]) b.merge(`${c}${r + 1}:${c}${r + 2}`);
  b.row(["类", "款", "项"], { header: true });
  b.row([null, null, null, "合计"]);
  b.notes(statement ? [statement] : []);
  return b.spec;
}

export function shanghaiSheets(dir: string): SheetSpec[] {
  return [
    summary(dir, "T1"),
    splitCodeTable(dir, "T2", "收入", "收入决算表", "注：本表反映部门本年度取得的各项收入情况。"),
    splitCodeTable(dir, "T3", "支出", "支出决算表", "注：本表反映部门本年度各项支出情况。"),
    summary(dir, "T4"),
    table5(dir),
    table6(dir),
    table7(dir),
    // The fixture records 表8's printed statement; for 表9 it records none.
    fundTable("T8", "无政府性基金预算财政拨款支出，故本表无数据"),
    fundTable("T9", null),
  ];
}
