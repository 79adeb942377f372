// Shared bits of table layout: where the header starts under the title and 部门/单位 lines.
import type { Preamble } from "../model";
import type { SheetView } from "./sheetView";

const PREAMBLE = /^(部门|单位|编制单位|金额单位|公开\d*表)[:：]?|万元\)?$/;

/** The first header row: below the title and below any 部门：… / 单位：万元 line. */
export function headerTop(view: SheetView, titleRow: number, keywordRow: number): number {
  for (let r = keywordRow - 1; r > titleRow; r--) {
    for (let c = 0; c < view.width; c++) if (PREAMBLE.test(view.text(r, c))) return r + 1;
  }
  return Math.max(titleRow + 1, 0);
}

/** The 栏次 row within `span` rows below `from`, or -1. */
export function findColumnNumberRow(view: SheetView, from: number, span: number): number {
  for (let r = from; r < Math.min(view.height, from + span); r++) if (view.isColumnNumberRow(r)) return r;
  return -1;
}

const UNIT = /(?:^\(?|单位[:：]?)(万元|元)\)?$/;
const DEPARTMENT = /^(?:部门|编制单位|单位名称|填报单位)[:：](.+)$/;

/** The year in the title, and the unit and department lines between the title and the first data row. */
export function readPreamble(view: SheetView, title: string, titleRow: number, dataTop: number): Preamble {
  const year = /((?:19|20)\d{2})年/.exec(title)?.[1] ?? null;
  let unit: Preamble["unit"] = null;
  let department: Preamble["department"] = null;
  for (let r = Math.max(titleRow, 0); r < Math.min(dataTop, titleRow + 8, view.height); r++) {
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (!t) continue;
      const u = UNIT.exec(t);
      if (u && !unit) unit = { unit: u[1] === "元" ? "元" : "万元", address: view.address(r, c) };
      const d = DEPARTMENT.exec(t);
      if (d && !department && !UNIT.test(t)) department = { name: d[1], address: view.address(r, c) };
    }
  }
  return { year, unit, department };
}
