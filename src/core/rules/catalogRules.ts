// Names against the 科目 catalogue: a known code printed under another name is worth a warning (a code typed
// wrong, or a name from another year). Codes the catalogue does not know are not reported: it is partial.
import type { Catalog, Scheme } from "../catalog/catalog";
import type { Amount, Table } from "../model";
import type { Checker } from "./checker";

export function checkCatalogNames(table: Table, catalog: Catalog, ck: Checker): void {
  const mismatch = (code: string, name: string, scheme: Scheme) => Boolean(name) && catalog.nameMatches(code, name, scheme) === false;
  const flag = (code: string, name: string, cell: Amount | undefined, scheme: Scheme) => {
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
    // Named at the row's first cell (in the order the columns were read), made only for a row that is named.
    for (const r of table.rows) if (r.code && mismatch(r.code, r.name, "function")) flag(r.code, r.name, Object.values(r.cells)[0], "function");
  } else if (table.kind === "econ") {
    for (const i of table.items) if (mismatch(i.code, i.name, "economic")) flag(i.code, i.name, i.amount, "economic");
  }
}
