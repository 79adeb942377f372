// Names against the 科目 catalogue: a known code printed under another name is worth a warning (a code typed
// wrong, or a name from another year). Codes the catalogue does not know are not reported: it is partial.
import type { Catalog } from "../catalog/catalog";
import type { Table } from "../model";
import type { Checker } from "./checker";

export function checkCatalogNames(table: Table, catalog: Catalog, ck: Checker): void {
  const rows =
    table.kind === "code"
      ? table.rows.filter((r) => r.code).map((r) => ({ code: r.code as string, name: r.name, cell: Object.values(r.cells).find((a) => a !== undefined), scheme: "function" as const }))
      : table.kind === "econ"
        ? table.items.map((i) => ({ code: i.code, name: i.name, cell: i.amount, scheme: "economic" as const }))
        : [];
  for (const row of rows) {
    if (!row.name || catalog.nameMatches(row.code, row.name, row.scheme) !== false) continue;
    const expected = catalog.lookup(row.code, row.scheme)?.name ?? "";
    ck.flag(
      { rule: "CAT-名称", table: table.id, what: "" },
      "warning",
      { sheet: table.sheet, cells: row.cell ? [row.cell.address] : [] },
      `${table.id} 科目 ${row.code} 的名称“${row.name}”与科目目录“${expected}”不一致（请核对编码或名称）`,
      { expected, found: row.name },
    );
  }
}
