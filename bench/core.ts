// npm run bench:core: validate() on 表2/表3/表5 of N code rows each (bench/synthetic.ts), with the integer-cents
// fast path and with decimal.js only. Run as an esbuild bundle of plain JavaScript, as webpack ships the core:
// tsx, which runs the other benches, wraps every function and closure in a naming helper (esbuild's keepNames),
// which slows the core's hot loops and is in no build a user runs.
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import type { Grid } from "../src/core/grid";
import { validate } from "../src/core/validate";
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

/** validate() on the same grids with the integer-cents fast path and with decimal.js only; the findings of both
 *  must be the same. */
function timeCore(grids: Grid[], runs: number): { codeRows: number; findings: number; same: boolean } & Record<Arithmetic, CoreTime> {
  const codeRows = grids.reduce((n, g) => n + g.values.length - 5, 0);
  const modes: Arithmetic[] = ["cents", "decimal"];
  const found = modes.map((arithmetic) => JSON.stringify(validate(grids, { arithmetic }).findings)); // also warms up the JIT
  const cpu: Record<Arithmetic, number[]> = { cents: [], decimal: [] };
  const wall: Record<Arithmetic, number[]> = { cents: [], decimal: [] };
  // One path after the other, not interleaved: a run of the fast path right after one of decimal.js only would
  // pay for collecting the other's garbage.
  for (const arithmetic of modes) {
    validate(grids, { arithmetic });
    for (let i = 0; i < runs; i++) {
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

const show = (t: CoreTime) => `${t.cpu.toFixed(0)} ms (${t.ms.toFixed(0)} ms)`;
const rowsLabel = (n: number) => n.toLocaleString("en-US").padStart(6);

function coreFigures(): void {
  console.log("\n[core] validate() on 表2/表3/表5 with N code rows each (bench/synthetic.ts): CPU time (wall time), medians;");
  console.log("       the integer-cents fast path, then decimal.js only (arithmetic: 'decimal'). Budget: 40 ms at N=5,000");
  const workloads = [
    { title: "a consistent workbook (表5 within 表3: no finding of arithmetic)", consistent: true },
    { title: "表5 drawn on its own (an X8 warning in most of its rows: the cost of findings)", consistent: false },
  ];
  for (const { title, consistent } of workloads) {
    console.log(`  ${title}`);
    const perRow: Record<Arithmetic, number[]> = { cents: [], decimal: [] };
    for (const [rows, runs] of [
      [5000, 15],
      [50000, 3],
    ]) {
      const r = timeCore(syntheticWorkbook(rows, { consistent }), runs);
      console.log(`    N=${rowsLabel(rows)}: fast path ${show(r.cents)}, decimal.js only ${show(r.decimal)}; ${r.findings} findings, ${r.same ? "the same on both paths" : "NOT THE SAME on both paths"}`);
      perRow.cents.push(r.cents.cpu / r.codeRows);
      perRow.decimal.push(r.decimal.cpu / r.codeRows);
    }
    const ratio = (m: Arithmetic) => (perRow[m][1] / perRow[m][0]).toFixed(2);
    console.log(`    CPU per row at 50,000 against 5,000 (1.00 = linear): fast path ${ratio("cents")}, decimal.js only ${ratio("decimal")}`);
  }
  // The fast path's cost per row as the tables grow: what grows faster than the rows is the memory the grid and
  // the model take (cache misses, and the collector copying a model that outlives a young generation), not steps.
  const series = [5000, 10000, 20000, 50000].map((rows) => {
    const grids = syntheticWorkbook(rows, { consistent: true });
    const cpu: number[] = [];
    validate(grids);
    for (let i = 0; i < Math.max(3, 60000 / rows); i++) {
      const c0 = process.cpuUsage();
      validate(grids);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { rows, perThousand: (median(cpu) / rows) * 1000 };
  });
  console.log(`  fast path, consistent workbook, CPU per 1,000 rows of each table: ${series.map((s) => `N=${s.rows.toLocaleString("en-US")} ${s.perThousand.toFixed(2)} ms`).join(", ")}`);
}

console.log(`决算助手 core bench — ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}, Node ${process.version}`);
coreFigures();
