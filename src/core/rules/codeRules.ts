// 表2, 表3, 表5, 表8, 表9: each row's total equals its columns (the printed 栏 notes), and down the
// classification tree each 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, column by column (docs/rules.md).
import { parentCode } from "../codes";
import type { CodeRow, CodeTable } from "../model";
import type { CodeColumnKey, CodeTableId } from "./catalogue";
import { type Checker, type Part, isSafeCents, minus } from "./checker";
import type { Identity } from "./identity";
import { columnName, describeRow, hasColumn, rowCell, totalCell, totalRow } from "./lines";

interface RowRule {
  rule: string;
  result: CodeColumnKey;
  parts: { key: CodeColumnKey; sign: 1 | -1 }[];
}

const plus = (...keys: CodeColumnKey[]) => keys.map((key) => ({ key, sign: 1 as const }));

/** Row identities of each table (the rule ids and texts are in catalogue.ts). */
const ROW_RULES: Record<CodeTableId, RowRule[]> = {
  表2: [{ rule: "T2-1栏", result: "total", parts: plus("fiscal", "superior", "business", "operating", "subordinate", "other") }],
  表3: [{ rule: "T3-1栏", result: "total", parts: plus("basic", "project", "toSuperior", "operating", "toSubordinate") }],
  表5: [{ rule: "T5-1栏", result: "total", parts: plus("basic", "project") }],
  表8: [
    { rule: "T8-6栏", result: "carryEnd", parts: [...plus("carryBegin", "income"), { key: "total", sign: -1 }] },
    { rule: "T8-3栏", result: "total", parts: plus("basic", "project") },
  ],
  表9: [
    { rule: "T9-6栏", result: "carryEnd", parts: [...plus("carryBegin", "income"), { key: "total", sign: -1 }] },
    { rule: "T9-1栏", result: "total", parts: plus("basic", "project") },
  ],
};

/** The table's tree: each row's nearest present ancestor, and the rows whose direct parent is missing. */
export interface Hierarchy {
  children: Map<CodeRow | "top", CodeRow[]>;
  orphans: { row: CodeRow; missing: string; rolledInto: CodeRow | undefined }[];
}

/** The nearest row at or above `code` in the classification that the table actually has. */
function presentAncestor(code: string | null, byCode: ReadonlyMap<string, CodeRow>): CodeRow | undefined {
  for (let p = code; p; p = parentCode(p)) {
    const row = byCode.get(p);
    if (row) return row;
  }
  return undefined;
}

export function hierarchy(t: CodeTable): Hierarchy {
  const byCode = t.byCode;
  const children: Hierarchy["children"] = new Map();
  const orphans: Hierarchy["orphans"] = [];
  for (const row of t.rows) {
    if (!row.code) continue;
    const direct = parentCode(row.code);
    const parent = presentAncestor(direct, byCode);
    if (direct && parent?.code !== direct) orphans.push({ row, missing: direct, rolledInto: parent });
    const key = parent ?? "top";
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  return { children, orphans };
}

/** The row rules a table can run: those whose result and at least one part it prints. The others are
 *  reported as not applicable by `checkCodeTable`. */
function applicableRowRules(t: CodeTable): { rules: RowRule[]; notApplicable: { rule: string; why: string }[] } {
  const rules: RowRule[] = [];
  const notApplicable: { rule: string; why: string }[] = [];
  for (const r of ROW_RULES[t.id]) {
    const present = r.parts.filter((p) => hasColumn(t, p.key));
    if (!hasColumn(t, r.result)) notApplicable.push({ rule: r.rule, why: `${t.id} 没有“${columnName(t, r.result)}”栏` });
    else if (!present.length) notApplicable.push({ rule: r.rule, why: `${t.id} 没有${r.parts.map((p) => `“${columnName(t, p.key)}”`).join("、")}栏` });
    else rules.push({ ...r, parts: present });
  }
  return { rules, notApplicable };
}

/** A row rule's identity for one row (1栏 = 2 + 3 …). */
function rowIdentity(t: CodeTable, { rule, result, parts }: RowRule, names: string, row: CodeRow): Identity {
  const operands: Part[] = parts.map((p) => (p.sign === -1 ? minus(rowCell(t, row, p.key)) : rowCell(t, row, p.key)));
  return { rule, table: t.id, what: () => `${t.id} ${describeRow(row)} ${columnName(t, result)}`, fills: false, target: rowCell(t, row, result), parts: operands, partsWhat: names };
}

/** A subtotal of the tree in one column: a parent (or the 合计 row, `top`) = Σ its children. */
function treeIdentity(t: CodeTable, tree: Hierarchy, key: CodeColumnKey, parent: CodeRow | "top"): Identity {
  const level = parent === "top" ? "合计" : parent.level;
  return {
    rule: `${t.id.replace("表", "T")}-${level}`,
    table: t.id,
    what: () => `${t.id} ${parent === "top" ? "合计行" : describeRow(parent)} ${columnName(t, key)}`,
    fills: true,
    target: parent === "top" ? totalCell(t, key) : rowCell(t, parent, key),
    parts: (tree.children.get(parent) ?? []).map((k) => rowCell(t, k, key)),
    partsWhat: level === "合计" ? "各类" : level === "类" ? "所属各款" : "所属各项",
  };
}

/** Every identity of the table, in the order they are checked, each handed to `visit`: the row totals, then
 *  the tree column by column, deepest first (so that a filler can use what it computed for a 款 when it comes
 *  to the 类). `holds`, when given, is asked first with the bare cells, and an identity it says holds in cents
 *  is never built: most of the thousands in a table do. */
function eachIdentity(t: CodeTable, tree: Hierarchy, visit: (identity: Identity) => void, holds?: CentsCheck): void {
  // Row totals (1栏 = 2 + 3 …): checked, never filled — the 项 rows are what the accountant types.
  for (const r of applicableRowRules(t).rules) {
    const names = r.parts.map((p) => (p.sign === -1 ? "减" : "") + columnName(t, p.key)).join("、");
    for (const row of t.rows) if (!holds?.rowHolds(row, r)) visit(rowIdentity(t, r, names, row));
  }
  const depth = (p: CodeRow | "top") => (p === "top" ? 0 : (p.code?.length ?? 0));
  const parents = [...tree.children.entries()].sort(([a], [b]) => depth(b) - depth(a));
  const total = totalRow(t);
  for (const col of t.columns) {
    for (const [parent, children] of parents) {
      const target = parent === "top" ? total : parent;
      if (!(target && holds?.treeHolds(target, children, col.key))) visit(treeIdentity(t, tree, col.key, parent));
    }
  }
}

export function codeTableIdentities(t: CodeTable, tree: Hierarchy = hierarchy(t)): Identity[] {
  const out: Identity[] = [];
  eachIdentity(t, tree, (identity) => out.push(identity));
  return out;
}

/** The checker's fast path on a code table's own cells: a missing cell is a column the table does not print (0
 *  as a part; as a target it leaves the identity to the checker). Decides only what holds in exact cents. */
interface CentsCheck {
  rowHolds(row: CodeRow, rule: RowRule): boolean;
  treeHolds(target: CodeRow, children: readonly CodeRow[], key: CodeColumnKey): boolean;
}

function centsCheck(): CentsCheck {
  return {
    rowHolds(row, rule) {
      const t = row.cents(rule.result);
      if (t === null || t === undefined) return false;
      let sum = 0;
      for (const p of rule.parts) {
        const c = row.cents(p.key);
        if (c === null) return false;
        if (c === undefined) continue; // a column the table does not print is 0 as a part
        sum += p.sign === -1 ? -c : c;
        if (!isSafeCents(sum)) return false;
      }
      return sum === t;
    },
    treeHolds(target, children, key) {
      const t = target.cents(key);
      if (t === null || t === undefined) return false;
      let sum = 0;
      for (const k of children) {
        const c = k.cents(key);
        if (c === null) return false;
        if (c === undefined) continue;
        sum += c;
        if (!isSafeCents(sum)) return false;
      }
      return sum === t;
    },
  };
}

export function checkCodeTable(t: CodeTable, ck: Checker): void {
  const tree = hierarchy(t);
  const rule = `${t.id.replace("表", "T")}-层级`;
  for (const { row, missing, rolledInto } of tree.orphans) {
    const at = row.cells.total ?? { sheet: t.sheet, cells: [] };
    ck.flag({ rule, table: t.id, what: "" }, "warning", at, `${t.id} ${describeRow(row)} 的上级科目 ${missing} 不在表中，${rolledInto ? `按 ${describeRow(rolledInto)} 汇总` : "按合计汇总"}`);
  }
  for (const na of applicableRowRules(t).notApplicable) ck.notApplies({ rule: na.rule, table: t.id }, na.why);
  eachIdentity(t, tree, (id) => ck.sum(id, id.target, id.parts, id.partsWhat), ck.fast ? centsCheck() : undefined);
}
