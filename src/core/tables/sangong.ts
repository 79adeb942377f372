// 表7 “三公”经费支出决算表: one row of figures under 预算数 and 决算数, each with 合计, 因公出国(境)费,
// 公务用车购置及运行(维护)费 (小计, 购置费, 运行费) and 公务接待费 — grouped either way round.
import type { Amount, SanGongItem, SanGongTable } from "../model";
import { findColumnNumberRow, headerTop } from "./layout";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { Diagnostics, SheetView } from "./sheetView";

export const SANGONG_LABEL: Record<SanGongItem, string> = {
  total: "合计",
  abroad: "因公出国(境)费",
  carSubtotal: "公务用车购置及运行费小计",
  carPurchase: "公务用车购置费",
  carRunning: "公务用车运行(维护)费",
  reception: "公务接待费",
};

function itemOf(label: string): SanGongItem | null {
  const rest = label.replace(/公务用车购置及运行(维护)?费/g, "");
  if (/接待/.test(rest)) return "reception";
  if (/出国/.test(rest)) return "abroad";
  if (/小计/.test(rest) || (rest.replace(/\||预算数?|决算数?/g, "") === "" && rest !== label)) return "carSubtotal";
  if (/运行/.test(rest)) return "carRunning";
  if (/购置/.test(rest)) return "carPurchase";
  if (/合计/.test(rest)) return "total";
  return null;
}

export function readSanGongTable(
  view: SheetView,
  titleRow: number,
  diag: Diagnostics,
): Omit<SanGongTable, "title" | "titleAddress"> | string {
  let keywordRow = -1;
  for (let r = titleRow + 1; r < Math.min(view.height, titleRow + 12) && keywordRow < 0; r++) {
    for (let c = 0; c < view.width; c++) if (/预算数|决算数|因公出国/.test(view.text(r, c))) keywordRow = r;
  }
  if (keywordRow < 0) return "未找到“预算数/决算数”或“因公出国(境)费”表头";
  const top = headerTop(view, titleRow, keywordRow);
  let bottom = findColumnNumberRow(view, keywordRow, 6);
  if (bottom < 0) {
    bottom = keywordRow;
    const isHeader = (r: number) => [...Array(view.width).keys()].some((c) => itemOf(view.text(r, c)) || /^(预算|决算)数?$/.test(view.text(r, c)));
    while (bottom + 1 < view.height && isHeader(bottom + 1)) bottom++;
  }

  const budget: SanGongTable["budget"] = {};
  const final: SanGongTable["final"] = {};
  const columns: { col: number; item: SanGongItem; group: "budget" | "final" | null }[] = [];
  for (let c = 0; c < view.width; c++) {
    const label = view.columnLabel(c, top, bottom);
    const item = itemOf(label);
    if (!item) continue;
    const group = /决算/.test(label) ? "final" : /预算/.test(label) ? "budget" : null;
    columns.push({ col: c, item, group });
  }
  if (!columns.length) return "未找到三公经费的栏目";

  let dataRow = bottom + 1;
  for (let r = bottom + 1; r < notesStart(view, bottom + 1); r++) {
    if (columns.some(({ col }) => view.amount(r, col).read.kind !== "blank")) {
      dataRow = r;
      break;
    }
  }
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
    kind: "sangong",
    id: "表7",
    sheet: view.sheet,
    notes: readNotes(view, end),
    emptyStatement: hasEmptyStatement(view),
    amounts,
    budget,
    final,
  };
}
