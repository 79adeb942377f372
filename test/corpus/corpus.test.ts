// The odd-file corpus (makeCorpus.ts): every file gives its exit code and its one-line Chinese reason, never
// a stack trace, never changes the file, and a folder of all of them is checked to the end in under 1 GB.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { ROOT, tempDir } from "../support/workbooks";
import { type CorpusFile, makeCorpus } from "./makeCorpus";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** The command line in a child process, its peak memory by /usr/bin/time when there is one. */
export function cliProcess(args: string[]): { code: number | null; stdout: string; stderr: string; maxRssKb: number } {
  const entry = join(__dirname, "cliEntry.ts");
  const node = [process.execPath, "-r", "tsx/cjs", entry, ...args];
  const time = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", "maxRSS_KB=%M"] : [];
  const [cmd, ...rest] = [...time, ...node];
  const r = spawnSync(cmd, rest, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, JUESUAN_REPORT_MAXRSS: time.length ? "" : "1" } });
  const kb = [...r.stderr.matchAll(/maxRSS_KB=(\d+)/g)].map((m) => Number(m[1]));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/maxRSS_KB=\d+\n?|Command exited with non-zero status \d+\n?/g, ""), maxRssKb: Math.max(0, ...kb) };
}

describe("the odd-file corpus", () => {
  let dir: string;
  let files: CorpusFile[];
  const hashes = new Map<string, string>();

  beforeAll(async () => {
    dir = tempDir();
    files = await makeCorpus(dir);
    for (const f of files) hashes.set(f.name, sha(f.path));
  }, 120_000);

  it("has the cases of issue 11, each under a few hundred KB on disk", () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
    for (const f of files) expect(readFileSync(f.path).length).toBeLessThan(400 * 1024);
  });

  it("gives every file its exit code and reason, and leaves it unchanged", async () => {
    const table: string[] = [];
    for (const f of files) {
      let out = "";
      const code = await run(["check", f.path], (t) => {
        out += t;
      });
      const reason = /无法读取：.*|\[错误\] (?:MISSING|NO-TABLE|NO-CACHE|AMT).*|✓ 表1 .*/.exec(out)?.[0] ?? "";
      table.push(`${f.name} → ${code} → ${reason.slice(0, 90)}`);
      expect({ file: f.name, code }).toEqual({ file: f.name, code: f.code });
      expect(out).toMatch(f.says);
      expect(out).not.toMatch(/\bat .*\.(js|ts):\d+|TypeError|RangeError|Cannot read/);
      expect(sha(f.path)).toBe(hashes.get(f.name));
    }
    // The corpus table of the closing note.
    console.log(table.join("\n"));
  }, 120_000);

  it("formulas without results are named, never read as 0", async () => {
    const f = files.find((x) => x.name === "formulas-without-results.xlsx")!;
    let out = "";
    await run(["check", f.path, "--json"], (t) => {
      out += t;
    });
    const findings = JSON.parse(out).findings as { rule: string; sheet: string; cells: string[]; message: string }[];
    const onThem = findings.filter((x) => x.sheet === "表3" && x.cells.some((c) => ["C7", "D7", "E7"].includes(c)));
    expect(onThem.map((x) => x.rule).sort()).toEqual(["AMT", "AMT", "AMT", "NO-CACHE"]);
    expect(findings.filter((x) => /实为 0\.00/.test(x.message) && x.sheet === "表3")).toEqual([]);
  });

  it("--out on a merge over a whole sheet: the check runs, the copy is refused with its reason (exit 3)", async () => {
    const f = files.find((x) => x.name === "merge-whole-sheet.xlsx")!;
    let out = "";
    const code = await run(["check", f.path, "--out", join(dir, "copy.xlsx")], (t) => {
      out += t;
    });
    expect(code).toBe(3);
    expect(out).toMatch(/MISSING[\s\S]*标注副本未写入：合并区域过大，无法生成标注副本：共覆盖 17,179,869,184 个单元格，上限 200,000/);
  });

  it("a folder of the whole corpus is checked to the end, in one process under 1 GB, without a stack trace", () => {
    const r = cliProcess(["check", dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`共 ${files.length} 个文件：\\d+ 个有错误，${files.filter((f) => f.code === 2).length} 个无法读取`));
    expect(r.stderr).toBe("");
    expect(r.maxRssKb).toBeGreaterThan(0);
    expect(r.maxRssKb).toBeLessThan(1024 * 1024);
    console.log(`corpus folder: peak ${(r.maxRssKb / 1024).toFixed(0)} MB`);
  }, 180_000);
});
