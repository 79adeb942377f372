// The figures a 情况说明 needs that 表1–表9 do not hold: last year's totals, 年初预算 by 类, counts, the
// project list. On the command line they come from last year's workbook (--last); in Excel from a small
// 说明数据 sheet of two columns (项目 | 数值) that the add-in creates.
import type { CellValue } from "../money";
import { Decimal, readAmount } from "../money";
import { SANGONG_ITEMS, SANGONG_NAMES, type SanGongItem, type TableFigures, factValue } from "./figures";

export interface NarrativeInputs {
  /** Last year's figures (from the input sheet, or last year's tables). */
  last: {
    grand?: Decimal;
    fiscalGrand?: Decimal;
    fiscalExpense?: Decimal;
    sanGong: Partial<Record<SanGongItem, Decimal>>;
    runningCost?: Decimal;
  };
  /** 年初预算 of 一般公共预算财政拨款支出: the whole, and by 类 code. */
  budget: { general?: Decimal; classes: Record<string, Decimal> };
  runningCost?: Decimal;
  vehiclesBought?: Decimal;
  vehiclesHeld?: Decimal;
  procurement: Partial<Record<"total" | "goods" | "works" | "services" | "sme" | "small", Decimal>>;
  /** 项目支出 by project, in the order written. */
  projects: { name: string; amount: Decimal }[];
}

export function emptyInputs(): NarrativeInputs {
  return { last: { sanGong: {} }, budget: { classes: {} }, procurement: {}, projects: [] };
}

type Setter = (inputs: NarrativeInputs, value: Decimal) => void;

/** The input sheet's fixed rows: label and where its figure goes. */
const FIELDS: [label: string, set: Setter][] = [
  ["上年收、支总计（万元）", (i, v) => (i.last.grand = v)],
  ["上年财政拨款收、支总计（万元）", (i, v) => (i.last.fiscalGrand = v)],
  ["上年财政拨款支出（万元）", (i, v) => (i.last.fiscalExpense = v)],
  ...SANGONG_ITEMS.filter((k) => k !== "carPurchase" && k !== "carRunning").map(
    (k): [string, Setter] => [`上年${SANGONG_NAMES[k]}决算数（万元）`, (i, v) => (i.last.sanGong[k] = v)],
  ),
  ["一般公共预算财政拨款支出年初预算（万元）", (i, v) => (i.budget.general = v)],
  ["机关运行经费支出（万元）", (i, v) => (i.runningCost = v)],
  ["上年机关运行经费支出（万元）", (i, v) => (i.last.runningCost = v)],
  ["本年购置（更新）公务用车（辆）", (i, v) => (i.vehiclesBought = v)],
  ["年末公务用车保有量（辆）", (i, v) => (i.vehiclesHeld = v)],
  ["政府采购支出总额（万元）", (i, v) => (i.procurement.total = v)],
  ["政府采购货物支出（万元）", (i, v) => (i.procurement.goods = v)],
  ["政府采购工程支出（万元）", (i, v) => (i.procurement.works = v)],
  ["政府采购服务支出（万元）", (i, v) => (i.procurement.services = v)],
  ["授予中小企业合同金额（万元）", (i, v) => (i.procurement.sme = v)],
  ["其中：授予小微企业合同金额（万元）", (i, v) => (i.procurement.small = v)],
];

const CLASS_BUDGET = /^年初预算[:：]\s*(\d{3})/;
const PROJECT = /^项目支出[:：]/;

/** `项目支出：XX项目（万元）` → `XX项目`; null for another label or the template's row. */
function projectName(label: string): string | null {
  const m = PROJECT.exec(label);
  if (!m) return null;
  const rest = label.slice(m[0].length).trim();
  const name = rest.endsWith("（万元）") ? rest.slice(0, -"（万元）".length).trim() : rest;
  return name && !name.includes("（项目名称）") && !/[\n\r\u2028\u2029]/.test(name) ? name : null;
}

export const INPUT_SHEET = "说明数据";

/** The input sheet as rows: a header, the fixed fields, one 年初预算 row per 类 of 表5, and project rows to fill. */
export function inputTemplate(figs: TableFigures): CellValue[][] {
  const rows: CellValue[][] = [["项目", "数值", "说明"]];
  for (const [label] of FIELDS) rows.push([label, null, null]);
  for (const c of figs.classes) rows.push([`年初预算：${c.code} ${c.name}（万元）`, null, "表5 中该类的年初预算数"]);
  rows.push(["项目支出：（项目名称）（万元）", null, "每个项目一行，把“（项目名称）”改为项目名称"]);
  return rows;
}

export interface InputsRead {
  inputs: NarrativeInputs;
  /** Rows whose value could not be read, in words (never a silent 0). */
  problems: string[];
}

/** Read the input sheet's rows (label in the first column, value in the second). */
export function readInputs(rows: readonly CellValue[][]): InputsRead {
  const inputs = emptyInputs();
  const problems: string[] = [];
  const byLabel = new Map(FIELDS.map(([label, set]) => [label.replace(/\s+/g, ""), set]));
  rows.forEach((row, r) => {
    const label = typeof row[0] === "string" ? row[0].trim() : "";
    if (!label || r === 0 && label === "项目") return;
    const read = readAmount(row[1] ?? null);
    if (read.kind === "blank") return;
    if (read.kind === "invalid") {
      problems.push(`第${r + 1}行“${label}”：${read.reason}`);
      return;
    }
    const set = byLabel.get(label.replace(/\s+/g, ""));
    const cls = CLASS_BUDGET.exec(label);
    const project = projectName(label);
    if (set) set(inputs, read.value);
    else if (cls) inputs.budget.classes[cls[1]] = read.value;
    else if (project) inputs.projects.push({ name: project, amount: read.value });
    else problems.push(`第${r + 1}行“${label}”：不是说明数据的项目，未使用`);
  });
  return { inputs, problems };
}

/** Last year's figures taken from last year's tables (`--last`). */
export function lastYearFrom(figs: TableFigures): NarrativeInputs["last"] {
  const sanGong: Partial<Record<SanGongItem, Decimal>> = {};
  for (const k of SANGONG_ITEMS) {
    const v = factValue(figs, `t7.final.${k}`);
    if (v) sanGong[k] = v;
  }
  return {
    grand: factValue(figs, "t1.grand"),
    fiscalGrand: factValue(figs, "t4.grand"),
    fiscalExpense: factValue(figs, "t5.total") ?? factValue(figs, "t4.expenseTotal"),
    sanGong,
  };
}
