// 表1 收入支出决算总表 and 表4 财政拨款收入支出决算总表: two sides (收入 | 支出), each a block of
// 项目 [行次] amount…, rows matched by their label (the Shanghai template has no 行次).
import { classCodeForLabel } from "../codes";
import type { Amount, SummaryLine, SummaryTable } from "../model";
import type { Fund, SummaryColumnKey, SummaryLineKey } from "../rules/catalogue";
import { stripNumbering } from "../text";
import { findColumnNumberRow, headerTop } from "./layout";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { TableRead } from "./read";
import { type Diagnostics, type SheetView, landedAmounts } from "./sheetView";

type Side = "income" | "expense";

interface Block {
  side: Side;
  labelCol: number;
  rowNoCol: number;
  amountCols: { col: number; key: SummaryColumnKey }[];
}

const FUNDS: [RegExp, Fund][] = [
  [/^一般公共预算财政拨款/, "general"],
  [/^政府性基金预算财政拨款/, "govfund"],
  [/^国有资本经营(预算)?财政拨款/, "statecap"],
];

const INCOME_ITEMS: [RegExp, SummaryLineKey][] = [
  [/^上级补助收入/, "superior"],
  [/^事业收入/, "business"],
  [/^经营收入/, "operating"],
  [/^附属单位上缴收入/, "subordinate"],
  [/^其他收入/, "other"],
  [/^本年收入合计/, "total"],
  [/^使用非财政拨款结余/, "nonfiscal"],
  [/^总计$/, "grand"],
];

const EXPENSE_ITEMS: [RegExp, SummaryLineKey][] = [
  [/^本年支出合计/, "total"],
  [/^结余分配/, "distribution"],
  [/^总计$/, "grand"],
];

/** The key of a row: income `general`…`grand`, expense `class` (with its code)…`grand`; null when the label is not known. */
function lineKey(side: Side, label: string, state: { afterCarry: boolean }): { key: SummaryLineKey; classCode: string | null } | null {
  const key = plainKey(side, label, state);
  if (key) return { key, classCode: null };
  const code = side === "expense" ? classCodeForLabel(label) : null;
  return code ? { key: "class", classCode: code } : null;
}

function plainKey(side: Side, label: string, state: { afterCarry: boolean }): SummaryLineKey | null {
  const carry = side === "income" ? /^年初(财政拨款)?结转和结余/ : /^年末(财政拨款)?结转和结余/;
  if (carry.test(label)) {
    state.afterCarry = true;
    return side === "income" ? "carryBegin" : "carryEnd";
  }
  const fund = FUNDS.find(([re]) => re.test(label))?.[1];
  if (fund) {
    if (state.afterCarry) return `${side === "income" ? "carryBegin" : "carryEnd"}.${fund}`;
    return side === "income" ? fund : null;
  }
  const items = side === "income" ? INCOME_ITEMS : EXPENSE_ITEMS;
  return items.find(([re]) => re.test(label))?.[1] ?? null;
}

function amountKey(label: string): SummaryColumnKey {
  if (label.includes("一般公共预算")) return "general";
  if (label.includes("政府性基金")) return "govfund";
  if (label.includes("国有资本经营")) return "statecap";
  if (label.includes("合计")) return "total";
  return "amount";
}

export function readSummaryTable(view: SheetView, id: "表1" | "表4", titleRow: number, diag: Diagnostics): TableRead<SummaryTable> {
  // The header row has a 项目 cell at the start of each side.
  let headerRow = -1;
  let starts: number[] = [];
  for (let r = titleRow + 1; r < Math.min(view.height, titleRow + 15); r++) {
    const cols: number[] = [];
    for (let c = 0; c < view.width; c++) if (view.text(r, c) === "项目") cols.push(c);
    if (cols.length >= 2) {
      headerRow = r;
      starts = cols;
      break;
    }
  }
  if (headerRow < 0) return { ok: false, reason: "未找到收入、支出两侧的“项目”表头" };

  const top = headerTop(view, titleRow, headerRow);
  const numberRow = findColumnNumberRow(view, headerRow + 1, 2);
  const bottom = numberRow >= 0 ? numberRow : headerRow;
  const blocks: Block[] = starts.slice(0, 2).map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : view.width;
    const block: Block = { side: i === 0 ? "income" : "expense", labelCol: start, rowNoCol: -1, amountCols: [] };
    for (let c = start + 1; c < end; c++) {
      const leaf = view.leafLabel(c, headerRow, bottom);
      if (leaf === "行次") block.rowNoCol = c;
      else if (leaf) block.amountCols.push({ col: c, key: amountKey(view.columnLabel(c, top, bottom)) });
    }
    if (block.amountCols.length === 1) block.amountCols[0].key = "amount";
    return block;
  });
  if (blocks.some((b) => b.amountCols.length === 0)) return { ok: false, reason: "未找到金额栏（金额/决算数/合计）" };

  const end = notesStart(view, bottom + 1);
  const amounts: Amount[] = [];
  const sides: Record<Side, SummaryLine[]> = { income: [], expense: [] };
  for (const block of blocks) {
    const state = { afterCarry: false };
    const seen = new Set<string>();
    for (let r = bottom + 1; r < end; r++) {
      const label = stripNumbering(view.text(r, block.labelCol));
      const rowNoText = block.rowNoCol >= 0 ? view.text(r, block.rowNoCol) : "";
      const rowNo = /^\d+$/.test(rowNoText) ? Number(rowNoText) : null;
      if (rowNo !== null) view.consume(r, block.rowNoCol);
      const cells: SummaryLine["cells"] = {};
      for (const { col, key } of block.amountCols) cells[key] = view.amount(r, col);
      const figures = Object.values(cells).filter((a) => a.read.kind !== "blank").map((a) => a.address);
      const filled = figures.length > 0;
      const where = `${block.side === "income" ? "收入" : "支出"}${rowNo !== null ? `第${rowNo}行` : ""}`;
      if (!label) {
        if (filled) diag.add("ROW", "warning", `${where}有金额但没有项目名称，未参与校验`, figures);
        continue;
      }
      const read = lineKey(block.side, label, state);
      if (!read) {
        if (filled) diag.add("ROW", "warning", `未能识别的项目“${label}”，未参与校验`, [view.address(r, block.labelCol), ...figures]);
        continue;
      }
      const seenKey = `${read.key}${read.classCode ?? ""}`;
      if (seen.has(seenKey)) {
        diag.add("ROW", "warning", `项目“${label}”重复出现，只按第一次出现校验`, [view.address(r, block.labelCol), ...figures]);
        continue;
      }
      seen.add(seenKey);
      for (const a of Object.values(cells)) {
        diag.amount(a, `${label}`);
        amounts.push(a);
      }
      sides[block.side].push({ key: read.key, classCode: read.classCode, label, rowNo, row: r, cells });
    }
  }
  return {
    ok: true,
    region: { top: bottom + 1, bottom: end - 1, right: view.headerRight(top, bottom) },
    landed: landedAmounts(amounts),
    table: {
      kind: "summary",
      id,
      sheet: view.sheet,
      notes: readNotes(view, end),
      // Looked for when a rule asks (X11, of an empty table): it reads every cell of the sheet.
      get emptyStatement() {
        return hasEmptyStatement(view);
      },
      amounts,
      income: sides.income,
      expense: sides.expense,
    },
  };
}
