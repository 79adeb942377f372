// 表2, 表3, 表5, 表8, 表9: each row's total equals its columns (the printed 栏 notes), and down the
// classification tree each 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, column by column.
import { parentCode } from "../codes";
import type { TableId } from "../findings";
import type { CodeRow, CodeTable } from "../model";
import { type Checker, type Operand, minus } from "./checker";
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

export function checkCodeTable(t: CodeTable, ck: Checker): void {
  for (const [rule, result, parts] of ROW_RULES[t.id] ?? []) {
    if (!t.columns.some((c) => c.key === result)) continue;
    const present = parts.filter((p) => t.columns.some((c) => c.key === p.replace(/^-/, "")));
    if (!present.length) continue;
    const names = present.map((p) => (p.startsWith("-") ? "减" : "") + columnLabel(t, p.replace(/^-/, ""))).join("、");
    for (const row of t.rows) {
      ck.sum({ rule, table: t.id, what: () => `${t.id} ${describeRow(row)} ${columnLabel(t, result)}` }, row.cells[result], present.map((p) => operand(row, p)), names);
    }
  }
  checkTree(t, ck);
}

/** The nearest row above a code in the classification that the table actually has. */
function presentAncestor(code: string, byCode: Map<string, CodeRow>): CodeRow | undefined {
  for (let p = parentCode(code); p; p = parentCode(p)) {
    const row = byCode.get(p);
    if (row) return row;
  }
  return undefined;
}

function checkTree(t: CodeTable, ck: Checker): void {
  const byCode = new Map(t.rows.filter((r) => r.code).map((r) => [r.code as string, r]));
  const children = new Map<CodeRow | "top", CodeRow[]>();
  for (const row of t.rows) {
    if (!row.code) continue;
    const parent = presentAncestor(row.code, byCode);
    const direct = parentCode(row.code);
    if (direct && !byCode.has(direct)) {
      ck.push({
        rule: `${t.id.replace("表", "T")}-层级`,
        severity: "warning",
        table: t.id,
        sheet: t.sheet,
        cells: [row.cells.total?.address ?? ""].filter(Boolean),
        expected: null,
        found: null,
        difference: null,
        message: `${t.id} ${describeRow(row)} 的上级科目 ${direct} 不在表中，${parent ? `按 ${describeRow(parent)} 汇总` : "按合计汇总"}`,
      });
    }
    const key = parent ?? "top";
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  const total = t.rows.find((r) => r.level === "合计");
  const rule = (level: string) => `${t.id.replace("表", "T")}-${level}`;
  for (const col of t.columns) {
    for (const [parent, kids] of children) {
      const target = parent === "top" ? total : parent;
      if (!target) continue;
      const level = parent === "top" ? "合计" : parent.level;
      ck.sum(
        { rule: rule(level), table: t.id, what: () => `${t.id} ${describeRow(target)} ${columnLabel(t, col.key)}` },
        target.cells[col.key],
        kids.map((k) => k.cells[col.key]),
        level === "合计" ? "各类" : level === "类" ? "所属各款" : "所属各项",
      );
    }
  }
}
