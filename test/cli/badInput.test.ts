// A workbook with every kind of bad input of DOMAIN.md §5 and the foundation issue: each gives its own clear
// finding on the right cell, nothing throws, and the file is not changed.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { checkFile } from "../../src/cli/checkFiles";
import type { Finding } from "../../src/core/findings";
import { setSpecCell, specSheet, writeTemp, wuhanSpecs } from "../support/workbooks";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function badWorkbook(): Promise<string> {
  const specs = wuhanSpecs();
  setSpecCell(specSheet(specs, "表2"), "C6", "23,286.92"); // amount as text with separators
  setSpecCell(specSheet(specs, "表2"), "D6", "23, 286. 92"); // pasted from PDF
  setSpecCell(specSheet(specs, "表3"), "C9", "１３２６．３１"); // full width
  setSpecCell(specSheet(specs, "表1"), "F33", "(0.00)"); // negative in brackets
  setSpecCell(specSheet(specs, "表5"), "E9", "-"); // a dash for nothing
  setSpecCell(specSheet(specs, "表3"), "E7", "见附表"); // words in an amount cell
  const t8 = specSheet(specs, "表8");
  t8.rows = t8.rows.filter((r) => !String(r[0] ?? "").includes("本表无数据")); // empty 表8 without its statement
  specSheet(specs, "表3").name = "Sheet7"; // 表3 under an unusual sheet name
  const path = await writeTemp(
    specs.filter((s) => s.name !== "表6"), // a missing 表6
    "bad.xlsx",
  );
  // A real #REF! error cell, as Excel stores it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.getWorksheet("Sheet7")!.getCell("D7").value = { error: "#REF!" };
  await wb.xlsx.writeFile(path);
  return path;
}

describe("bad input", () => {
  let path: string;
  let findings: Finding[];
  let hashBefore: string;
  let tables: { table: string; sheet: string | null; recognized: boolean }[];

  beforeAll(async () => {
    path = await badWorkbook();
    hashBefore = sha(path);
    const checked = await checkFile(path, {});
    findings = checked.report.findings;
    tables = checked.report.tables;
  });

  const on = (rule: string, sheet: string, cell: string) => findings.filter((f) => f.rule === rule && f.sheet === sheet && f.cells.includes(cell));

  it("reads an amount written as text and says so on its cell", () => {
    const [f] = on("AMT-TEXT", "表2", "C6");
    expect(f.severity).toBe("info");
    expect(f.message).toMatch(/23,286\.92.*文本.*千位分隔符.*23286\.92/);
  });

  it("reads an amount pasted from a PDF", () => {
    expect(on("AMT-TEXT", "表2", "D6")[0].message).toMatch(/空格.*23286\.92/);
  });

  it("reads full-width digits", () => {
    expect(on("AMT-TEXT", "Sheet7", "C9")[0].message).toMatch(/全角.*1326\.31/);
  });

  it("reads a negative in brackets", () => {
    expect(on("AMT-TEXT", "表1", "F33")[0].message).toMatch(/括号表示负数/);
  });

  it("reads a dash as nothing, and says so", () => {
    expect(on("AMT-DASH", "表5", "E9")[0].message).toMatch(/“-”按空值/);
  });

  it("reports #REF! and words as unreadable, and skips the identities that need them instead of using 0", () => {
    const ref = on("AMT", "Sheet7", "D7")[0];
    expect(ref.severity).toBe("error");
    expect(ref.message).toMatch(/#REF!/);
    expect(on("AMT", "Sheet7", "E7")[0].message).toMatch(/见附表/);
    const usesIt = findings.filter(
      (f) => !f.rule.startsWith("AMT") && ((f.sheet === "Sheet7" && (f.cells.includes("D7") || f.cells.includes("E7"))) || (f.related ?? []).some((r) => /Sheet7!(D7|E7)$/.test(r))),
    );
    expect(usesIt).toEqual([]);
  });

  it("finds 表3 by its title on a sheet called Sheet7, its merged header read column by column", () => {
    expect(tables.find((t) => t.table === "表3")).toEqual({ table: "表3", sheet: "Sheet7", recognized: true, read: 75, unread: 0 });
  });

  it("says that 表6 is missing and which checks could not run", () => {
    const missing = findings.filter((f) => f.rule === "MISSING");
    expect(missing.map((f) => f.table)).toEqual(["表6"]);
    expect(missing[0].message).toMatch(/X7.*X9/);
    expect(tables.find((t) => t.table === "表6")).toEqual(expect.objectContaining({ recognized: false, sheet: null }));
  });

  it("says that the empty 表8 lacks its statement", () => {
    const x11 = findings.filter((f) => f.rule === "X11");
    expect(x11.map((f) => [f.table, f.severity])).toEqual([["表8", "warning"]]);
  });

  it("still finds the real errors of the document", () => {
    expect(findings.filter((f) => f.severity === "error" && !f.rule.startsWith("AMT")).map((f) => f.rule)).toEqual(["T1-57", "X3", "T7-3栏"]);
  });

  it("leaves the file as it was", () => {
    expect(sha(path)).toBe(hashBefore);
  });
});
