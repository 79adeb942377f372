// Every amount cell of the Wuhan sample that takes part in an identity is edited, one at a time, by +0.01
// and by ×10 (where it is not zero); some finding must then name that cell.
import type { Finding } from "../../src/core/findings";
import type { Amount } from "../../src/core/model";
import { amountValue, qualified } from "../../src/core/model";
import { validate } from "../../src/core/validate";
import { WUHAN_XLSX, readGrids, withCell } from "../support/workbooks";

const key = (f: Finding) => JSON.stringify([f.rule, f.sheet, f.cells, f.expected, f.found]);

/** A finding that names the cell and was not there before the edit (the published errors already name some cells). */
function namesAnew(findings: Finding[], baseline: Set<string>, a: Amount): boolean {
  const q = qualified(a);
  return findings.some((f) => !baseline.has(key(f)) && ((f.sheet === a.sheet && f.cells.includes(a.address)) || (f.related ?? []).includes(q)));
}

describe("mutation coverage on the Wuhan sample", () => {
  it("names every edited amount cell, for +0.01 and for ×10", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const { workbook, findings: before } = validate(grids);
    const baseline = new Set(before.map(key));
    const cells = Object.values(workbook.tables).flatMap((t) => t.amounts);
    expect(cells.length).toBeGreaterThan(300);

    const missed: string[] = [];
    let edits = 0;
    for (const cell of cells) {
      const value = amountValue(cell);
      if (value === undefined) throw new Error(`unreadable amount in the sample: ${qualified(cell)}`);
      const variants = [value.plus("0.01")];
      if (!value.isZero()) variants.push(value.times(10));
      for (const v of variants) {
        edits++;
        const findings = validate(withCell(grids, cell.sheet, cell.address, v.toNumber())).findings;
        if (!namesAnew(findings, baseline, cell)) missed.push(`${qualified(cell)} → ${v.toString()}`);
      }
    }
    console.log(`mutation coverage: ${cells.length} amount cells, ${edits} edits, ${edits - missed.length} named, ${missed.length} missed`);
    expect(missed).toEqual([]);
  });
});
