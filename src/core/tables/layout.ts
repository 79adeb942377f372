// Shared bits of table layout: where the header starts under the title and 部门/单位 lines.
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
