// The command line as a user and a finance bureau's script use it: reports, JSON shape, exit codes,
// unreadable files, folders, and the annotated copy.
import ExcelJS from "exceljs";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { REPORT_SHEET } from "../../src/cli/annotate";
import { ROOT, SHANGHAI_XLSX, WUHAN_XLSX, tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run(args, (t) => {
    out += t;
  });
  return { code, out };
}

describe("juesuan check", () => {
  it("prints what it recognised, then the findings by table, and exits 1 on errors", async () => {
    const { code, out } = await cli("check", WUHAN_XLSX);
    expect(code).toBe(1);
    expect(out).toMatch(/✓ 表1 收入支出决算总表 ← 工作表「表1」/);
    expect(out).toMatch(/结果：3 处错误，1 条提示/);
    expect(out.indexOf("表1 收入支出决算总表\n")).toBeLessThan(out.indexOf("表7 “三公”经费支出决算表\n"));
    expect(out).toMatch(/\[错误\] T1-57 表1!F32：.*23327\.87.*23327\.91/);
  });

  it("exits 0 when only 尾差 are found", async () => {
    const { code, out } = await cli("check", SHANGHAI_XLSX);
    expect(code).toBe(0);
    expect(out).toMatch(/0 处错误，10 处尾差/);
  });

  it("--strict makes the 尾差 errors", async () => {
    expect((await cli("check", SHANGHAI_XLSX, "--strict")).code).toBe(1);
  });

  it("--json prints one object with the stable shape", async () => {
    const { code, out } = await cli("check", WUHAN_XLSX, "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(["file", "tables", "findings"]);
    expect(report.tables).toHaveLength(9);
    expect(report.tables[0]).toEqual({ table: "表1", sheet: "表1", recognized: true, read: 12, unread: 0 });
    const f = report.findings[0];
    for (const key of ["rule", "severity", "table", "sheet", "cells", "expected", "found", "difference", "message"]) expect(f).toHaveProperty(key);
    expect(f).toEqual(expect.objectContaining({ rule: "T1-57", severity: "error", table: "表1", cells: ["F32"], difference: "0.04" }));
  });

  it.each([
    ["not-excel.xlsx", "just text", /损坏或不是 \.xlsx/],
    ["old.xls", "whatever", /旧版 Excel/],
    ["notes.csv", "a,b", /不是 \.xlsx 文件/],
    ["empty.xlsx", "", /文件为空/],
  ])("exits 2 with a one-line Chinese reason for %s", async (name, content, reason) => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    const { code, out } = await cli("check", path);
    expect(code).toBe(2);
    expect(out).toMatch(reason);
  });

  it("recognises an encrypted workbook (an OLE container) and says so", async () => {
    const path = join(tempDir(), "locked.xlsx");
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const { code, out } = await cli("check", path, "--json");
    expect(code).toBe(2);
    expect(JSON.parse(out).error).toMatch(/加密/);
  });

  it("says so when the file does not exist", async () => {
    const { code, out } = await cli("check", "/nonexistent/book.xlsx");
    expect(code).toBe(2);
    expect(out).toMatch(/不存在/);
  });

  it("checks a folder, goes on past an unreadable file, and prints an array with --json", async () => {
    const dir = tempDir();
    copyFileSync(WUHAN_XLSX, join(dir, "a-wuhan.xlsx"));
    writeFileSync(join(dir, "b-broken.xlsx"), "not a zip");
    copyFileSync(SHANGHAI_XLSX, join(dir, "c-shanghai.xlsx"));
    writeFileSync(join(dir, "~$a-wuhan.xlsx"), "lock file");
    const { code, out } = await cli("check", dir, "--json");
    expect(code).toBe(2);
    const reports = JSON.parse(out);
    expect(reports.map((r: { file: string }) => r.file.split("/").pop())).toEqual(["a-wuhan.xlsx", "b-broken.xlsx", "c-shanghai.xlsx"]);
    expect(reports[1].error).toMatch(/损坏/);
    expect(reports[2].findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  it("--out writes an annotated copy and never touches the input", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    copyFileSync(WUHAN_XLSX, input);
    const before = readFileSync(input);
    const out = join(dir, "checked.xlsx");
    const { code } = await cli("check", input, "--out", out);
    expect(code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet("表1")!.getCell("F32");
    expect(cell.value).toBe(23327.91); // values are never changed
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(String(cell.note)).toMatch(/T1-57[\s\S]*应为：23327\.87[\s\S]*实为：23327\.91[\s\S]*差额：0\.04/);
    const report = wb.getWorksheet(REPORT_SHEET)!;
    expect(report.rowCount).toBe(1 + 4);
    expect(report.getCell("E2").value).toEqual({ text: "表1!F32", hyperlink: "#表1!F32" });
    // An untouched cell keeps no fill.
    expect(wb.getWorksheet("表1")!.getCell("F31").fill).toBeUndefined();
  });

  it("refuses to write the annotated copy over the input", async () => {
    const dir = tempDir();
    const input = join(dir, "in.xlsx");
    copyFileSync(WUHAN_XLSX, input);
    const { code, out } = await cli("check", input, "--out", input);
    expect(code).toBe(2);
    expect(out).toMatch(/不能与输入文件相同/);
  });

  it("checks the 自评表 in a workbook too, without calling their 决算 tables missing", async () => {
    const { code, out } = await cli("check", join(ROOT, "samples", "wuhan-2020-self-eval.xlsx"), "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    // No 表1–表9 entries; one 自评表 entry per table read.
    expect(report.tables.map((t: { table: string; recognized: boolean }) => [t.table, t.recognized])).toEqual(Array(9).fill(["自评表", true]));
    expect(report.tables[0]).toEqual({ table: "自评表", sheet: "p01 行政运行工作经费", recognized: true, title: "行政运行工作经费", family: "湖北/武汉（种子表）", read: ["预算执行（预算执行数（20分））", "指标 17 行", "总分"], unread: [] });
    expect(report.selfEvaluations.map((s: { total: string }) => s.total)).toEqual(["91.98", "97.08", "99.00", "96.41", "100.00", "100.00", "90.00", "95.00", "92.00"]);
    expect(report.findings.filter((f: { rule: string }) => f.rule === "SE-得分")).toHaveLength(12);
    expect(report.findings.some((f: { rule: string }) => f.rule === "MISSING")).toBe(false);
  });

  it("prints usage and exits 2 without a command", async () => {
    const { code, out } = await cli();
    expect(code).toBe(2);
    expect(out).toMatch(/用法：juesuan check/);
  });
});

describe("juesuan check, more than one file", () => {
  it("checks every file argument, prints an array with --json, and exits with the worst code", async () => {
    const { code, out } = await cli("check", WUHAN_XLSX, SHANGHAI_XLSX, "--json");
    expect(code).toBe(1);
    const reports = JSON.parse(out) as { file: string }[];
    expect(reports.map((r) => r.file)).toEqual([WUHAN_XLSX, SHANGHAI_XLSX]);
  });

  it("goes on past a folder it cannot list, and still prints its summary", async () => {
    const dir = tempDir();
    copyFileSync(WUHAN_XLSX, join(dir, "a.xlsx"));
    mkdirSync(join(dir, "b-closed"));
    copyFileSync(WUHAN_XLSX, join(dir, "b-closed", "x.xlsx"));
    chmodSync(join(dir, "b-closed"), 0o000);
    const root = process.getuid?.() === 0;
    const { code, out } = await cli("check", dir);
    chmodSync(join(dir, "b-closed"), 0o755);
    // root reads any folder: then both files are checked.
    expect(code).toBe(root ? 1 : 2);
    expect(out).toMatch(root ? /共 2 个文件：2 个有错误，0 个无法读取/ : /文件夹没有读取权限[\s\S]*共 2 个文件：1 个有错误，1 个无法读取/);
  });

  it("a workbook with no table to check cannot pass", async () => {
    const path = join(tempDir(), "plain.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "会议纪要";
    await wb.xlsx.writeFile(path);
    const { code, out } = await cli("check", path);
    expect(code).toBe(1);
    // The core says it (MISSING as an error, naming what was looked for on which sheet); the CLI's own NO-TABLE
    // is only a fallback for when the core does not, and never says it a second time.
    expect(out).toMatch(/\[错误\] MISSING：未找到表1–表9中的任何一张，没有进行任何校验.*工作表「Sheet1」/);
    expect(out).not.toMatch(/NO-TABLE/);
  });

  it("keeps the library's text out of the reason, and shows it with --verbose", async () => {
    const path = join(tempDir(), "cut.xlsx");
    writeFileSync(path, readFileSync(WUHAN_XLSX).subarray(0, 15000));
    const plain = await cli("check", path);
    expect(plain.out).toMatch(/无法读取：文件已损坏/);
    expect(plain.out).not.toMatch(/详细信息|(?<![A-Za-z])[A-Za-z]{6,} [a-z]{3,}/);
    const verbose = await cli("check", path, "--verbose");
    expect(verbose.out).toMatch(/详细信息：[ -~]+/);
  });

  it("keeps the cents of an amount of 10^18", async () => {
    const { Decimal, readAmount } = await import("../../src/core/money");
    const a = readAmount("1000000000000000000.01");
    expect(a.kind === "amount" && a.value.plus(new Decimal("0.01")).toFixed(2)).toBe("1000000000000000000.02");
  });
});

describe("juesuan check, hidden sheets", () => {
  it("says when a table was read from a hidden sheet", async () => {
    const path = join(tempDir(), "hidden.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(WUHAN_XLSX);
    wb.getWorksheet("表7")!.state = "hidden";
    await wb.xlsx.writeFile(path);
    const { out } = await cli("check", path);
    expect(out).toMatch(/✓ 表7 “三公”经费支出决算表 ← 工作表「表7」/);
    expect(out).toMatch(/\[警告\] HIDDEN：表7 取自隐藏的工作表“表7”/);
    expect((await cli("check", WUHAN_XLSX)).out).not.toMatch(/HIDDEN/);
  });
});
