// Complete output through a real pipe: the process exits only after stdout drained, also with a slow reader,
// and a reader that goes away early (`| head -1`) ends it quietly with its own exit code.
import ExcelJS from "exceljs";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, WUHAN_XLSX, tempDir } from "../support/workbooks";

const ENTRY = join(ROOT, "test", "corpus", "cliEntry.ts");

/** A 支出决算表 whose every 项 row lacks its 款 and 类: thousands of findings from one small file. */
async function manyFindings(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表3");
  ws.addRow(["支出决算表"]);
  ws.addRow(["功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]);
  for (let i = 0; i < rows; i++) ws.addRow([String(2010101 + i * 7), `项目${i}`, 3.5, 1.25, 2.0]);
  await wb.xlsx.writeFile(path);
}

/** Run the command line with stdout on a pipe read in small sips, 15 ms apart. */
function slowRead(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-r", "tsx/cjs", ENTRY, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      chunks.push(d);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 15);
    });
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks).toString("utf8"), stderr }));
  });
}

describe("output through a pipe", () => {
  let dir: string;

  beforeAll(async () => {
    dir = tempDir();
    mkdirSync(join(dir, "folder"));
    await manyFindings(join(dir, "folder", "many.xlsx"), 3000);
    copyFileSync(WUHAN_XLSX, join(dir, "folder", "wuhan.xlsx"));
  }, 60_000);

  it("--json for a folder (over 1 MB) arrives whole through a slow reader and parses", async () => {
    const r = await slowRead(["check", join(dir, "folder"), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(1024 * 1024);
    const reports = JSON.parse(r.stdout) as { findings: unknown[] }[];
    expect(reports).toHaveLength(2);
    expect(reports[0].findings.length).toBeGreaterThanOrEqual(3000);
    console.log(`--json through a pipe: ${Buffer.byteLength(r.stdout)} bytes, ${reports[0].findings.length + reports[1].findings.length} findings parsed`);
  }, 120_000);

  it("a text report of 3,000 findings arrives whole, summary line last", async () => {
    const json = await slowRead(["check", join(dir, "folder", "many.xlsx"), "--json"]);
    const expected = (JSON.parse(json.stdout) as { findings: unknown[] }).findings.length;
    const r = await slowRead(["check", join(dir, "folder")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n").filter((l) => /^ {2}\[(错误|警告|尾差|提示)\]/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(expected);
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^共 2 个文件：2 个有错误，0 个无法读取$/);
    console.log(`text through a pipe: ${Buffer.byteLength(r.stdout)} bytes, ${lines.length} finding lines`);
  }, 120_000);

  it("| head -1 gets one line, and the command ends quietly with its own exit code", () => {
    const r = spawnSync("bash", ["-c", `"${process.execPath}" -r tsx/cjs "${ENTRY}" check "${join(dir, "folder")}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr.trim()).toBe("status=1");
  }, 60_000);

  it("usage errors go to stderr, not stdout", () => {
    const r = spawnSync(process.execPath, ["-r", "tsx/cjs", ENTRY, "check", "--nonsense"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/参数有误：不认识的选项 --nonsense[\s\S]*用法：juesuan check/);
  }, 30_000);
});
