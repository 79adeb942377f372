// 填充小计: from the cells an accountant types (the 项 rows, the detail lines), the plan of every subtotal and
// total to write — 款/类/合计 of 表2/3/5/8/9, the totals of 表1/表4/表6, the columns of 表7 — as formulas that
// reference their parts or as values. Pure: the Excel adapter previews, applies and undoes it.
import type { Catalog } from "../catalog/catalog";
import { TABLE_IDS, type TableId } from "../findings";
import { type Amount, type CodeTable, type Table, type Workbook, amountValue, isAbsent } from "../model";
import { Decimal, type CellValue, formatAmount } from "../money";
import { codeTableIdentities, hierarchy } from "../rules/codeRules";
import { table6Identities } from "../rules/econRules";
import type { Identity } from "../rules/identity";
import { describeRow } from "../rules/lines";
import { table7Identities } from "../rules/sangongRules";
import { table1Identities, table4Identities } from "../rules/summaryRules";
import { type Term, sumFormula } from "./formula";

export type FillMode = "formula" | "value";

export interface PlannedWrite {
  table: TableId;
  sheet: string;
  address: string;
  what: string;
  /** What the cell shows now, and its formula if it has one. */
  old: CellValue;
  oldFormula: string | null;
  /** The subtotal: a number, or null where every part is blank (an empty table stays empty). */
  value: Decimal | null;
  /** The formula written in formula mode. */
  formula: string;
}

export interface MissingParent {
  table: TableId;
  sheet: string;
  code: string;
  /** The catalogue's name for it, when the catalogue knows the code. */
  name: string | null;
  /** The rows under it, by code. */
  children: string[];
  /** Where the row would go: above its first child (0-based sheet row), and what it would hold. */
  insertAt: number;
  cells: { column: string; value: string }[];
}

export interface SubtotalPlan {
  mode: FillMode;
  writes: PlannedWrite[];
  missing: MissingParent[];
  /** Subtotals that could not be worked out, and why (an unreadable part). */
  problems: string[];
}

function identitiesOf(table: Table): Identity[] {
  switch (table.kind) {
    case "summary":
      return table.id === "表1" ? table1Identities(table) : table4Identities(table);
    case "code":
      return codeTableIdentities(table);
    case "econ":
      return table6Identities(table);
    case "sangong":
      return table7Identities(table);
  }
}

const key = (a: Amount) => `${a.sheet}!${a.address}`;

interface Computed {
  value: Decimal;
  blank: boolean;
}

/** A part of a subtotal: a cell, or a signed cell (表8: 6栏 = 1 + 2 − 3). */
export type SubtotalPart = Amount | { amount: Amount; sign: 1 | -1 };

/** A subtotal 填充小计 can write: its target is a cell of the table. A part the table does not print is left
 *  out (it is 0); one that was not read leaves `unreadable` set, and the subtotal is not worked out. */
export interface SubtotalIdentity {
  rule: string;
  table: TableId;
  what: Identity["what"];
  target: Amount;
  parts: SubtotalPart[];
  /** A part that should be there and was not read: the subtotal cannot be worked out. */
  unreadable: string | null;
}

function toSubtotal(identity: Identity, target: Amount): SubtotalIdentity {
  const parts: SubtotalPart[] = [];
  let unreadable: string | null = null;
  for (const p of identity.parts) {
    const [ref, sign] = "ref" in p ? [p.ref, p.sign] : [p, 1 as const];
    if (isAbsent(ref)) {
      if (!ref.notPrinted) unreadable ??= `${ref.what}${ref.why}`;
      continue;
    }
    parts.push(sign === -1 ? { amount: ref, sign } : ref);
  }
  return { rule: identity.rule, table: identity.table, what: identity.what, target, parts, unreadable };
}

/** The subtotals 填充小计 writes in a table: one identity per target cell (the first that defines it: the
 *  deepest level, the row totals before the column totals). */
export function subtotalIdentities(table: Table): SubtotalIdentity[] {
  const byTarget = new Map<string, SubtotalIdentity>();
  for (const identity of identitiesOf(table)) {
    const target = identity.target;
    if (identity.fills && !isAbsent(target) && !byTarget.has(key(target))) byTarget.set(key(target), toSubtotal(identity, target));
  }
  return [...byTarget.values()];
}

export function planSubtotals(
  workbook: Workbook,
  opts: { tables?: readonly TableId[]; mode: FillMode; catalog?: Catalog; formulas?: ReadonlyMap<string, string> },
): SubtotalPlan {
  const writes: PlannedWrite[] = [];
  const missing: MissingParent[] = [];
  const problems: string[] = [];
  for (const id of opts.tables ?? TABLE_IDS) {
    const table = workbook.tables[id];
    if (!table) continue;
    const byTarget = new Map(subtotalIdentities(table).map((i) => [key(i.target), i]));
    const memo = new Map<string, Computed | null>();
    const compute = (a: Amount, seen: Set<string>): Computed | null => {
      const k = key(a);
      const identity = byTarget.get(k);
      if (!identity) {
        const v = amountValue(a);
        return v === undefined ? null : { value: v, blank: a.read.kind === "blank" };
      }
      if (memo.has(k)) return memo.get(k) ?? null;
      if (seen.has(k) || identity.unreadable) return null;
      seen.add(k);
      let total = new Decimal(0);
      let blank = true;
      for (const p of identity.parts) {
        const operand = "read" in p ? { amount: p, sign: 1 } : p;
        const c = compute(operand.amount, seen);
        if (!c) {
          memo.set(k, null);
          return null;
        }
        total = operand.sign === -1 ? total.minus(c.value) : total.plus(c.value);
        blank &&= c.blank;
      }
      const result = { value: total, blank };
      memo.set(k, result);
      return result;
    };

    for (const identity of byTarget.values()) {
      const target = identity.target;
      const what = typeof identity.what === "string" ? identity.what : identity.what();
      const computed = compute(target, new Set());
      if (!computed) {
        problems.push(`${what}：${identity.unreadable ? `${identity.unreadable}` : "有无法读取的单元格"}，未填充`);
        continue;
      }
      const terms: Term[] = identity.parts.map((p) => ("read" in p ? { address: p.address, sign: 1 } : { address: p.amount.address, sign: p.sign }));
      const formula = sumFormula(terms);
      const oldFormula = opts.formulas?.get(key(target)) ?? null;
      const value = computed.blank ? null : computed.value;
      // Nothing to write where the cell already says it, or where the parts are all blank and so is the cell.
      if (computed.blank && target.read.kind === "blank" && !oldFormula) continue;
      if (opts.mode === "formula" ? oldFormula === formula : !oldFormula && sameValue(target, value)) continue;
      writes.push({ table: id, sheet: target.sheet, address: target.address, what, old: target.raw, oldFormula, value, formula });
    }
    if (table.kind === "code") missing.push(...missingParents(table, opts.catalog));
  }
  return { mode: opts.mode, writes, missing, problems };
}

function sameValue(target: Amount, value: Decimal | null): boolean {
  if (value === null) return target.read.kind === "blank";
  const current = amountValue(target);
  return target.read.kind === "amount" && current !== undefined && formatAmount(current) === formatAmount(value) && typeof target.raw === "number";
}

function missingParents(t: CodeTable, catalog: Catalog | undefined): MissingParent[] {
  const byCode = new Map<string, MissingParent>();
  for (const { row, missing } of hierarchy(t).orphans) {
    let entry = byCode.get(missing);
    if (!entry) {
      const name = catalog?.lookup(missing)?.name ?? null;
      entry = { table: t.id, sheet: t.sheet, code: missing, name, children: [], insertAt: t.sheetRows.get(row) ?? 0, cells: rowCells(t, missing, name) };
      byCode.set(missing, entry);
    }
    entry.children.push(describeRow(row));
  }
  return [...byCode.values()];
}

/** The code (whole, or split into 类|款|项 parts) and the name of a row to insert. */
function rowCells(t: CodeTable, code: string, name: string | null): { column: string; value: string }[] {
  const { codeColumns, nameColumn } = t.layout;
  const parts = codeColumns.length === 3 ? [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)] : [code];
  const cells = codeColumns.map((column, i) => ({ column, value: parts[i] ?? "" })).filter((c) => c.value);
  if (nameColumn && name) cells.push({ column: nameColumn, value: name });
  return cells;
}
