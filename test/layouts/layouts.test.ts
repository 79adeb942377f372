// The layout-variant property: one set of figures, laid out as other templates print it, gives the same
// findings (rule, table, expected, found, difference) in every layout, and every figure of every recognised
// table is read. Checked for both samples as published and for a sample of the mutation test's single-cell edits.
import { join } from "node:path";
import type { Finding } from "../../src/core/findings";
import { amountValue } from "../../src/core/model";
import { type ValidationResult, validate } from "../../src/core/validate";
import type { SheetSpec } from "../../scripts/samples/sheetSpec";
import { writeWorkbook } from "../../scripts/samples/sheetSpec";
import { readGrids, shanghaiSpecs, tempDir, wuhanSpecs } from "../support/workbooks";
import { LAYOUTS, type Layout, render } from "./generator";
import { clone, getCell, setCell, toGrids } from "./specOps";

const key = (f: Finding) => JSON.stringify([f.rule, f.table, f.expected, f.found, f.difference]);

function keys(findings: readonly Finding[], drop: readonly string[]): string[] {
  return findings
    .filter((f) => !drop.includes(f.rule))
    .map(key)
    .sort();
}

/** Every figure of every recognised table was read: no table has an unread figure, and no UNREAD finding. */
function unreadFigures(result: ValidationResult): string[] {
  return [
    ...result.counts.filter((c) => c.unread > 0).map((c) => `${c.table}: ${c.unread} unread`),
    ...result.findings.filter((f) => f.rule === "UNREAD").map((f) => f.message),
  ];
}

let workbooks = 0;
let compared = 0;

/** Render `specs` in every layout and compare with the published layout; returns the differences found. */
function compareLayouts(specs: SheetSpec[], label: string, layouts: readonly Layout[] = LAYOUTS): string[] {
  const base = validate(toGrids(specs));
  const problems: string[] = [];
  for (const layout of layouts) {
    const rendered = render(specs, layout);
    if (!rendered) continue;
    const result = validate(toGrids(rendered));
    workbooks++;
    const expected = keys(base.findings, layout.adds);
    const found = keys(result.findings, layout.adds);
    compared += found.length;
    if (Object.keys(result.workbook.tables).length !== Object.keys(base.workbook.tables).length) problems.push(`${label} / ${layout.name}: tables ${Object.keys(result.workbook.tables).join(",")}`);
    if (expected.join("\n") !== found.join("\n")) {
      const missing = expected.filter((k) => !found.includes(k));
      const extra = found.filter((k) => !expected.includes(k));
      problems.push(`${label} / ${layout.name}: missing ${missing.join(" ")} extra ${extra.join(" ")}`);
    }
    for (const u of unreadFigures(result)) problems.push(`${label} / ${layout.name}: ${u}`);
  }
  return problems;
}

/** About `count` amount cells of the sample, evenly spread over its tables, each edited by +0.01 and (where not
 *  zero) ×10, as the mutation test does. */
function mutations(specs: SheetSpec[], count: number): { label: string; specs: SheetSpec[] }[] {
  const { workbook } = validate(toGrids(specs));
  const cells = Object.values(workbook.tables).flatMap((t) => t?.amounts ?? []);
  const step = Math.max(1, Math.ceil(cells.length / count));
  const out: { label: string; specs: SheetSpec[] }[] = [];
  cells.forEach((cell, i) => {
    if (i % step !== 0) return;
    const value = amountValue(cell);
    if (value === undefined) return;
    const variants = [value.plus("0.01"), ...(value.isZero() ? [] : [value.times(10)])];
    for (const v of variants) {
      const edited = clone(specs);
      const sheet = edited.find((s) => s.name === cell.sheet);
      if (!sheet) continue;
      setCell(sheet, cell.address, v.toNumber());
      out.push({ label: `${cell.sheet}!${cell.address} ${String(getCell(specs.find((s) => s.name === cell.sheet) ?? sheet, cell.address))} → ${v.toString()}`, specs: edited });
    }
  });
  return out;
}

const SAMPLES: [string, () => SheetSpec[]][] = [
  ["wuhan-2020", wuhanSpecs],
  ["shanghai-putuo-czj-2024", shanghaiSpecs],
];

/** Amount cells edited per sample: 30 by default (of Wuhan's 822 and Shanghai's 216); LAYOUT_MUTATIONS=100000 for all. */
const COUNT = Number(process.env.LAYOUT_MUTATIONS ?? 30);

describe("one set of figures in many layouts", () => {
  afterAll(() => {
    console.log(`${workbooks} workbooks, ${compared} findings compared`);
  });

  it("has at least 12 layouts besides the published one", () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(13);
  });

  it.each(SAMPLES)("%s: every layout but the published one changes the sheets, and the 表7 layouts read as another arrangement", (_, specs) => {
    const base = specs();
    const same = LAYOUTS.filter((l) => {
      const r = render(base, l);
      return r !== null && JSON.stringify(toGrids(r)) === JSON.stringify(toGrids(base));
    });
    expect(same.map((l) => l.name)).toEqual(["as published"]);
    const arrangement = (l: Layout) => {
      const r = render(base, l);
      const t = r && validate(toGrids(r)).workbook.tables["表7"];
      return t?.kind === "sangong" ? t.arrangement : null;
    };
    expect(arrangement(LAYOUTS[7])).not.toBe(arrangement(LAYOUTS[0]));
  });

  it.each(SAMPLES)("%s: the published figures give the same findings in every layout, every figure read", (_, specs) => {
    expect(compareLayouts(specs(), "published")).toEqual([]);
  });

  it.each(SAMPLES)("%s: so does each sampled single-cell mutation", (_, specs) => {
    const problems: string[] = [];
    const edits = mutations(specs(), COUNT);
    expect(edits.length).toBeGreaterThan(20);
    for (const { label, specs: edited } of edits) problems.push(...compareLayouts(edited, label));
    expect(problems).toEqual([]);
  });

  it.each(SAMPLES)("%s: the layout with every change at once, through a real .xlsx file", async (name, specs) => {
    const all = LAYOUTS[LAYOUTS.length - 1];
    const rendered = render(specs(), all);
    expect(rendered).not.toBeNull();
    const path = join(tempDir(), `${name}-all.xlsx`);
    await writeWorkbook(rendered ?? [], path);
    const result = validate(await readGrids(path));
    workbooks++;
    const base = validate(toGrids(specs()));
    expect(keys(result.findings, all.adds)).toEqual(keys(base.findings, all.adds));
    compared += result.findings.length;
    expect(unreadFigures(result)).toEqual([]);
    // The extra tables are listed, never taken for one of the nine.
    expect(result.workbook.sheets.filter((s) => s.extra).map((s) => s.extra)).toEqual([expect.stringMatching(/项目支出决算表/), expect.stringMatching(/机关运行经费/)]);
  });
});
