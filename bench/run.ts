// npm run bench: the budgets of DESIGN.md, measured on this machine (reported, never asserted).
// BENCH_ONLY=core npm run bench: the core's figures alone.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { run } from "../src/cli/main";
import { validate } from "../src/core/validate";
import { checkInExcel } from "../src/excel/check";
import { openWorkbook } from "../test/fakeHost/adapterHost";
import { FakeWorkbook } from "../test/fakeHost/state";
import { printExcelLimits } from "./excel";
import type { Grid } from "../src/core/grid";
import { syntheticWorkbook } from "./synthetic";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type Arithmetic = "cents" | "decimal";

interface CoreTime {
  /** Median CPU time of validate() (steadier than wall time on a machine others share) and median wall time. */
  cpu: number;
  ms: number;
}

/** validate() on the same grids with the integer-cents fast path and with decimal.js only, runs interleaved so
 *  that both see the same load; the findings of both must be the same. */
function timeCore(grids: Grid[], runs: number): { codeRows: number; findings: number; same: boolean } & Record<Arithmetic, CoreTime> {
  const codeRows = grids.reduce((n, g) => n + g.values.length - 5, 0);
  const modes: Arithmetic[] = ["cents", "decimal"];
  const found = modes.map((arithmetic) => JSON.stringify(validate(grids, { arithmetic }).findings)); // also warms up the JIT
  const cpu: Record<Arithmetic, number[]> = { cents: [], decimal: [] };
  const wall: Record<Arithmetic, number[]> = { cents: [], decimal: [] };
  for (let i = 0; i < runs; i++) {
    for (const arithmetic of modes) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      validate(grids, { arithmetic });
      const c = process.cpuUsage(c0);
      wall[arithmetic].push(performance.now() - t0);
      cpu[arithmetic].push((c.user + c.system) / 1000);
    }
  }
  const time = (m: Arithmetic): CoreTime => ({ cpu: median(cpu[m]), ms: median(wall[m]) });
  const findings = validate(grids).findings.length;
  return { codeRows, findings, same: found[0] === found[1], cents: time("cents"), decimal: time("decimal") };
}

function coreFigures(): void {
  console.log("\n[core] validate() on 表2/表3/表5 with N code rows each (bench/synthetic.ts): CPU time (wall time), medians;");
  console.log("       the integer-cents fast path and decimal.js only (arithmetic: 'decimal'), interleaved in one run. Budget: 40 ms at N=5,000");
  const perRow: Record<Arithmetic, number[]> = { cents: [], decimal: [] };
  for (const [rows, runs] of [
    [5000, 9],
    [50000, 3],
  ]) {
    const r = timeCore(syntheticWorkbook(rows), runs);
    const show = (t: CoreTime) => `${t.cpu.toFixed(0)} ms (${t.ms.toFixed(0)} ms)`;
    console.log(`  N=${rows.toLocaleString("en-US").padStart(6)}: fast path ${show(r.cents)}, decimal.js only ${show(r.decimal)}; ${r.findings} findings, ${r.same ? "the same on both paths" : "NOT THE SAME on both paths"}`);
    perRow.cents.push(r.cents.cpu / r.codeRows);
    perRow.decimal.push(r.decimal.cpu / r.codeRows);
  }
  const ratio = (m: Arithmetic) => (perRow[m][1] / perRow[m][0]).toFixed(2);
  console.log(`  CPU per row at 50,000 against 5,000 (1.00 = linear): fast path ${ratio("cents")}, decimal.js only ${ratio("decimal")}`);
  const consistent = timeCore(syntheticWorkbook(5000, { consistent: true }), 9);
  console.log(`  N= 5,000, 表5 within 表3 (${consistent.findings} findings, no X8): fast path ${consistent.cents.cpu.toFixed(0)} ms (${consistent.cents.ms.toFixed(0)} ms), decimal.js only ${consistent.decimal.cpu.toFixed(0)} ms (${consistent.decimal.ms.toFixed(0)} ms)`);
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
  coreFigures();
  if (process.env.BENCH_ONLY === "core") return;
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
  .then(() => (process.env.BENCH_ONLY === "core" ? undefined : bundleSizes()))
  .catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
