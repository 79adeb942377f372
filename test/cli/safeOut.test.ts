// --out never writes onto an input (links and case included), never overwrites without --force, gives each
// input its own copy, writes atomically, and a copy that cannot be written is exit 3 after the findings.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { SHANGHAI_XLSX, WUHAN_XLSX, tempDir } from "../support/workbooks";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run(args, (t) => {
    out += t;
  });
  return { code, out };
}

async function opens(path: string): Promise<boolean> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.length > 0;
}

function withInput(): { dir: string; input: string; hash: string } {
  const dir = tempDir();
  const input = join(dir, "in.xlsx");
  copyFileSync(WUHAN_XLSX, input);
  return { dir, input, hash: sha(input) };
}

describe("--out", () => {
  it.each([
    ["a symbolic link to the input", (dir: string, input: string) => (symlinkSync(input, join(dir, "link.xlsx")), join(dir, "link.xlsx"))],
    ["a hard link to the input", (dir: string, input: string) => (linkSync(input, join(dir, "hard.xlsx")), join(dir, "hard.xlsx"))],
    ["the input by another spelling", (dir: string) => join(dir, ".", "sub", "..", "in.xlsx")],
  ])("refuses %s, with --force too, and leaves the input's bytes as they were", async (_, make) => {
    const { dir, input, hash } = withInput();
    mkdirSync(join(dir, "sub"));
    const target = make(dir, input);
    const { code, out } = await cli("check", input, "--out", target, "--force");
    expect(code).toBe(2);
    expect(out).toMatch(/不能与输入文件相同/);
    expect(sha(input)).toBe(hash);
  });

  it("refuses a name that differs from the input's only in case (file systems that ignore case)", async () => {
    const { dir, input, hash } = withInput();
    const { code, out } = await cli("check", input, "--out", join(dir, "IN.xlsx"));
    expect(code).toBe(2);
    expect(out).toMatch(/不能与输入文件相同/);
    expect(sha(input)).toBe(hash);
  });

  it("does not overwrite an existing file without --force: exit 3, after the findings", async () => {
    const { dir, input } = withInput();
    const target = join(dir, "copy.xlsx");
    writeFileSync(target, "mine");
    const first = await cli("check", input, "--out", target);
    expect(first.code).toBe(3);
    expect(first.out).toMatch(/\[错误\] T1-57[\s\S]*标注副本未写入：标注副本“.*copy\.xlsx”已存在；如要覆盖，请加 --force/);
    expect(readFileSync(target, "utf8")).toBe("mine");
    const forced = await cli("check", input, "--out", target, "--force");
    expect(forced.code).toBe(1);
    expect(await opens(target)).toBe(true);
  });

  it("replaces a symbolic link at the target instead of writing through it", async () => {
    const { dir, input } = withInput();
    const other = join(dir, "other.xlsx");
    copyFileSync(SHANGHAI_XLSX, other);
    const otherHash = sha(other);
    symlinkSync(other, join(dir, "copy.xlsx"));
    // `other` is an input of this run: writing through the link would change it.
    const { code } = await cli("check", input, other, "--out", dir, "--force");
    expect(code).toBe(1);
    expect(sha(other)).toBe(otherHash);
  });

  it("gives inputs with the same base name their own copies (subfolders mirrored, names numbered)", async () => {
    const dir = tempDir();
    for (const sub of ["s1", "s2"]) {
      mkdirSync(join(dir, "in", sub), { recursive: true });
      copyFileSync(WUHAN_XLSX, join(dir, "in", sub, "x.xlsx"));
    }
    copyFileSync(WUHAN_XLSX, join(dir, "in", "y.xlsx"));
    copyFileSync(WUHAN_XLSX, join(dir, "in", "y.xlsm"));
    const { code, out } = await cli("check", join(dir, "in"), "--out", join(dir, "out"));
    expect(code).toBe(1);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["s1", "s2", "y.校验(2).xlsx", "y.校验.xlsx"]);
    expect(existsSync(join(dir, "out", "s1", "x.校验.xlsx")) && existsSync(join(dir, "out", "s2", "x.校验.xlsx"))).toBe(true);
    expect(out).toMatch(/原文件含宏（\.xlsm），本工具不能保留宏：副本为不含宏的 \.xlsx/);
  });

  it("refuses to name a copy .xlsm, since the macros cannot be kept", async () => {
    const { dir, input } = withInput();
    const { code, out } = await cli("check", input, "--out", join(dir, "copy.xlsm"));
    expect(code).toBe(3);
    expect(out).toMatch(/不能另存为 \.xlsm/);
    expect(existsSync(join(dir, "copy.xlsm"))).toBe(false);
  });

  it("says in Chinese why a copy cannot be written, keeps the library's text for --verbose, and goes on", async () => {
    const { dir, input } = withInput();
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const root = process.getuid?.() === 0;
    const plain = await cli("check", input, "--out", join(dir, "missing", "deeper", "copy.xlsx", "x.xlsx"));
    expect(plain.code).toBe(1); // folders are created
    writeFileSync(join(dir, "file"), "");
    const blocked = await cli("check", input, "--out", join(dir, "file", "copy.xlsx"));
    expect(blocked.code).toBe(3);
    expect(blocked.out).toMatch(/\[错误\] T1-57[\s\S]*标注副本未写入：无法写入标注副本“.*”：路径中有一段不是文件夹/);
    expect(blocked.out).not.toMatch(/ENOTDIR|EEXIST/);
    const verbose = await cli("check", input, "--out", join(dir, "file", "copy.xlsx"), "--verbose");
    expect(verbose.out).toMatch(/详细信息：.*(ENOTDIR|EEXIST)/);
    if (!root) {
      const denied = await cli("check", input, "--out", join(locked, "copy.xlsx"));
      expect(denied.code).toBe(3);
      expect(denied.out).toMatch(/没有写入权限/);
    }
  });

  it("leaves no half-written workbook when runs race for the same name", async () => {
    const { dir, input } = withInput();
    const target = join(dir, "copy.xlsx");
    const codes = await Promise.all(Array.from({ length: 4 }, () => cli("check", input, "--out", target, "--force").then((r) => r.code)));
    expect(codes).toEqual([1, 1, 1, 1]);
    expect(await opens(target)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    // Without --force, exactly one run gets the name.
    const target2 = join(dir, "copy2.xlsx");
    const results = await Promise.all(Array.from({ length: 4 }, () => cli("check", input, "--out", target2).then((r) => r.code)));
    expect(results.filter((c) => c === 1)).toHaveLength(1);
    expect(results.filter((c) => c === 3)).toHaveLength(3);
    expect(await opens(target2)).toBe(true);
  });
});
