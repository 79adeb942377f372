// 表2, 表3, 表5, 表8, 表9: each row's total equals its columns (the printed 栏 notes), and down the
// classification tree each 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, column by column.
import { parentCode } from "../codes";
import type { TableId } from "../findings";
import type { CodeRow, CodeTable } from "../model";
import { type Checker, type Operand, minus } from "./checker";
import { type Identity, checkIdentities } from "./identity";
import { columnLabel, describeRow } from "./lines";

/** Row identities: [rule, result column, signed part columns]. */
const ROW_RULES: Partial<Record<TableId, [string, string, string[]][]>> = {
  表2: [["T2-1栏", "total", ["fiscal", "superior", "business", "operating", "subordinate", "other"]]],
  表3: [["T3-1栏", "total", ["basic", "project", "toSuperior", "operating", "toSubordinate"]]],
  表5: [["T5-1栏", "total", ["basic", "project"]]],
  表8: [
    ["T8-6栏", "carryEnd", ["carryBegin", "income", "-total"]],
    ["T8-3栏", "total", ["basic", "project"]],
  ],
  表9: [
    ["T9-6栏", "carryEnd", ["carryBegin", "income", "-total"]],
    ["T9-1栏", "total", ["basic", "project"]],
  ],
};

function operand(row: CodeRow, key: string): Operand {
  return key.startsWith("-") ? minus(row.cells[key.slice(1)]) : { amount: row.cells[key] };
}

/** The table's tree: each row's nearest present ancestor, and the rows whose direct parent is missing. */
export interface Hierarchy {
  children: Map<CodeRow | "top", CodeRow[]>;
  orphans: { row: CodeRow; missing: string; rolledInto: CodeRow | undefined }[];
}

/** The nearest row above a code in the classification that the table actually has. */
function presentAncestor(code: string, byCode: Map<string, CodeRow>): CodeRow | undefined {
  for (let p = parentCode(code); p; p = parentCode(p)) {
    const row = byCode.get(p);
    if (row) return row;
  }
  return undefined;
}

export function hierarchy(t: CodeTable): Hierarchy {
  const byCode = new Map(t.rows.filter((r) => r.code).map((r) => [r.code as string, r]));
  const children: Hierarchy["children"] = new Map();
  const orphans: Hierarchy["orphans"] = [];
  for (const row of t.rows) {
    if (!row.code) continue;
    const parent = presentAncestor(row.code, byCode);
    const direct = parentCode(row.code);
    if (direct && !byCode.has(direct)) orphans.push({ row, missing: direct, rolledInto: parent });
    const key = parent ?? "top";
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  return { children, orphans };
}

export function codeTableIdentities(t: CodeTable, tree: Hierarchy = hierarchy(t)): Identity[] {
  const out: Identity[] = [];
  // Row totals (1栏 = 2 + 3 …): checked, never filled — the 项 rows are what the accountant types.
  for (const [rule, result, parts] of ROW_RULES[t.id] ?? []) {
    if (!t.columns.some((c) => c.key === result)) continue;
    const present = parts.filter((p) => t.columns.some((c) => c.key === p.replace(/^-/, "")));
    if (!present.length) continue;
    const names = present.map((p) => (p.startsWith("-") ? "减" : "") + columnLabel(t, p.replace(/^-/, ""))).join("、");
    for (const row of t.rows) {
      out.push({ rule, table: t.id, what: () => `${t.id} ${describeRow(row)} ${columnLabel(t, result)}`, fills: false, target: row.cells[result], parts: present.map((p) => operand(row, p)), partsWhat: names });
    }
  }
  // The tree, column by column: 款 = Σ 项, 类 = Σ 款, 合计 = Σ 类 — deepest first, so that a filler can use
  // what it computed for a 款 when it comes to the 类.
  const total = t.rows.find((r) => r.level === "合计");
  const depth = (p: CodeRow | "top") => (p === "top" ? 0 : (p.code?.length ?? 0));
  const parents = [...tree.children.keys()].sort((a, b) => depth(b) - depth(a));
  for (const col of t.columns) {
    for (const parent of parents) {
      const target = parent === "top" ? total : parent;
      if (!target) continue;
      const level = parent === "top" ? "合计" : parent.level;
      out.push({
        rule: `${t.id.replace("表", "T")}-${level}`,
        table: t.id,
        what: () => `${t.id} ${describeRow(target)} ${columnLabel(t, col.key)}`,
        fills: true,
        target: target.cells[col.key],
        parts: (tree.children.get(parent) ?? []).map((k) => k.cells[col.key]),
        partsWhat: level === "合计" ? "各类" : level === "类" ? "所属各款" : "所属各项",
      });
    }
  }
  return out;
}

export function checkCodeTable(t: CodeTable, ck: Checker): void {
  const tree = hierarchy(t);
  for (const { row, missing, rolledInto } of tree.orphans) {
    ck.push({
      rule: `${t.id.replace("表", "T")}-层级`,
      severity: "warning",
      table: t.id,
      sheet: t.sheet,
      cells: [row.cells.total?.address ?? ""].filter(Boolean),
      expected: null,
      found: null,
      difference: null,
      message: `${t.id} ${describeRow(row)} 的上级科目 ${missing} 不在表中，${rolledInto ? `按 ${describeRow(rolledInto)} 汇总` : "按合计汇总"}`,
    });
  }
  checkIdentities(codeTableIdentities(t, tree), ck);
}
