// A code table's row reads a figure from the grid when asked (src/core/tables/codeRows.ts): its cents must be
// what the cell's Amount says, for every kind of cell, and the Amount made alone must be the one of `cells`.
import { Decimal } from "decimal.js";
import type { CellValue, Grid } from "../../src/core/grid";
import { amountCents } from "../../src/core/model";
import { SheetCodeRow } from "../../src/core/tables/codeRows";
import { SheetView } from "../../src/core/tables/sheetView";

const CELLS: (CellValue | undefined)[] = [
  610.4, 0, -0, -12.5, 23327.909999999996, 1.234, 1e-7, 9999999999999.99, 1e15, 1e20, NaN, Infinity, -Infinity,
  null, undefined, "", "   ", "\u3000", "-", "—", "1,234.50", "（1,234.50）", "(12)", "１２.３", " 12 ", "12。5", "#REF!", "见附表", "1,23", true, false,
];

function rowOf(values: (CellValue | undefined)[]): { row: SheetCodeRow; grid: Grid } {
  const cells: CellValue[] = [];
  values.forEach((v, i) => {
    if (v !== undefined) cells[i + 1] = v; // a hole where the value is undefined, as a sparse reader leaves it
  });
  const grid: Grid = { sheet: "表3", origin: { row: 0, col: 0 }, values: [["2010101", ...new Array<CellValue>(values.length).fill(null)], cells] };
  // Three columns of the row, the last one out of order: `cells` follows the table's column order.
  return { row: new SheetCodeRow("2010101", "项", "行政运行", 1, new SheetView(grid), { total: 1, basic: 2, project: 3 }), grid };
}

describe("SheetCodeRow", () => {
  it.each(CELLS.map((v) => [String(v), v]))("gives the cents of its Amount for %s", (_, value) => {
    const { row } = rowOf([value, 1, 2]);
    const before = row.cents("total"); // read from the grid, before any Amount was made
    const cell = row.cell("total");
    expect(cell).toBeDefined();
    expect(before).toBe(cell === undefined ? undefined : amountCents(cell));
    expect(row.cents("total")).toBe(before); // and the same once the Amount exists
    if (before !== null && before !== undefined && cell?.read.kind === "amount") expect(cell.read.value.times(100).eq(new Decimal(before))).toBe(true);
  });

  it("makes a cell once: alone, or with the others, in column order", () => {
    const { row } = rowOf([1, 2, 3]);
    const project = row.cell("project");
    expect(Object.keys(row.cells)).toEqual(["total", "basic", "project"]);
    expect(row.cells.project).toBe(project);
    expect(row.cell("total")).toBe(row.cells.total);
    expect(row.cells.total?.address).toBe("B2");
  });

  it("says a column the table does not print is not there", () => {
    const { row } = rowOf([1, 2, 3]);
    expect(row.cents("operating")).toBeUndefined();
    expect(row.cell("operating")).toBeUndefined();
    expect("operating" in row.cells).toBe(false);
  });
});
