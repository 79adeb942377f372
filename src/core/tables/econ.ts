// 表6 一般公共预算财政拨款基本支出决算表: two or three lanes of (科目编码, 科目名称, 决算数) side by side,
// and the 人员经费合计 / 公用经费合计 lines under them.
import { readCodeCell } from "../codes";
import type { Amount, EconItem, EconTable } from "../model";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { TableRead } from "./read";
import { type Diagnostics, type SheetView, landedAmounts } from "./sheetView";

interface Lane {
  codeCol: number;
  nameCol: number;
  amountCol: number;
}

const TOTAL_LABEL = /^(人员经费|公用经费)合计$/;

export function readEconTable(view: SheetView, titleRow: number, diag: Diagnostics): TableRead<EconTable> {
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
  if (headerRow < 0) return { ok: false, reason: "未找到“科目编码 | 科目名称 | 决算数”表头" };

  const end = notesStart(view, headerRow + 1);
  const items: EconItem[] = [];
  const amounts: Amount[] = [];
  let personnelTotal: Amount | undefined;
  let publicTotal: Amount | undefined;
  const amountCols = lanes.map((l) => l.amountCol);
  for (let r = headerRow + 1; r < end; r++) {
    for (const lane of lanes) {
      const read = readCodeCell(view.raw(r, lane.codeCol));
      // 7-digit codes are 功能分类, not 经济分类: left unread, and named by the completeness count.
      if (!read || read.code.length === 7) continue;
      view.consume(r, lane.codeCol);
      const amount = view.amount(r, lane.amountCol);
      const name = view.text(r, lane.nameCol) || read.rest;
      diag.amount(amount, `${read.code} ${name}`);
      amounts.push(amount);
      items.push({ code: read.code, level: read.code.length === 3 ? "类" : "款", name, amount });
    }
    // The 合计 lines: the label may span lanes (merged or not); its figure is the first one in an amount column to
    // its right, before the next label (the central template puts 公用经费合计's in the last lane).
    const labels: { col: number; which: "personnel" | "public"; text: string }[] = [];
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (!TOTAL_LABEL.test(t)) continue;
      labels.push({ col: c, which: t.startsWith("人员") ? "personnel" : "public", text: t });
    }
    labels.forEach((label, i) => {
      const from = view.mergeRight(r, label.col);
      const until = labels[i + 1]?.col ?? view.width;
      const cols = amountCols.filter((a) => a > from && a < until);
      const col = cols.find((a) => view.amount(r, a).read.kind !== "blank") ?? cols[0];
      if (col === undefined) return;
      const amount = view.amount(r, col);
      diag.amount(amount, label.text);
      amounts.push(amount);
      if (label.which === "personnel") personnelTotal = amount;
      else publicTotal = amount;
    });
  }
  return {
    ok: true,
    region: { top: headerRow + 1, bottom: end - 1, right: view.headerRight(headerRow, headerRow) },
    landed: landedAmounts(amounts),
    table: {
      kind: "econ",
      id: "表6",
      sheet: view.sheet,
      notes: readNotes(view, end),
      // Looked for when a rule asks (X11, of an empty table): it reads every cell of the sheet.
      get emptyStatement() {
        return hasEmptyStatement(view);
      },
      amounts,
      items,
      personnelTotal,
      publicTotal,
    },
  };
}
