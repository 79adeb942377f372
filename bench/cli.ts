// npm run bench:cli — the command line as a separate process, as a user runs it: wall time and peak memory
// (/usr/bin/time when present, else the child's own resourceUsage) for a 200,000-row workbook, with and
// without --out, and the time for a folder of 1,000 files. Reported, never asserted.
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { syntheticWorkbook } from "./synthetic";

const ROOT = join(__dirname, "..");
const ENTRY = join(ROOT, "test", "corpus", "cliEntry.ts");

function cli(args: string[]): { code: number | null; seconds: number; peakMb: number } {
  const time = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", "maxRSS_KB=%M"] : [];
  const [cmd, ...rest] = [...time, process.execPath, "-r", "tsx/cjs", ENTRY, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, rest, { cwd: ROOT, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, JUESUAN_REPORT_MAXRSS: time.length ? "" : "1" } });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Math.max(0, ...[...r.stderr.matchAll(/maxRSS_KB=(\d+)/g)].map((m) => Number(m[1])));
  return { code: r.status, seconds, peakMb: kb / 1024 };
}

/** 表2/表3/表5 of the synthetic workbook, written as a real .xlsx through ExcelJS's streaming writer. */
async function writeBig(path: string, rowsPerTable: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  let rows = 0;
  for (const grid of syntheticWorkbook(rowsPerTable)) {
    const ws = wb.addWorksheet(grid.sheet);
    for (const row of grid.values) {
      ws.addRow(row).commit();
      rows++;
    }
    ws.commit();
  }
  await wb.commit();
  return rows;
}

async function main(): Promise<void> {
  console.log(`决算助手 bench:cli — ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}, Node ${process.version}, peak memory by ${existsSync("/usr/bin/time") ? "/usr/bin/time" : "process.resourceUsage"}`);
  const dir = mkdtempSync(join(tmpdir(), "juesuan-bench-cli-"));
  try {
    const big = join(dir, "big.xlsx");
    const rowsPerTable = Number(process.env.BENCH_CLI_ROWS ?? 200_000) / 3;
    const rows = await writeBig(big, Math.round(rowsPerTable));
    console.log(`\n[cli] one workbook: ${rows.toLocaleString("en-US")} rows (表2/表3/表5), ${(statSync(big).size / 1024 / 1024).toFixed(1)} MB`);
    const check = cli(["check", big, "--json"]);
    console.log(`  check --json:  exit ${check.code}, ${check.seconds.toFixed(1)} s, peak ${check.peakMb.toFixed(0)} MB`);
    const copy = cli(["check", big, "--out", join(dir, "big.校验.xlsx")]);
    console.log(`  check --out:   exit ${copy.code}, ${copy.seconds.toFixed(1)} s, peak ${copy.peakMb.toFixed(0)} MB${copy.code === 3 ? " (copy refused: above the copy's cell limit, findings printed)" : ""}`);

    const files = Number(process.env.BENCH_CLI_FILES ?? 1000);
    const folder = join(dir, "folder");
    mkdirSync(folder);
    for (let i = 0; i < files; i++) copyFileSync(join(ROOT, "samples", "wuhan-2020.xlsx"), join(folder, `f-${String(i).padStart(4, "0")}.xlsx`));
    const many = cli(["check", folder, "--json"]);
    console.log(`\n[cli] a folder of ${files} copies of samples/wuhan-2020.xlsx (--json): exit ${many.code}, ${many.seconds.toFixed(1)} s (${((many.seconds * 1000) / files).toFixed(0)} ms a file), peak ${many.peakMb.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
