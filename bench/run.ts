// npm run bench: the budgets of DESIGN.md, measured on this machine (reported, never asserted).
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
import { syntheticWorkbook } from "./synthetic";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time and CPU time of validate (the CPU time is steadier on a machine others share). */
function timeCore(rows: number, runs: number, arithmetic: "cents" | "decimal" = "cents"): { ms: number; cpu: number; codeRows: number; findings: number } {
  const grids = syntheticWorkbook(rows);
  const codeRows = grids.reduce((n, g) => n + g.values.length - 5, 0);
  validate(grids, { arithmetic }); // warm up the JIT
  const times: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    findings = validate(grids, { arithmetic }).findings.filter((f) => f.severity !== "warning" || f.rule !== "MISSING").length;
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), cpu: median(cpu), codeRows, findings };
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
  console.log("\n[core] synthetic workbook, 表2/表3/表5 each with N code rows (median of 9 runs)");
  for (const rows of [1250, 2500, 5000, 10000]) {
    const r = timeCore(rows, 9);
    console.log(`  N=${String(rows).padStart(5)}: ${r.codeRows} code rows in all, validate ${r.ms.toFixed(1)} ms, CPU ${r.cpu.toFixed(1)} ms (${((r.ms / r.codeRows) * 1000).toFixed(2)} µs/row)`);
  }
  console.log("\n[core] integer-cents fast path against Decimal throughout (arithmetic: 'decimal'), median of 5 (3 for 50,000)");
  for (const rows of [5000, 50000]) {
    const runs = rows > 10000 ? 3 : 5;
    const [fast, exact] = [timeCore(rows, runs, "cents"), timeCore(rows, runs, "decimal")];
    console.log(`  N=${String(rows).padStart(5)}: cents ${fast.ms.toFixed(0)} ms (CPU ${fast.cpu.toFixed(0)}), decimal.js only ${exact.ms.toFixed(0)} ms (CPU ${exact.cpu.toFixed(0)}); ${fast.findings} = ${exact.findings} findings`);
  }
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
