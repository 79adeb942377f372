// One set of figures in many layouts: the sample's sheets, re-laid as other provinces and years print them.
// Each layout is a list of steps on the sheet specs; the steps that re-render a table (表6, 表7) take its figures
// from the cells the core read in the original layout, so the same figures reach every layout.
import type { CodeTable, EconTable, SanGongTable, Workbook } from "../../src/core/model";
import type { SanGongItem } from "../../src/core/rules/catalogue";
import { recognizeWorkbook } from "../../src/core/tables/recognize";
import type { Cell, SheetSpec } from "../../scripts/samples/sheetSpec";
import { clone, getCell, insertColumns, moveRow, offset, removeColumns, setCell, toGrids } from "./specOps";
import { columnIndex } from "../../src/core/grid";

/** What a step sees: the specs being changed and the tables read from them before any step ran. */
interface Context {
  specs: SheetSpec[];
  base: Workbook;
}

type Step = (ctx: Context) => void;

export interface Layout {
  name: string;
  steps: Step[];
  /** Rules whose findings only this layout can produce (an extra table listed, the 表7 合计 reading named). */
  adds: string[];
  /** A layout that cannot show these figures (a 表7 without 小计 when 小计 ≠ 购置费 + 运行费): skipped. */
  applies?: (base: Workbook) => boolean;
}

const sheetOf = (ctx: Context, name: string): SheetSpec => {
  const s = ctx.specs.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

const codeTables = (wb: Workbook): CodeTable[] => Object.values(wb.tables).filter((t): t is CodeTable => t?.kind === "code");

// ---------------------------------------------------------------- steps

/** Every blank amount cell written as 0.00. */
const zeros: Step = (ctx) => {
  for (const t of Object.values(ctx.base.tables)) {
    if (!t) continue;
    for (const a of t.amounts) if (a.read.kind === "blank") setCell(sheetOf(ctx, t.sheet), a.address, 0);
  }
};

/** Codes in one cell become 类|款|项 columns, and split codes one cell. Runs before any geometry step. */
const toggleCodes: Step = (ctx) => {
  for (const t of codeTables(ctx.base)) {
    const spec = sheetOf(ctx, t.sheet);
    const cols = t.layout.codeColumns.map(columnIndex);
    if (cols.length === 1) {
      const [c] = cols;
      const headerRow = spec.rows.findIndex((r) => typeof r[c] === "string" && /编码$/.test(r[c] as string));
      insertColumns(spec, c + 1, 2);
      for (const row of t.rows) {
        if (!row.code) continue;
        const r = row.row;
        spec.rows[r][c] = row.code.slice(0, 3);
        spec.rows[r][c + 1] = row.code.slice(3, 5) || null;
        spec.rows[r][c + 2] = row.code.slice(5, 7) || null;
      }
      spec.rows[headerRow][c] = "类";
      spec.rows[headerRow][c + 1] = "款";
      spec.rows[headerRow][c + 2] = "项";
    } else if (cols.length === 3) {
      const [c] = cols;
      for (const row of t.rows) if (row.code) spec.rows[row.row][c] = row.code;
      const leafRow = spec.rows.findIndex((r) => r[c] === "类");
      if (leafRow >= 0) spec.rows[leafRow][c] = null;
      removeColumns(spec, c + 1, 2);
    }
  }
};

/** 合计 on top goes to the bottom of the table, and at the bottom to the top. */
const flipTotals: Step = (ctx) => {
  for (const t of codeTables(ctx.base)) {
    const total = t.rows.find((r) => r.level === "合计");
    if (!total || t.rows.length < 2) continue;
    const rows = t.rows.map((r) => r.row);
    const [first, last] = [Math.min(...rows), Math.max(...rows)];
    const spec = sheetOf(ctx, t.sheet);
    if (total.row === first) moveRow(spec, first, last + 1);
    else moveRow(spec, total.row, first);
  }
};

const noMerges: Step = (ctx) => {
  for (const s of ctx.specs) s.merges = [];
};

const shift: Step = (ctx) => {
  ctx.specs.forEach((s, i) => offset(s, 2 + (i % 3), 1 + (i % 2)));
};

/** Sheets renamed and put in another order; the tables printed under other numbers and other title words. */
const renumber: Step = (ctx) => {
  for (const t of Object.values(ctx.base.tables)) {
    if (!t?.titleAddress) continue;
    const spec = sheetOf(ctx, t.sheet);
    const n = 10 - Number(t.id.slice(1));
    const title = String(getCell(spec, t.titleAddress) ?? "")
      .replace(/\(表\d\)/, "")
      .replace(/^(\d{4}年度)?收入决算表/, "$1收入决算总表")
      .replace(/^(\d{4}年度)?支出决算表/, "$1支出决算总表")
      .replace(/基本支出决算表/, "基本支出决算明细表");
    setCell(spec, t.titleAddress, `${title}（公开${String(n).padStart(2, "0")}表）`);
  }
  ctx.specs.forEach((s, i) => (s.name = `Sheet${ctx.specs.length - i}`));
  ctx.specs.reverse();
};

/** Tables of the larger sets that are not among the nine, with figures. */
const extraTables: Step = (ctx) => {
  const year = Object.values(ctx.base.tables).find((t) => t?.preamble.year)?.preamble.year ?? "2020";
  const extra = (name: string, title: string): SheetSpec => ({
    name,
    rows: [[`${year}年度${title}`], ["单位：万元"], ["项目", "科目编码", "合计", "基本支出", "项目支出"], ["合计", null, 120.5, 20.5, 100], ["信息化建设", "2010150", 100, null, 100]],
    merges: [],
    headerRows: [3],
  });
  ctx.specs.splice(3, 0, extra("项目支出", "项目支出决算表"));
  ctx.specs.push(extra("机关运行经费", "机关运行经费支出决算表"));
};

// ---------------------------------------------------------------- 表7

interface T7Shape {
  arrangement: "grouped" | "interleaved";
  subtotal: boolean;
  running: "运行费" | "运行维护费";
  extras: boolean;
}

const T7_ITEMS = (s: T7Shape): SanGongItem[] => [
  "total",
  "abroad",
  ...(s.subtotal ? (["carSubtotal"] as const) : []),
  "carPurchase",
  "carRunning",
  "reception",
  ...(s.extras ? (["meeting", "training"] as const) : []),
];

const carGroup = (s: T7Shape) => `公务用车购置及${s.running}`;

function t7Label(item: SanGongItem, s: T7Shape): { top: string | null; sub: string | null } {
  switch (item) {
    case "total":
      return { top: "合计", sub: null };
    case "abroad":
      return { top: "因公出国(境)费", sub: null };
    case "carSubtotal":
      return { top: carGroup(s), sub: "小计" };
    case "carPurchase":
      return { top: carGroup(s), sub: "公务用车购置费" };
    case "carRunning":
      return { top: carGroup(s), sub: `公务用车${s.running}` };
    case "reception":
      return { top: "公务接待费", sub: null };
    case "meeting":
      return { top: "会议费", sub: null };
    case "training":
      return { top: "培训费", sub: null };
  }
}

/** The 表7 sheet rendered again: title and department lines kept, header and figures in the given shape. */
function renderTable7(shape: T7Shape): Step {
  return (ctx) => {
    const t = ctx.base.tables["表7"] as SanGongTable | undefined;
    if (!t) return;
    const spec = sheetOf(ctx, t.sheet);
    const dataRow = Number((t.final.total ?? t.budget.total)?.address.replace(/^[A-Z]+/, "")) - 1;
    const headerStart = spec.rows.findIndex((r, i) => i > 0 && r.some((c) => typeof c === "string" && /预算数|因公出国|^合计$/.test(c)));
    const value = (cells: SanGongTable["budget"], item: SanGongItem): Cell => {
      const a = cells[item];
      if (a) return getCell(spec, a.address);
      return item === "meeting" ? 1.5 : item === "training" ? 2.5 : null;
    };
    const items = T7_ITEMS(shape);
    const cols: { item: SanGongItem; group: "预算数" | "决算数" }[] =
      shape.arrangement === "grouped"
        ? (["预算数", "决算数"] as const).flatMap((group) => items.map((item) => ({ item, group })))
        : items.flatMap((item) => (["预算数", "决算数"] as const).map((group) => ({ item, group })));
    const colName = (i: number) => String.fromCharCode(65 + i);
    const label = (i: number) => t7Label(cols[i].item, shape);
    // Rows (1-based on the sheet) of the group line (预算数/决算数), the item line and the sub-item line.
    const grouped = shape.arrangement === "grouped";
    const [groupAt, topAt, subAt] = grouped ? [headerStart + 1, headerStart + 2, headerStart + 3] : [headerStart + 3, headerStart + 1, headerStart + 2];
    const lines: Record<number, Cell[]> = { [groupAt]: [], [topAt]: [], [subAt]: [] };
    const merges: string[] = [];
    const runs = (same: (i: number, j: number) => boolean): [number, number][] => {
      const out: [number, number][] = [];
      for (let i = 0; i < cols.length; ) {
        let j = i;
        while (j + 1 < cols.length && same(i, j + 1)) j++;
        out.push([i, j]);
        i = j + 1;
      }
      return out;
    };
    const block = (i: number) => (grouped ? cols[i].group : "");
    for (const [i, j] of runs((a, b) => block(a) === block(b) && label(a).top === label(b).top)) {
      lines[topAt][i] = label(i).top;
      const down = label(i).sub === null;
      if (j > i || down) merges.push(`${colName(i)}${topAt}:${colName(j)}${down ? subAt : topAt}`);
    }
    for (const [i, j] of runs((a, b) => block(a) === block(b) && cols[a].item === cols[b].item)) {
      if (label(i).sub !== null) {
        lines[subAt][i] = label(i).sub;
        if (j > i) merges.push(`${colName(i)}${subAt}:${colName(j)}${subAt}`);
      }
    }
    for (const [i, j] of runs((a, b) => cols[a].group === cols[b].group)) {
      lines[groupAt][i] = cols[i].group;
      if (j > i) merges.push(`${colName(i)}${groupAt}:${colName(j)}${groupAt}`);
    }
    const header = [headerStart + 1, headerStart + 2, headerStart + 3].map((r) => Array.from({ length: cols.length }, (_, c) => lines[r][c] ?? null));
    const data = cols.map((c) => value(c.group === "预算数" ? t.budget : t.final, c.item));
    spec.rows = [...spec.rows.slice(0, headerStart), ...header, data, ...spec.rows.slice(dataRow + 1)];
    spec.merges = [...spec.merges.filter((m) => Number(/\d+/.exec(m)?.[0]) <= headerStart), ...merges];
  };
}

/** A 表7 without 小计 shows the same figures only where 小计 = 购置费 + 运行费. */
const subtotalConsistent = (wb: Workbook): boolean => {
  const t = wb.tables["表7"] as SanGongTable | undefined;
  if (!t) return false;
  const v = (a: SanGongTable["budget"][SanGongItem]) => (a?.read.kind === "amount" ? a.read.value.toNumber() : 0);
  return [t.budget, t.final].every((g) => Math.abs(v(g.carSubtotal) - v(g.carPurchase) - v(g.carRunning)) < 1e-9);
};

// ---------------------------------------------------------------- 表6

/** 表6 rendered again in two or three lanes, its 合计 lines unmerged with the 公用经费合计 figure far right. */
function renderTable6(lanes: 2 | 3): Step {
  return (ctx) => {
    const t = ctx.base.tables["表6"] as EconTable | undefined;
    if (!t) return;
    const spec = sheetOf(ctx, t.sheet);
    const headerStart = spec.rows.findIndex((r, i) => i > 0 && r.some((c) => typeof c === "string" && /^(人员经费|科目编码)$/.test(c)));
    const totalRow = spec.rows.findIndex((r) => r.some((c) => typeof c === "string" && /公用经费合计/.test(c)));
    const personnel = t.items.filter((i) => /^30[13]/.test(i.code));
    const pub = t.items.filter((i) => !/^30[13]/.test(i.code));
    const groups = lanes === 2 ? [personnel, pub] : [personnel, pub.filter((i) => i.code.startsWith("302")), pub.filter((i) => !i.code.startsWith("302"))];
    const width = 3 * lanes;
    const rows: Cell[][] = [];
    rows.push(["人员经费", null, null, "公用经费", ...Array<Cell>(width - 4).fill(null)]);
    rows.push(Array.from({ length: width }, (_, i) => ["科目编码", "科目名称", "决算数"][i % 3]));
    const height = Math.max(...groups.map((g) => g.length));
    for (let r = 0; r < height; r++) {
      rows.push(groups.flatMap((g) => (g[r] ? [g[r].code, g[r].name, getCell(spec, g[r].amount.address)] : [null, null, null])));
    }
    const total = (a: EconTable["personnelTotal"]) => (a ? getCell(spec, a.address) : null);
    const last: Cell[] = Array<Cell>(width).fill(null);
    last[0] = "人员经费合计";
    last[2] = total(t.personnelTotal);
    last[3] = "公用经费合计";
    last[width - 1] = total(t.publicTotal);
    rows.push(last);
    const merges = [`A${headerStart + 1}:C${headerStart + 1}`, `D${headerStart + 1}:${String.fromCharCode(64 + width)}${headerStart + 1}`];
    spec.rows = [...spec.rows.slice(0, headerStart), ...rows, ...spec.rows.slice(totalRow + 1)];
    spec.merges = [...spec.merges.filter((m) => Number(/\d+/.exec(m)?.[0]) <= headerStart), ...merges];
  };
}

// ---------------------------------------------------------------- the layouts

/** The sample's own 表7 and 表6 shapes, and the other ones. */
const t7Other = (wb: Workbook): T7Shape["arrangement"] => ((wb.tables["表7"] as SanGongTable | undefined)?.arrangement === "interleaved" ? "grouped" : "interleaved");

function dynamic(pick: (ctx: Context) => Step): Step {
  return (ctx) => pick(ctx)(ctx);
}

/** Three lanes where the sample prints two, two where it prints three. */
const otherLanes = (ctx: Context): 2 | 3 => {
  const t = ctx.base.tables["表6"];
  const spec = t ? ctx.specs.find((s) => s.name === t.sheet) : undefined;
  const lanes = Math.max(0, ...(spec?.rows ?? []).map((r) => r.filter((c) => c === "科目编码").length));
  return lanes === 3 ? 2 : 3;
};

export const LAYOUTS: readonly Layout[] = [
  { name: "as published", steps: [], adds: [] },
  { name: "offset on the sheet", steps: [shift], adds: [] },
  { name: "sheets renamed, reordered, tables under other numbers, 总表/明细表 titles", steps: [renumber], adds: [] },
  { name: "no merged cells", steps: [noMerges], adds: [] },
  { name: "blank amounts written as 0.00", steps: [zeros], adds: [] },
  { name: "codes split ↔ joined", steps: [toggleCodes], adds: [] },
  { name: "合计 top ↔ bottom", steps: [flipTotals], adds: [] },
  { name: "表7 grouped ↔ interleaved", steps: [dynamic((ctx) => renderTable7({ arrangement: t7Other(ctx.base), subtotal: true, running: "运行费", extras: false }))], adds: [] },
  { name: "表7 运行维护费, 会议费/培训费 columns, no merges", steps: [dynamic((ctx) => renderTable7({ arrangement: t7Other(ctx.base), subtotal: true, running: "运行维护费", extras: true })), noMerges], adds: ["T7-口径"] },
  { name: "表7 without 小计", steps: [renderTable7({ arrangement: "grouped", subtotal: false, running: "运行费", extras: false })], adds: [], applies: subtotalConsistent },
  { name: "表6 in the other number of lanes, totals far right, unmerged", steps: [dynamic((ctx) => renderTable6(otherLanes(ctx))), noMerges], adds: [] },
  { name: "extra tables in the set", steps: [extraTables], adds: ["EXTRA"] },
  {
    name: "all at once",
    steps: [zeros, dynamic((ctx) => renderTable7({ arrangement: t7Other(ctx.base), subtotal: true, running: "运行维护费", extras: false })), dynamic((ctx) => renderTable6(otherLanes(ctx))), toggleCodes, flipTotals, renumber, noMerges, shift, extraTables],
    adds: ["EXTRA"],
  },
];

/** The specs of one layout, or null where the layout cannot show these figures. */
export function render(specs: readonly SheetSpec[], layout: Layout): SheetSpec[] | null {
  const base = recognizeWorkbook(toGrids(specs));
  if (layout.applies && !layout.applies(base)) return null;
  const ctx: Context = { specs: clone(specs), base };
  for (const step of layout.steps) step(ctx);
  return ctx.specs;
}
