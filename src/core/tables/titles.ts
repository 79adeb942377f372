// Which table a sheet holds, from its title (or, failing that, its sheet name). Most specific title first:
// 支出决算表 is a suffix of five other titles. A table is what its title says, whatever number it is printed
// under (公开09表, 表9); the tables of larger sets (项目支出决算表, 机关运行经费 …) are recognised as extras and
// never taken for one of the nine.
import type { TableId } from "../findings";
import { normalizeLabel } from "../text";
import type { SheetView } from "./sheetView";

export interface TitleRule {
  id: TableId;
  pattern: RegExp;
  /** The title as printed in the template, for messages. */
  name: string;
}

export const TITLE_RULES: readonly TitleRule[] = [
  { id: "表7", pattern: /三公经费(支出)?(预)?决算(明细)?表/, name: "“三公”经费支出决算表" },
  { id: "表6", pattern: /基本支出决算(明细)?表/, name: "一般公共预算财政拨款基本支出决算表" },
  { id: "表8", pattern: /政府性基金预算财政拨款(收入)?支出决算表/, name: "政府性基金预算财政拨款收入支出决算表" },
  { id: "表9", pattern: /国有资本经营预算财政拨款(收入)?支出决算表/, name: "国有资本经营预算财政拨款支出决算表" },
  { id: "表5", pattern: /一般公共预算财政拨款支出决算表/, name: "一般公共预算财政拨款支出决算表" },
  { id: "表4", pattern: /财政拨款收入支出决算总表/, name: "财政拨款收入支出决算总表" },
  { id: "表1", pattern: /收入支出决算总表/, name: "收入支出决算总表" },
  { id: "表2", pattern: /(?<!支出)收入决算(总)?表/, name: "收入决算表" },
  // Not a kind of 支出 (项目支出, 机关运行经费支出 …): those are other tables.
  { id: "表3", pattern: /(?<![项目费款金营算本购资])支出决算(总)?表/, name: "支出决算表" },
];

/** Tables of the 8-, 11- and 13-table sets that are not among the nine: read as extras, never checked. */
const EXTRA_TITLES: readonly RegExp[] = [
  /项目支出决算(明细)?表/,
  /机关运行经费/,
  /政府采购/,
  /国有资产/,
  /(部门)?预算(批复|执行)/,
  /绩效(自评|评价)/,
  /一般公共预算财政拨款收入支出决算(总)?表/,
];

/** A title of a table outside the nine, normalised, or null. */
export function matchExtraTitle(text: string): string | null {
  const t = normalizeLabel(text);
  if (!t || t.length > 60 || !/表$|表\(|表[一二三四五六七八九十\d]/.test(t)) return null;
  return EXTRA_TITLES.some((re) => re.test(t)) ? t : null;
}

export function titleName(id: TableId): string {
  return TITLE_RULES.find((t) => t.id === id)?.name ?? id;
}

export function matchTitle(text: string): TitleRule | null {
  const t = normalizeLabel(text);
  if (!t || t.length > 60) return null;
  if (matchExtraTitle(t)) return null;
  return TITLE_RULES.find((rule) => rule.pattern.test(t)) ?? null;
}

export interface TitleHit {
  rule: TitleRule;
  row: number;
  col: number;
  text: string;
  bySheetName: boolean;
}

/** Look for a title in the first rows of the sheet; a sheet without one may still be named for its table.
 *  A sheet titled as a table outside the nine gives `{ extra }`. */
export function findTitle(view: SheetView, scanRows = 12): TitleHit | { extra: string } | null {
  for (let r = 0; r < Math.min(scanRows, view.height); r++) {
    for (let c = 0; c < view.width; c++) {
      const text = view.text(r, c);
      const extra = matchExtraTitle(text);
      if (extra) return { extra };
      const rule = matchTitle(text);
      if (rule) return { rule, row: r, col: c, text, bySheetName: false };
    }
  }
  // A sheet without a title may still be named for its table: 收入决算表, 表3, 公开03表.
  const numbered = /^(?:表|公开)0?([1-9])表?$/.exec(normalizeLabel(view.sheet));
  const byName = matchTitle(view.sheet) ?? (numbered ? (TITLE_RULES.find((t) => t.id === `表${numbered[1]}`) ?? null) : null);
  return byName ? { rule: byName, row: -1, col: 0, text: view.sheet, bySheetName: true } : null;
}
