// Names against the 科目 catalogue: a known code printed under another name is worth a warning (a code typed
// wrong, or a name from another year). Codes the catalogue does not know are not reported: it is partial.
import type { Catalog } from "../catalog/catalog";
import type { Amount, Table } from "../model";
import type { Checker } from "./checker";

export function checkCatalogNames(table: Table, catalog: Catalog, ck: Checker): void {
  const check = (code: string, name: string, cell: Amount | undefined, scheme: "function" | "economic") => {
    if (!name || catalog.nameMatches(code, name, scheme) !== false) return;
    const expected = catalog.lookup(code, scheme)?.name ?? "";
    ck.flag(
      { rule: "CAT-名称", table: table.id, what: "" },
      "warning",
      { sheet: table.sheet, cells: cell ? [cell.address] : [] },
      `${table.id} 科目 ${code} 的名称“${name}”与科目目录“${expected}”不一致（请核对编码或名称）`,
      { expected, found: name },
    );
  };
  if (table.kind === "code") {
    for (const r of table.rows) {
      if (!r.code) continue;
      // The row's first cell (in the order the columns were read).
      let cell: Amount | undefined;
      for (const key in r.cells) if ((cell = r.cells[key as keyof typeof r.cells]) !== undefined) break;
      check(r.code, r.name, cell, "function");
    }
  } else if (table.kind === "econ") {
    for (const i of table.items) check(i.code, i.name, i.amount, "economic");
  }
}
