// A code table's rows (src/core/tables/codeRows.ts): the cents the reader puts in the table's typed array must be
// what the cell's Amount says, for every kind of cell, and the Amount made alone must be the one of `cells`.
import { Decimal } from "decimal.js";
import type { CellValue, Grid } from "../../src/core/grid";
import { type Amount, amountCents } from "../../src/core/model";
import { SheetCodeRow, TableCents } from "../../src/core/tables/codeRows";
import { SheetView } from "../../src/core/tables/sheetView";

const CELLS: (CellValue | undefined)[] = [
  610.4, 0, -0, -12.5, 23327.909999999996, 1.234, 1e-7, 9999999999999.99, 1e15, 1e20, NaN, Infinity, -Infinity,
  null, undefined, "", "   ", "\u3000", "-", "—", "1,234.50", "（1,234.50）", "(12)", "１２.３", " 12 ", "12。5", "#REF!", "见附表", "1,23", true, false,
];

function rowOf(values: (CellValue | undefined)[]): { row: SheetCodeRow; read: number; special: number } {
  const cells: CellValue[] = [];
  values.forEach((v, i) => {
    if (v !== undefined) cells[i + 1] = v; // a hole where the value is undefined, as a sparse reader leaves it
  });
  const grid: Grid = { sheet: "表3", origin: { row: 0, col: 0 }, values: [["2010101", ...new Array<CellValue>(values.length).fill(null)], cells] };
  // Three columns, read in the order the header gave them: `cells` follows it.
  const figures = new TableCents(new SheetView(grid), [{ col: 1, key: "total" }, { col: 2, key: "basic" }, { col: 3, key: "project" }], 1);
  const row = new SheetCodeRow("2010101", "行政运行", 1, figures, 0);
  const special: Amount[] = [];
  const read = row.readFigures(special);
  return { row, read, special: special.length };
}

describe("SheetCodeRow", () => {
  it.each(CELLS.map((v) => [String(v), v]))("gives the cents of its Amount for %s", (_, value) => {
    const { row, read, special } = rowOf([value, 1, 2]);
    const cents = row.cents("total"); // from the typed array
    const cell = row.cell("total");
    expect(cell).toBeDefined();
    expect(cents).toBe(cell === undefined ? undefined : amountCents(cell));
    if (cents !== null && cents !== undefined && cell?.read.kind === "amount") expect(cell.read.value.times(100).eq(new Decimal(cents))).toBe(true);
    // The count of figures read as amounts (1 and 2 are), and the cells handed back to be spoken of: those not a
    // plain number or empty.
    expect(read).toBe(2 + (cell?.read.kind === "amount" ? 1 : 0));
    expect(special).toBe(typeof value === "number" ? (Number.isFinite(value) ? 0 : 1) : value === null || value === undefined ? 0 : 1);
  });

  it("makes a cell once: alone, or with the others, in column order", () => {
    const { row } = rowOf([1, 2, 3]);
    const project = row.cell("project");
    expect(Object.keys(row.cells)).toEqual(["total", "basic", "project"]);
    expect(row.cells.project).toBe(project);
    expect(row.cell("total")).toBe(row.cells.total);
    expect(row.cells.total?.address).toBe("B2");
  });

  it("takes its level from its code, and is 合计 without one", () => {
    expect(rowOf([1, 2, 3]).row.level).toBe("项");
    const view = new SheetView({ sheet: "表3", origin: { row: 0, col: 0 }, values: [["合计", 1]] });
    const figures = new TableCents(view, [{ col: 1, key: "total" }], 1);
    expect(new SheetCodeRow(null, "合计", 0, figures, 0).level).toBe("合计");
    expect(new SheetCodeRow("201", "一般公共服务支出", 0, figures, 0).level).toBe("类");
    expect(new SheetCodeRow("20101", "人大事务", 0, figures, 0).level).toBe("款");
  });

  it("says a column the table does not print is not there", () => {
    const { row } = rowOf([1, 2, 3]);
    expect(row.cents("operating")).toBeUndefined();
    expect(row.cell("operating")).toBeUndefined();
    expect("operating" in row.cells).toBe(false);
  });
});
