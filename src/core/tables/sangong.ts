// 表7 “三公”经费支出决算表: one row of figures under 预算数 and 决算数, each with 合计, 因公出国(境)费,
// 公务用车购置及运行(维护)费 (小计, 购置费, 运行费) and 公务接待费 — grouped (预算数 block, 决算数 block) or
// interleaved (预算数 | 决算数 under each item), with or without 小计, some with 会议费 and 培训费 besides.
import type { Amount, SanGongTable } from "../model";
import { SANGONG_LABEL, type SanGongItem } from "../rules/catalogue";
import { findColumnNumberRow, headerTop } from "./layout";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { TableRead } from "./read";
import { type Diagnostics, type SheetView, landedAmounts } from "./sheetView";

function itemOf(label: string): SanGongItem | null {
  const rest = label.replace(/公务用车购置及运行(维护)?费/g, "");
  if (/接待/.test(rest)) return "reception";
  if (/出国/.test(rest)) return "abroad";
  if (/会议/.test(rest)) return "meeting";
  if (/培训/.test(rest)) return "training";
  if (/小计/.test(rest) || (rest.replace(/\||预算数?|决算数?/g, "") === "" && rest !== label)) return "carSubtotal";
  if (/运行/.test(rest)) return "carRunning";
  if (/购置/.test(rest)) return "carPurchase";
  if (/合计/.test(rest)) return "total";
  return null;
}

type Group = "budget" | "final" | null;

const groupOf = (label: string): Group => (/决算/.test(label) ? "final" : /预算/.test(label) ? "budget" : null);

function findHeader(view: SheetView, titleRow: number): { top: number; bottom: number } | null {
  let keywordRow = -1;
  for (let r = titleRow + 1; r < Math.min(view.height, titleRow + 12) && keywordRow < 0; r++) {
    for (let c = 0; c < view.width; c++) if (/预算数|决算数|因公出国/.test(view.text(r, c))) keywordRow = r;
  }
  if (keywordRow < 0) return null;
  const top = headerTop(view, titleRow, keywordRow);
  let bottom = findColumnNumberRow(view, keywordRow, 6);
  if (bottom < 0) {
    bottom = keywordRow;
    const isHeader = (r: number) => [...Array(view.width).keys()].some((c) => itemOf(view.text(r, c)) || /^(预算|决算)数?$/.test(view.text(r, c)));
    while (bottom + 1 < view.height && isHeader(bottom + 1)) bottom++;
  }
  return { top, bottom };
}

/** Each amount column's item and group. A column labelled only 预算数/决算数 (an unmerged item header over a
 *  pair) belongs to the item of the column on its left. */
function mapColumns(view: SheetView, top: number, bottom: number): { col: number; item: SanGongItem; group: Group }[] {
  const columns: { col: number; item: SanGongItem; group: Group }[] = [];
  let previous: { col: number; item: SanGongItem } | null = null;
  for (let c = 0; c < view.width; c++) {
    const label = view.columnLabel(c, top, bottom);
    const group = groupOf(label);
    let item = itemOf(label);
    if (!item && group && previous && previous.col === c - 1 && /^(预算数?|决算数?)$/.test(label.split("|").pop() ?? "")) item = previous.item;
    if (!item) {
      previous = null;
      continue;
    }
    columns.push({ col: c, item, group });
    previous = { col: c, item };
  }
  return columns;
}

function arrangementOf(groups: Group[]): SanGongTable["arrangement"] {
  const labelled = groups.filter((g): g is "budget" | "final" => g !== null);
  if (!labelled.length) return "unlabelled";
  const switches = labelled.filter((g, i) => i > 0 && g !== labelled[i - 1]).length;
  return switches <= 1 ? "grouped" : "interleaved";
}

export function readSanGongTable(view: SheetView, titleRow: number, diag: Diagnostics): TableRead<SanGongTable> {
  const header = findHeader(view, titleRow);
  if (!header) return { ok: false, reason: "未找到“预算数/决算数”或“因公出国(境)费”表头" };
  const { top, bottom } = header;
  const columns = mapColumns(view, top, bottom);
  if (!columns.length) return { ok: false, reason: "未找到三公经费的栏目" };

  let dataRow = bottom + 1;
  const dataEnd = notesStart(view, bottom + 1);
  for (let r = bottom + 1; r < dataEnd; r++) {
    if (columns.some(({ col }) => view.amount(r, col).read.kind !== "blank")) {
      dataRow = r;
      break;
    }
  }
  const budget: SanGongTable["budget"] = {};
  const final: SanGongTable["final"] = {};
  const amounts: Amount[] = [];
  for (const { col, item, group } of columns) {
    // Without 预算数/决算数 labels, the first occurrence of an item is the budget and the second the outturn.
    const target = group === "final" || (group === null && budget[item]) ? final : budget;
    if (target[item]) {
      diag.add("COL", "warning", `栏目“${SANGONG_LABEL[item]}”重复出现，未参与校验`, [view.address(bottom, col)]);
      continue;
    }
    const amount = view.amount(dataRow, col);
    diag.amount(amount, `${target === budget ? "预算数" : "决算数"} ${SANGONG_LABEL[item]}`);
    amounts.push(amount);
    target[item] = amount;
  }
  const end = notesStart(view, dataRow + 1);
  return {
    ok: true,
    region: { top: bottom + 1, bottom: Math.max(dataEnd, end) - 1, right: view.headerRight(top, bottom) },
    landed: landedAmounts(amounts),
    table: {
      kind: "sangong",
      id: "表7",
      sheet: view.sheet,
      notes: readNotes(view, end),
      // Looked for when a rule asks (X11, of an empty table): it reads every cell of the sheet.
      get emptyStatement() {
        return hasEmptyStatement(view);
      },
      amounts,
      budget,
      final,
      arrangement: arrangementOf(columns.map((c) => c.group)),
    },
  };
}
