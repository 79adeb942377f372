// npm run bench: the budgets of DESIGN.md, measured on this machine (reported, never asserted). The core's
// figures come first, from bench/core.ts (npm run bench:core); this file measures the adapter and the CLI.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { run } from "../src/cli/main";
import { checkInExcel } from "../src/excel/check";
import { openWorkbook } from "../test/fakeHost/adapterHost";
import { FakeWorkbook } from "../test/fakeHost/state";
import { printExcelLimits } from "./excel";
import { syntheticWorkbook } from "./synthetic";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeCli(copies: number): Promise<{ seconds: number; perFile: number }> {
  const dir = mkdtempSync(join(tmpdir(), "juesuan-bench-"));
  for (let i = 0; i < copies; i++) copyFileSync(join(__dirname, "..", "samples", "wuhan-2020.xlsx"), join(dir, `sub-${String(i).padStart(4, "0")}.xlsx`));
  const t0 = performance.now();
  await run(["check", dir, "--json"], () => undefined);
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return { seconds, perFile: (seconds * 1000) / copies };
}

/** 校验 through the adapter on the fake host: the round trips to Excel and the time around them. */
async function timeExcel(rowsPerTable: number, runs: number): Promise<{ rows: number; syncs: number; ms: number }> {
  const grids = syntheticWorkbook(rowsPerTable);
  const rows = grids.reduce((n, g) => n + g.values.length, 0);
  let syncs = 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const state = FakeWorkbook.fromGrids(grids);
    const t0 = performance.now();
    await checkInExcel(openWorkbook(state));
    times.push(performance.now() - t0);
    syncs = state.syncCount;
  }
  return { rows, syncs, ms: median(times) };
}

async function main(): Promise<void> {
  console.log(`决算助手 bench — ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}, Node ${process.version}`);
  console.log("\n[excel] 校验 through the Office.js adapter on the fake host (median of 5)");
  const sample = FakeWorkbook.fromGrids(await import("../test/support/workbooks").then((m) => m.readGrids(m.WUHAN_XLSX)));
  await checkInExcel(openWorkbook(sample));
  console.log(`  Wuhan sample: ${sample.syncCount} context.sync() calls (2 + 1 read chunk + 1 probe + 1 write; README, Excel)`);
  const big = await timeExcel(6700, 5);
  console.log(`  ${big.rows} rows (表2/表3/表5): ${big.syncs} context.sync() calls, ${big.ms.toFixed(0)} ms`);
  await printExcelLimits();

  const copies = Number(process.env.BENCH_CLI_COPIES ?? 200);
  console.log(`\n[cli] juesuan check on a folder of ${copies} copies of samples/wuhan-2020.xlsx (--json)`);
  const cli = await timeCli(copies);
  console.log(`  ${cli.seconds.toFixed(2)} s in all, ${cli.perFile.toFixed(1)} ms per file → 1,000 files ≈ ${(cli.perFile).toFixed(0)} s (budget: 60 s)`);
}

function bundleSizes(): void {
  console.log("\n[bundle] dist/ (npm run build first)");
  for (const file of ["functions.js", "taskpane.js", "commands.js"]) {
    const path = join(__dirname, "..", "dist", file);
    if (!existsSync(path)) {
      console.log(`  ${file}: not built`);
      continue;
    }
    const body = readFileSync(path);
    console.log(`  ${file}: ${(body.length / 1024).toFixed(0)} KiB, ${(gzipSync(body).length / 1024).toFixed(0)} KiB gzipped`);
  }
}

main()
  .then(bundleSizes)
  .catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
