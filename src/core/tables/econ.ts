// 表6 一般公共预算财政拨款基本支出决算表: two or three lanes of (科目编码, 科目名称, 决算数) side by side,
// and the 人员经费合计 / 公用经费合计 lines under them.
import { readCodeCell } from "../codes";
import type { Amount, EconItem, EconTable } from "../model";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { Diagnostics, SheetView } from "./sheetView";

interface Lane {
  codeCol: number;
  nameCol: number;
  amountCol: number;
}

export function readEconTable(
  view: SheetView,
  titleRow: number,
  diag: Diagnostics,
): Omit<EconTable, "title" | "titleAddress"> | string {
  let headerRow = -1;
  let lanes: Lane[] = [];
  for (let r = titleRow + 1; r < Math.min(view.height, titleRow + 12) && headerRow < 0; r++) {
    const found: Lane[] = [];
    for (let c = 0; c < view.width; c++) {
      if (!/编码$/.test(view.headerText(r, c)) || /编码$/.test(view.headerText(r, c - 1))) continue;
      let nameCol = -1;
      let amountCol = -1;
      for (let k = c + 1; k < view.width && amountCol < 0; k++) {
        const t = view.headerText(r, k);
        if (/编码$/.test(t)) break;
        if (nameCol < 0 && /名称/.test(t)) nameCol = k;
        else if (nameCol >= 0 && /决算数|金额|合计|本年支出/.test(t)) amountCol = k;
      }
      if (nameCol >= 0 && amountCol >= 0) found.push({ codeCol: c, nameCol, amountCol });
    }
    if (found.length) {
      headerRow = r;
      lanes = found;
    }
  }
  if (headerRow < 0) return "未找到“科目编码 | 科目名称 | 决算数”表头";

  const end = notesStart(view, headerRow + 1);
  const items: EconItem[] = [];
  const amounts: Amount[] = [];
  let personnelTotal: Amount | undefined;
  let publicTotal: Amount | undefined;
  const amountCols = lanes.map((l) => l.amountCol);
  for (let r = headerRow + 1; r < end; r++) {
    for (const lane of lanes) {
      const read = readCodeCell(view.raw(r, lane.codeCol));
      if (!read || read.code.length === 7) continue;
      const amount = view.amount(r, lane.amountCol);
      const name = view.text(r, lane.nameCol) || read.rest;
      diag.amount(amount, `${read.code} ${name}`);
      amounts.push(amount);
      items.push({ code: read.code, level: read.code.length === 3 ? "类" : "款", name, amount });
    }
    // The 合计 lines: the label may span lanes (merged); its figure is in the first amount column after it.
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      const which = /^人员经费合计$/.test(t) ? "personnel" : /^公用经费合计$/.test(t) ? "public" : null;
      if (!which) continue;
      const end = view.mergeRight(r, c);
      const col = amountCols.find((a) => a > end);
      const amount = col === undefined ? undefined : view.amount(r, col);
      if (!amount) continue;
      diag.amount(amount, t);
      amounts.push(amount);
      if (which === "personnel") personnelTotal = amount;
      else publicTotal = amount;
    }
  }
  return {
    kind: "econ",
    id: "表6",
    sheet: view.sheet,
    notes: readNotes(view, end),
    emptyStatement: hasEmptyStatement(view),
    amounts,
    items,
    personnelTotal,
    publicTotal,
  };
}
