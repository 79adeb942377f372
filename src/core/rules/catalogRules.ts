// Names against the 科目 catalogue: a known code printed under another name is worth a warning (a code typed
// wrong, or a name from another year). Codes the catalogue does not know are not reported: it is partial.
import type { Catalog } from "../catalog/catalog";
import type { Amount, CodeRow, Table } from "../model";
import type { Checker } from "./checker";

export function checkCatalogNames(table: Table, catalog: Catalog, ck: Checker): void {
  // The cell to name is worked out only for a name that does not match: a code row's first cell, in the order
  // the columns were read.
  const check = (code: string, name: string, at: CodeRow | Amount, scheme: "function" | "economic") => {
    if (!name || catalog.nameMatches(code, name, scheme) !== false) return;
    const expected = catalog.lookup(code, scheme)?.name ?? "";
    const cell = "cells" in at ? Object.values(at.cells)[0] : at;
    ck.flag(
      { rule: "CAT-名称", table: table.id, what: "" },
      "warning",
      { sheet: table.sheet, cells: cell ? [cell.address] : [] },
      `${table.id} 科目 ${code} 的名称“${name}”与科目目录“${expected}”不一致（请核对编码或名称）`,
      { expected, found: name },
    );
  };
  if (table.kind === "code") {
    for (const r of table.rows) if (r.code) check(r.code, r.name, r, "function");
  } else if (table.kind === "econ") {
    for (const i of table.items) check(i.code, i.name, i.amount, "economic");
  }
}
