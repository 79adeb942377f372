// Every 项目支出绩效自评表 on a grid, read by its labels whatever the family: 财预〔2020〕10号 附件1 (年度指标值,
// 项目资金 block), the seed's 湖北/武汉 layout (年初目标值（A）, 预算执行数 block with 设置分值 and 评分标准), 湖北's
// 项目自评表 without a 分值 column, 四川 (指标性质 / 指标值 / 度量单位, 权重, 调整后预算数), 云南 (年度指标值 split
// over two header rows) and 部门整体支出绩效自评表. Several tables may sit one below the other; merged cells
// hold their value in the top-left cell only; header words may be broken by line feeds. Template placeholder
// rows (指标2, ……), empty 二级 rows and the footer (评价结论, 项目负责人 …) are not indicators; 总分/合计 is a
// total. A sheet whose title says 自评表 but which cannot be read is returned with the reason.
import type { Grid } from "../grid";
import type { CellValue, Decimal } from "../money";
import { normalizeLabel } from "../text";
import { type BudgetBlock, readBudget } from "./readBudget";
import { LABEL_LENGTH, View, matchColumns, points } from "./readView";
import type { SelfEvalRow, SelfEvalTable } from "./types";

export interface UnreadTable {
  sheet: string;
  title: string;
  reason: string;
  cell?: string;
}

export interface ReadTables {
  tables: SelfEvalTable[];
  unread: UnreadTable[];
}

type IndicatorKey = "level1" | "level2" | "level3" | "nature" | "value" | "unit" | "target" | "actual" | "weight" | "score" | "rule" | "method" | "reason";

// Tested in order on each header cell; a key takes the first column that matches it.
const INDICATOR_COLUMNS: [IndicatorKey, RegExp][] = [
  ["level1", /^一级指标/],
  ["level2", /^二级指标/],
  ["level3", /^三级指标|^指标名称/],
  ["nature", /^指标性质/],
  ["unit", /^度量单位|^计量单位/],
  ["value", /^指标值/],
  ["target", /年初目标值|年度指标值|^目标值|^预期目标值/],
  ["actual", /实际完成值|^完成值|^实际值|^实际完成/],
  ["weight", /^分值|^设置分值|^设定分值|^权重/],
  ["score", /^得分|^评价得分|^自评得分/],
  ["rule", /评分标准|评分规则/],
  ["method", /^计分方法/],
  ["reason", /偏差原因|未完成原因/],
];

const TITLE = /自评表|绩效自评/;
const TOTAL = /^(总分|合计|总计)/;
const FOOTER = /^(评价结论|存在问题|改进措施|项目负责人|财务负责人|填报人|填表人|填报日期|偏差大|偏差原因|单位主要负责人|单位负责人|备注|联系电话|审核人|其他需要说明)/;
/** Headings of a 自评 report's text (三、绩效自评结论), not titles of a table. */
const NARRATIVE = /结论|说明|存在的?问题|措施|原因|报告$/;
const PLACEHOLDER = /^(指标\d*[:：]?\/?|…+|\.{2,}|\/|—+|-+|\d+)$/;

interface Header {
  row: number;
  /** Last header row (the second one of a two-row header). */
  last: number;
  cols: Partial<Record<IndicatorKey, number>>;
  /** The block label left of the columns (绩效指标(90分), 年度绩效目标（80分）), if any. */
  block: { text: string; col: number } | null;
  /** Where a second table's header starts to the right on the same row: not read (one table per header row). */
  beside?: number;
}

const LEVEL = /^(一级指标|二级指标|三级指标|指标名称)/;

/** The first column right of the 三级指标 that names a level again: a second table set beside this one. */
function besideStart(view: View, r: number, level3: number): number | undefined {
  for (let c = level3 + 1; c < view.cols; c++) if (LEVEL.test(view.label(r, c))) return c;
  return undefined;
}

/** A cheap first look, so that a 200,000-row 决算 sheet costs one pass of `includes`: a header row names 三级指标. */
function mayBeHeader(grid: Grid, r: number): boolean {
  const row = grid.values[r];
  return !!row && row.some((v) => typeof v === "string" && v.length < LABEL_LENGTH && (v.includes("级") || v.includes("指标名称")));
}

/** A row that names an indicator level, its columns (the 云南 second header row merged in) and its last row. */
interface HeaderRow {
  cols: Partial<Record<IndicatorKey, number>>;
  last: number;
  /**
   * It reads as an indicator header, whether or not it can be read: two of 一级/二级/三级指标, or 三级指标 with
   * 得分 or 实际完成值. A table's own indicator rows never name two of these.
   */
  like: boolean;
}

/**
 * Every row that names an indicator level in a cell of its own (a level label merged down from the row above
 * continues that header), with its columns: matched once, for the tables read and for those that could not be.
 */
function scanHeaderRows(view: View): Map<number, HeaderRow> {
  const found = new Map<number, HeaderRow>();
  for (let r = 0; r < view.rows; r++) {
    if (!mayBeHeader(view.grid, r)) continue;
    const cols = matchColumns(view, r, INDICATOR_COLUMNS);
    const own = [cols.level1, cols.level2, cols.level3].filter((c) => c !== undefined && view.raw(r, c) !== null && view.raw(r, c) !== "");
    if (!own.length) continue;
    let last = r;
    // 云南: 年度指标值 over 指标性质 / 指标值 / 度量单位 in the row below.
    const below = r + 1 < view.rows ? matchColumns(view, r + 1, INDICATOR_COLUMNS) : {};
    if (below.nature !== undefined || below.unit !== undefined) {
      for (const key of ["nature", "value", "unit", "actual", "weight", "score"] as const) if (below[key] !== undefined && (cols[key] === undefined || key === "nature" || key === "value" || key === "unit")) cols[key] = below[key];
      if (below.value !== undefined) delete cols.target;
      last = r + 1;
    }
    const levels = [cols.level1, cols.level2, cols.level3].filter((c) => c !== undefined).length;
    found.set(r, { cols, last, like: levels >= 2 || (cols.level3 !== undefined && (cols.score !== undefined || cols.actual !== undefined)) });
    r = last;
  }
  return found;
}

/** What a header lacks to be read as a 自评表's; empty when it can be read. */
function missingColumns(cols: Partial<Record<IndicatorKey, number>>): string[] {
  return [
    cols.level3 === undefined ? "“三级指标/指标名称”" : "",
    cols.target === undefined && cols.value === undefined && cols.nature === undefined ? "“年度指标值/年初目标值/指标值”" : "",
    cols.actual === undefined ? "“实际完成值/完成值”" : "",
    cols.score === undefined ? "“得分”" : "",
  ].filter(Boolean);
}

function findHeaders(view: View, rows: ReadonlyMap<number, HeaderRow>): Header[] {
  const headers: Header[] = [];
  for (const [r, found] of rows) {
    const cols = { ...found.cols };
    // The columns of a table beside this one are not this one's.
    const beside = cols.level3 === undefined ? undefined : besideStart(view, r, cols.level3);
    if (beside !== undefined) for (const key of Object.keys(cols) as IndicatorKey[]) if ((cols[key] ?? 0) >= beside) delete cols[key];
    // An indicator list (no 得分 column) is what 生成自评表 starts from, not a 自评表 to check.
    if (missingColumns(cols).length) continue;
    const first = Math.min(...Object.values(cols).filter((c): c is number => c !== undefined));
    const lead = view.lead(r);
    headers.push({ row: r, last: found.last, cols, block: lead && lead.col < first ? lead : null, ...(beside !== undefined ? { beside } : {}) });
  }
  return headers;
}

/** The row's title when it reads as a 自评表's: a short label about a 自评表, not a footer, and no figure in the row. */
function titleAt(view: View, r: number): { text: string; col: number } | null {
  const row = view.grid.values[r];
  // One pass of `includes` first: most rows of most sheets say nothing of 自评.
  if (!row || !row.some((v) => typeof v === "string" && v.includes("自评")) || row.some((v) => typeof v === "number")) return null;
  const lead = view.lead(r);
  if (!lead || !TITLE.test(lead.text) || lead.text.length >= 60 || FOOTER.test(lead.text) || NARRATIVE.test(lead.text)) return null;
  return { text: view.text(r, lead.col), col: lead.col };
}

/**
 * The title and project name above a header, from the last title between `from` and the header: an earlier
 * title there heads another table (one that could not be read), and so does the 项目名称 under it.
 */
function titleAbove(view: View, from: number, to: number): { title: string; project: string | null; row: number | null } {
  let title = "";
  let row: number | null = null;
  let project: string | null = null;
  for (let r = to - 1; r >= from; r--) {
    if (titleAt(view, r)) {
      from = r;
      break;
    }
  }
  for (let r = from; r < to; r++) {
    for (let c = 0; c < view.cols; c++) {
      const t = view.label(r, c);
      if (!t) continue;
      if (!title && TITLE.test(t) && t.length < 60) [title, row] = [view.text(r, c), r];
      if (project === null) {
        const m = /^(项目名称|部门名称)[:：]?(.*)$/.exec(t);
        if (m && m[2]) project = m[2];
        else if (m) {
          for (let k = c + 1; k < view.cols; k++) {
            const v = view.text(r, k);
            if (v && normalizeLabel(v) !== t) {
              project = v;
              break;
            }
          }
        }
      }
      break;
    }
  }
  return { title, project, row };
}

function family(header: Header, budget: BudgetBlock | null, title: string): string {
  if (/部门整体/.test(title)) return "部门整体支出绩效自评表";
  if (header.last > header.row) return "云南（两行表头）";
  if (header.cols.nature !== undefined) return "四川";
  if (header.cols.weight === undefined) return "湖北项目自评表（无分值列）";
  if (budget && /项目资金/.test(budget.label)) return "财预〔2020〕10号 附件1";
  if (header.cols.rule !== undefined) return "湖北/武汉（种子表）";
  return "财预〔2020〕10号 附件1";
}

/** The indicator rows under one header, up to its 总分/合计 row, a footer or the next table. */
function readIndicators(view: View, h: Header, end: number, headerRows: ReadonlyMap<number, HeaderRow>): { rows: SelfEvalRow[]; placeholders: number; total?: { score: CellValue; weight: CellValue; scoreCell?: string; weightCell?: string }; stop: number } {
  const { cols } = h;
  const rows: SelfEvalRow[] = [];
  let placeholders = 0;
  let [l1, l2] = ["", ""];
  const leftmost = Math.min(h.block?.col ?? Infinity, ...Object.values(cols).filter((c): c is number => c !== undefined));
  for (let r = h.last + 1; r < end; r++) {
    const lead = view.lead(r);
    if (!lead) continue;
    const first = view.label(r, leftmost);
    const l1text = view.label(r, cols.level1);
    if (TOTAL.test(first) || TOTAL.test(l1text) || (lead.col <= leftmost + 1 && TOTAL.test(lead.text))) {
      return { rows, placeholders, total: { score: view.value(r, cols.score), weight: view.value(r, cols.weight), scoreCell: view.address(r, cols.score), weightCell: view.address(r, cols.weight) }, stop: r };
    }
    // Another table's title or header (read or not) ends this one.
    if (FOOTER.test(first) || FOOTER.test(lead.text) || (TITLE.test(lead.text) && lead.text.length < 60) || headerRows.get(r)?.like) return { rows, placeholders, stop: r };
    const level1 = view.text(r, cols.level1);
    const level2 = view.text(r, cols.level2);
    const level3 = view.text(r, cols.level3);
    if (level1 && level1 !== l1) [l1, l2] = [level1, ""];
    if (level2) l2 = level2;
    const figures = (["target", "value", "actual", "weight", "score"] as const).some((k) => view.text(r, cols[k]) !== "");
    if (!figures && (!level3 || PLACEHOLDER.test(normalizeLabel(level3)))) {
      placeholders++;
      continue;
    }
    if (PLACEHOLDER.test(normalizeLabel(level3)) && !view.text(r, cols.actual) && !view.text(r, cols.score)) {
      placeholders++;
      continue;
    }
    const nature = normalizeLabel(view.value(r, cols.nature));
    const value = view.value(r, cols.value);
    const unit = view.text(r, cols.unit);
    const split = cols.value !== undefined || cols.nature !== undefined;
    const target: CellValue = split ? (nature === "定性" ? value : `${nature}${value ?? ""}${unit === "/" ? "" : unit}`) : view.value(r, cols.target);
    rows.push({
      level1: l1,
      level2: l2,
      level3,
      target,
      actual: view.value(r, cols.actual),
      weight: view.value(r, cols.weight),
      rule: view.value(r, cols.rule),
      score: view.value(r, cols.score),
      ...(nature === "定性" ? { method: "qualitative" as const } : {}),
      ...(cols.reason !== undefined ? { reason: view.value(r, cols.reason) } : {}),
      cells: {
        score: view.address(r, cols.score),
        weight: view.address(r, cols.weight),
        reason: view.address(r, cols.reason),
        actual: view.address(r, cols.actual),
        row: view.address(r, cols.level3),
      },
    });
  }
  return { rows, placeholders, stop: end };
}

export function readSelfEvalTables(grid: Grid): ReadTables {
  const view = new View(grid);
  const headerRows = scanHeaderRows(view);
  const headers = findHeaders(view, headerRows);
  const tables: SelfEvalTable[] = [];
  const unread: UnreadTable[] = [];
  let from = 0;
  // Rows of each table read, from its title (else its header) to its 总分 row or last indicator row.
  const owned: [number, number][] = [];
  headers.forEach((h, i) => {
    const next = headers[i + 1]?.row ?? view.rows;
    // A header above this one that could not be read heads another table, with its title and budget block:
    // this table's own start below it.
    for (const [r, found] of headerRows) if (found.like && r >= from && r < h.row) from = found.last + 1;
    const above = titleAbove(view, from, h.row);
    const budget = readBudget(view, above.row ?? from, h.row);
    const read = readIndicators(view, h, next, headerRows);
    // The next table's title and budget block sit between this one's end and the next header (a title that
    // ended this table is the next one's).
    from = read.total ? read.stop + 1 : read.stop;
    owned.push([above.row ?? h.row, from - 1]);
    const unreadParts: string[] = [...(budget?.unread ?? [])];
    if (!budget) unreadParts.push("预算执行（本表未见预算执行数/项目资金栏）");
    if (h.cols.weight === undefined) unreadParts.push("分值（本表没有分值列：各行得分无法逐行核对，只核对一级指标分值和总分）");
    if (!read.total) unreadParts.push("总分（表格在总分/合计行之前结束）");
    const rows = [...(budget?.rows ?? []), ...read.rows];
    const groups = new Map<string, { label: string; weight: Decimal; cell?: string }>();
    for (const row of read.rows) {
      const w = points(normalizeLabel(row.level1));
      if (w && !groups.has(row.level1)) groups.set(row.level1, { label: row.level1, weight: w });
    }
    const blockWeight = h.block ? points(h.block.text) : null;
    const fromTitle = above.title.replace(/部门预算项目支出绩效自评表|项目支出绩效自评表|项目自评表|自评表/g, "").replace(/^\d{4}年度?/, "").trim();
    tables.push({
      project: above.project ?? (fromTitle || grid.sheet),
      sheet: grid.sheet,
      rows,
      printedTotal: read.total?.score ?? undefined,
      totalCell: read.total?.scoreCell,
      printedWeightTotal: read.total?.weight ?? undefined,
      weightTotalCell: read.total?.weightCell,
      title: above.title,
      family: family(h, budget, above.title),
      hasWeights: h.cols.weight !== undefined,
      hasBudget: !!budget?.rows.length,
      groups: [...groups.values()],
      ...(h.block && blockWeight ? { indicatorBlock: { label: view.text(h.row, h.block.col), weight: blockWeight } } : {}),
      placeholders: read.placeholders,
      read: [budget?.rows.length ? `预算执行（${budget.label}）` : "", `指标 ${read.rows.length} 行`, read.total ? "总分" : ""].filter(Boolean),
      unread: unreadParts,
    });
  });
  for (const [i, h] of headers.entries()) if (h.beside !== undefined) unread.push(besideTable(view, h.beside, tables[i], owned[i][0], h.row));
  unread.push(...unreadBlocks(view, owned, headerRows));
  return { tables, unread };
}

const HEADER_WORDS = "“三级指标”“年度指标值/年初目标值/指标值”“实际完成值/完成值”“得分”";

/**
 * Every block outside the tables read that looks like a 自评表 — a title (项目支出绩效自评表 …) or an indicator
 * header with a 得分 column — each with where it starts and why it could not be read. A header without a
 * title and without 得分 is an indicator list (what 生成自评表 starts from), not a 自评表.
 */
function unreadBlocks(view: View, owned: readonly [number, number][], headerRows: ReadonlyMap<number, HeaderRow>): UnreadTable[] {
  const blocks: { row: number; col: number; title: string; header?: { row: number; missing: string[] } }[] = [];
  // The block a header below a title belongs to; closed by a table read.
  let open: (typeof blocks)[number] | null = null;
  for (let r = 0; r < view.rows; r++) {
    const table = owned.find(([a, b]) => r >= a && r <= b);
    if (table) {
      [r, open] = [table[1], null];
      continue;
    }
    const title = titleAt(view, r);
    if (title) {
      open = { row: r, col: title.col, title: title.text };
      blocks.push(open);
      continue;
    }
    const header = headerRows.get(r);
    if (!header?.like) continue;
    const missing = missingColumns(header.cols);
    if (open && !open.header) open.header = { row: r, missing };
    else if (header.cols.score !== undefined) blocks.push({ row: r, col: view.lead(r)?.col ?? 0, title: "", header: { row: r, missing } });
    r = header.last;
  }
  return blocks.map((b) => {
    const at = view.address(b.row, b.col) ?? "";
    const name = b.title ? `标题为“${b.title}”（${at} 起）` : `${at} 起的自评表表头`;
    const why = !b.header
      ? `其下未找到含${HEADER_WORDS}的表头`
      : b.header.missing.length
        ? `${b.title ? `其表头（第 ${view.grid.origin.row + b.header.row + 1} 行）` : ""}缺少${b.header.missing.join("")}列`
        : "表头各列齐全，但其下的指标行未能读取";
    return { sheet: view.grid.sheet, title: b.title, cell: at, reason: `${name}，但${why}，无法读取，此表未经校验` };
  });
}

/** A table set beside a table read: named by its title above its header, if it has one, and where it starts. */
function besideTable(view: View, col: number, left: SelfEvalTable, from: number, row: number): UnreadTable {
  let title = "";
  for (let r = from; r < row && !title; r++) {
    for (let c = col; c < view.cols && !title; c++) {
      const t = view.label(r, c);
      if (TITLE.test(t) && t.length < 60 && view.label(r, c - 1) !== t) title = view.text(r, c);
    }
  }
  const at = view.address(row, col) ?? "";
  const name = title ? `标题为“${title}”的自评表（表头在 ${at}）` : `${at} 起的自评表表头`;
  return { sheet: view.grid.sheet, title, cell: at, reason: `${name}与左侧的“${left.project}”并排在同一行：并排的表无法读取，此表未经校验（请将它移到其下方或单独的工作表）` };
}
