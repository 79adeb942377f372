// Never silent: a rule that could not run says so, a figure that could not be read is named, a blank is 0 in
// every rule (X9 included), a set whose tables disagree on year or unit is an error, and a workbook in which
// none of the nine tables was found cannot pass.
import { run } from "../../src/cli/main";
import type { Grid } from "../../src/core/grid";
import { validate } from "../../src/core/validate";
import { writeWorkbook } from "../../scripts/samples/sheetSpec";
import { LAYOUTS, render } from "../layouts/generator";
import { toGrids, setCell } from "../layouts/specOps";
import { WUHAN_XLSX, readGrids, specSheet, tempDir, withCell, wuhanSpecs } from "../support/workbooks";
import { join } from "node:path";

/** The address of the cell holding `text` on a sheet of the grids. */
function find(grids: Grid[], sheet: string, text: string | number): string {
  const g = grids.find((x) => x.sheet === sheet);
  for (const [r, row] of (g?.values ?? []).entries()) {
    const c = row.findIndex((v) => v === text);
    if (c >= 0) return `${String.fromCharCode(65 + c)}${r + 1}`;
  }
  throw new Error(`${text} not on ${sheet}`);
}

const right = (address: string, n: number) => `${String.fromCharCode(address.charCodeAt(0) + n)}${address.slice(1)}`;

describe("X9: a blank 表7 决算数 is 0", () => {
  it("reports 表6 30212 above a blank 因公出国(境)费 决算数 as an error", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    // 表6 30212 因公出国(境)费用 is blank in the sample, and so is 表7's 决算数 因公出国(境)费 (H7).
    const code = find(grids, "表6", "30212");
    const edited = withCell(grids, "表6", right(code, 2), 13.24);
    const x9 = validate(edited).findings.filter((f) => f.rule === "X9");
    expect(x9.map((f) => [f.severity, f.table, f.cells, f.expected, f.found, f.difference])).toEqual([["error", "表6", [right(code, 2)], "≤ 0.00", "13.24", "13.24"]]);
    expect(x9[0].message).toMatch(/表7 决算数 因公出国\(境\)费 0\.00/);
  });

  it("and 30231 above a 运行费 决算数 it exceeds", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const code = find(grids, "表6", "30231");
    const x9 = validate(withCell(grids, "表6", right(code, 2), 81.11)).findings.filter((f) => f.rule === "X9");
    expect(x9.map((f) => [f.expected, f.found])).toEqual([["≤ 16.34", "81.11"]]);
  });
});

describe("a rule whose operand could not be read says so, once", () => {
  it("a #REF! in a part: one 未能校验 warning per rule, naming the cell, and no error from it", async () => {
    const grids = withCell(await readGrids(WUHAN_XLSX), "表3", "D36", "#REF!");
    const findings = validate(grids).findings;
    expect(findings.filter((f) => f.rule === "AMT").map((f) => f.cells)).toEqual([["D36"]]);
    const unchecked = findings.filter((f) => f.message.startsWith("未能校验"));
    // D36 is 表3 类221 基本支出: its row total (T3-1栏), its own sum of 款 (T3-类) and the 合计 (T3-合计) need it;
    // so does X8 for 表5 类221 基本支出.
    expect(unchecked.map((f) => [f.rule, f.severity]).sort()).toEqual([
      ["T3-1栏", "warning"],
      ["T3-合计", "warning"],
      ["T3-类", "warning"],
      ["X8", "warning"],
    ]);
    for (const f of unchecked) expect(f.message).toMatch(/表3!D36 无法读取为金额（单元格为错误值 #REF!）/);
  });

  it("a total line that is not there: the rule says it could not run instead of passing", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const edited = withCell(grids, "表1", find(grids, "表1", "本年支出合计"), "本年支出小结");
    const findings = validate(edited).findings;
    const t157 = findings.filter((f) => f.rule === "T1-57");
    expect(t157.map((f) => [f.severity, f.message])).toEqual([["warning", "未能校验 T1-57（表1 本年支出合计）：表1 本年支出合计 表中未找到该行"]]);
    expect(findings.filter((f) => f.rule === "X3" && f.message.startsWith("未能校验"))).toHaveLength(1);
  });

  it("a line 表1 does not print is 0: 表2's column of that name must then be 0 too", async () => {
    const grids = await readGrids(WUHAN_XLSX);
    const line = find(grids, "表1", "四、上级补助收入");
    const without = withCell(grids, "表1", line, null);
    expect(validate(without).findings.filter((f) => f.rule === "X2")).toEqual([]);
    // 表2 合计 上级补助收入 (E6, blank in the sample) given a figure.
    const x2 = validate(withCell(without, "表2", "E6", 5)).findings.filter((f) => f.rule === "X2");
    expect(x2.map((f) => [f.severity, f.table, f.cells, f.expected, f.found])).toEqual([["error", "表2", ["E6"], "0.00", "5.00"]]);
    expect(x2[0].message).toMatch(/表1（无上级补助收入行，即 0）/);
  });

  it("a rule the template does not print is listed once as not applicable, not as a finding", async () => {
    const result = validate(await readGrids(WUHAN_XLSX));
    expect(result.notApplicable).toEqual([
      { rule: "T4-60", table: "表4", why: "表4 未分列三项年末结转和结余" },
      { rule: "T9-6栏", table: "表9", why: "表9 没有“年末结转和结余”栏" },
    ]);
  });
});

describe("every figure of a recognised table is read or named", () => {
  it("counts the figures read per table", async () => {
    const { counts } = validate(await readGrids(WUHAN_XLSX));
    expect(counts.map((c) => `${c.table} ${c.read}/${c.unread}`)).toEqual(["表1 12/0", "表2 70/0", "表3 77/0", "表4 21/0", "表5 77/0", "表6 42/0", "表7 10/0", "表8 0/0", "表9 0/0"]);
  });

  it("names a figure that lands in no column", () => {
    const specs = wuhanSpecs();
    const t7 = specSheet(specs, "表7");
    // A second row of figures under 表7's one row.
    setCell(t7, "B8", 5);
    setCell(t7, "D8", 6);
    const result = validate(toGrids(specs));
    const unread = result.findings.filter((f) => f.rule === "UNREAD");
    expect(unread.map((f) => [f.severity, f.cells, f.message])).toEqual([["warning", ["B8", "D8"], "表7 第8行 有 2 个金额未能归入任何栏目：B8, D8"]]);
    expect(result.counts.find((c) => c.table === "表7")).toEqual({ table: "表7", sheet: "表7", read: 10, unread: 2 });
  });

  it("a table with figures of which none was read is an error (未能读取)", () => {
    const specs = wuhanSpecs();
    const t5 = specSheet(specs, "表5");
    // Codes replaced by words: no row of 表5 can be placed.
    t5.rows = t5.rows.map((r, i) => (i > 4 && r[0] !== null && r[0] !== "合计" && /^\d/.test(String(r[0])) ? ["某科目", ...r.slice(1)] : r));
    t5.rows = t5.rows.map((r) => (r[0] === "合计" ? ["总数", ...r.slice(1)] : r));
    const findings = validate(toGrids(specs)).findings.filter((f) => f.table === "表5" && f.rule === "UNREAD");
    expect(findings.map((f) => f.severity)).toEqual(["error"]);
    expect(findings[0].message).toMatch(/^表5 的区域内有 \d+ 个金额，但一个也未能读取（未能读取）/);
  });
});

describe("the set agrees with itself", () => {
  it("a table in 元 among tables in 万元 is an error naming the factor", () => {
    const specs = wuhanSpecs();
    setCell(specSheet(specs, "表3"), "H2", "单位：元");
    const set = validate(toGrids(specs)).findings.filter((f) => f.rule.startsWith("SET"));
    expect(set.map((f) => [f.rule, f.severity, f.table, f.cells, f.expected, f.found])).toEqual([["SET-单位", "error", "表3", ["H2"], "万元", "元"]]);
    expect(set[0].message).toMatch(/10000 倍/);
  });

  it("a title of another year is an error; another department a warning", () => {
    const specs = wuhanSpecs();
    setCell(specSheet(specs, "表5"), "A1", "2019年度一般公共预算财政拨款支出决算表(表5)");
    setCell(specSheet(specs, "表8"), "A2", "部门：武汉市财政局");
    const set = validate(toGrids(specs)).findings.filter((f) => f.rule.startsWith("SET"));
    expect(set.map((f) => [f.rule, f.severity, f.table, f.found])).toEqual([
      ["SET-年度", "error", "表5", "2019"],
      ["SET-部门", "warning", "表8", "武汉市财政局"],
    ]);
  });
});

describe("tables of other sets", () => {
  it("lists a 项目支出决算表 as an extra table, never as 表3", () => {
    const specs = wuhanSpecs();
    const t3 = specSheet(specs, "表3");
    specs.unshift({ ...t3, name: "项目支出", rows: [["2020年度项目支出决算表(表10)"], ...t3.rows.slice(1)] });
    const { workbook, findings } = validate(toGrids(specs));
    expect(workbook.tables["表3"]?.sheet).toBe("表3");
    expect(workbook.sheets.find((s) => s.sheet === "项目支出")).toEqual(expect.objectContaining({ table: null, extra: "2020年度项目支出决算表(表10)" }));
    expect(findings.filter((f) => f.rule === "EXTRA").map((f) => f.severity)).toEqual(["info"]);
    expect(findings.some((f) => f.rule === "REC")).toBe(false);
  });
});

describe("a workbook in which nothing was checked cannot pass", () => {
  it("is an error saying what was looked for on which sheet, and the command line exits 1", async () => {
    const specs = [{ name: "封面", rows: [["2020年度部门决算"], ["编制单位：某局"]], merges: [], headerRows: [] }];
    const findings = validate(toGrids(specs)).findings;
    expect(findings.map((f) => [f.rule, f.severity, f.table])).toEqual([["MISSING", "error", null]]);
    expect(findings[0].message).toMatch(/未找到表1–表9中的任何一张.*收入支出决算总表.*工作表「封面」：未找到表1–表9的标题/);
    const path = join(tempDir(), "cover.xlsx");
    await writeWorkbook(specs, path);
    let out = "";
    const code = await run(["check", path], (t) => {
      out += t;
    });
    expect(code).toBe(1);
    expect(out).toMatch(/未找到表1–表9中的任何一张/);
  });
});

describe("表7 with 会议费 and 培训费 columns", () => {
  it("checks 合计 with and without them, and says which reading holds", () => {
    const layout = LAYOUTS.find((l) => /会议费/.test(l.name));
    const specs = layout && render(wuhanSpecs(), layout);
    if (!specs) throw new Error("no 会议费 layout");
    const before = validate(toGrids(specs));
    const t7 = before.workbook.tables["表7"];
    if (t7?.kind !== "sangong" || !t7.budget.total || !t7.final.total || !t7.budget.meeting) throw new Error("表7 not read");
    // As rendered, 合计 leaves the 会议费 (1.50) and 培训费 (2.50) out, and holds without them.
    expect(before.findings.filter((f) => f.rule === "T7-口径").map((f) => f.message)).toEqual([
      "表7 印有会议费、培训费栏；预算数合计按“不含会议费、培训费”的口径校验",
      "表7 印有会议费、培训费栏；决算数合计按“不含会议费、培训费”的口径校验",
    ]);
    // 合计 with them in: 96.80 + 4.00 and 16.97 + 4.00 — it still holds, read the other way.
    const sheet = specs.find((s) => s.name === t7.sheet);
    if (!sheet) throw new Error("no sheet");
    setCell(sheet, t7.budget.total.address, 100.8);
    setCell(sheet, t7.final.total.address, 20.97);
    const after = validate(toGrids(specs)).findings;
    expect(after.filter((f) => f.rule === "T7-口径").map((f) => f.message)).toEqual([
      "表7 印有会议费、培训费栏；预算数合计按“含会议费、培训费”的口径校验",
      "表7 印有会议费、培训费栏；决算数合计按“含会议费、培训费”的口径校验",
    ]);
    expect(after.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(before.findings.filter((f) => f.severity === "error").map((f) => f.rule));
    // Off by a cent either way: neither reading holds, and the error is reported against the 三公 items alone.
    setCell(sheet, t7.final.total.address, 20.98);
    const wrong = validate(toGrids(specs)).findings.filter((f) => f.rule === "T7-7栏");
    expect(wrong.map((f) => [f.severity, f.expected, f.found])).toEqual([["error", "16.97", "20.98"]]);
  });
});
