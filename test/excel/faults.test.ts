// Every write of the add-in is recoverable at every sync: each operation is run with a failure injected at each
// of its syncs in each of three modes (before the batch ran, half-applied, applied with the reply lost), and with
// each of its settings saves failing; afterwards one action of the pane (撤销 or 清除标记, on the same session)
// must bring back every value, formula, fill and note. The table is written to test-results/fault-injection.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Grid } from "../../src/core/grid";
import { subtotalIdentities } from "../../src/core/subtotals/plan";
import { recognizeWorkbook } from "../../src/core/tables/recognize";
import { REQUEST_BUDGET, limits } from "../../src/excel/batch";
import { checkInExcel, clearMarks } from "../../src/excel/check";
import { isStoreSheet } from "../../src/excel/docStore";
import { applyFill, previewFill } from "../../src/excel/fill";
import type { ExcelHost } from "../../src/excel/host";
import { insertMissingRows } from "../../src/excel/insertRows";
import { buildSelfEvalSheet } from "../../src/excel/selfEval";
import { undoLast } from "../../src/excel/undo";
import { openWorkbook } from "../fakeHost/adapterHost";
import { type FaultMode, FakeWorkbook } from "../fakeHost/state";
import { ROOT, WUHAN_XLSX, readGrids } from "../support/workbooks";

type Snapshot = ReturnType<FakeWorkbook["snapshot"]>;

/** What a person can see: the cells of every sheet but the add-in's very hidden storage. */
function visible(state: FakeWorkbook): Snapshot {
  const entries = Object.entries(state.snapshot()).filter(([k]) => !isStoreSheet(k.slice(0, k.lastIndexOf("!"))));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface Scenario {
  state: FakeWorkbook;
  host: ExcelHost;
  /** What the workbook must look like after the recovery. */
  baseline: Snapshot;
}

interface Operation {
  name: string;
  setup(): Promise<Scenario>;
  run(host: ExcelHost): Promise<unknown>;
  recovery: "撤销" | "清除标记";
}

let wuhan: Grid[];
let indicators: Grid[];

function wuhanState(): FakeWorkbook {
  const state = FakeWorkbook.fromGrids(wuhan);
  state.sheet("表1")!.cell("F32").fill = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
  state.sheet("表1")!.notes.set("F24", "会计：此数待核");
  state.sheet("表7")!.cell("C7").fill = { color: "#00B050", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0.4, patternTintAndShade: -0.2 };
  return state;
}

/** Wuhan with every subtotal emptied: what 填充小计 fills. */
function clearedWuhan(): FakeWorkbook {
  const state = wuhanState();
  for (const i of Object.values(recognizeWorkbook(wuhan).tables).flatMap(subtotalIdentities)) state.sheet(i.target.sheet)!.cells.delete(i.target.address);
  return state;
}

function withoutKuan(): FakeWorkbook {
  return FakeWorkbook.fromGrids(wuhan.map((g) => (g.sheet === "表3" ? { ...g, values: g.values.filter((r) => r[0] !== "21011") } : g)));
}

const scenario = (state: FakeWorkbook): Scenario => ({ state, host: openWorkbook(state), baseline: visible(state) });
const sorted = (snap: Snapshot): Snapshot => Object.fromEntries(Object.entries(snap).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const OPERATIONS: Operation[] = [
  { name: "校验", setup: async () => scenario(wuhanState()), run: (h) => checkInExcel(h), recovery: "清除标记" },
  {
    name: "重新校验",
    setup: async () => {
      const state = wuhanState();
      const s = scenario(state);
      await checkInExcel(s.host);
      // A fix between the two checks: 表7's error goes away, its mark must too.
      state.sheet("表7")!.cell("E7").value = 30.5;
      s.baseline = { ...s.baseline, "表7!E7": { ...s.baseline["表7!E7"], value: 30.5 } };
      return s;
    },
    run: (h) => checkInExcel(h),
    recovery: "清除标记",
  },
  {
    name: "清除标记",
    setup: async () => {
      const s = scenario(wuhanState());
      await checkInExcel(s.host);
      return s;
    },
    run: (h) => clearMarks(h),
    recovery: "清除标记",
  },
  {
    name: "填充小计（一批）",
    setup: async () => scenario(clearedWuhan()),
    run: async (h) => applyFill(h, await previewFill(h, { mode: "formula" })),
    recovery: "撤销",
  },
  {
    // The same fill with the request budget lowered so that it takes several write syncs.
    name: "填充小计（多批）",
    setup: async () => scenario(clearedWuhan()),
    run: async (h) => {
      limits.request = 20 * 1024;
      try {
        return await applyFill(h, await previewFill(h, { mode: "value" }));
      } finally {
        limits.request = REQUEST_BUDGET;
      }
    },
    recovery: "撤销",
  },
  {
    name: "撤销（填充小计）",
    setup: async () => {
      const s = scenario(clearedWuhan());
      await applyFill(s.host, await previewFill(s.host, { mode: "value" }));
      return s;
    },
    run: (h) => undoLast(h),
    recovery: "撤销",
  },
  {
    name: "插入缺失的行",
    setup: async () => scenario(withoutKuan()),
    run: async (h) => insertMissingRows(h, (await previewFill(h, { mode: "formula", tables: ["表3"] })).missing),
    recovery: "撤销",
  },
  {
    name: "撤销（插入缺失的行）",
    setup: async () => {
      const s = scenario(withoutKuan());
      await insertMissingRows(s.host, (await previewFill(s.host, { mode: "formula", tables: ["表3"] })).missing);
      return s;
    },
    run: (h) => undoLast(h),
    recovery: "撤销",
  },
  {
    name: "生成自评表",
    setup: async () => {
      const state = FakeWorkbook.fromGrids(indicators);
      state.activeSheet = indicators[0].sheet;
      return scenario(state);
    },
    run: (h) => buildSelfEvalSheet(h),
    recovery: "撤销",
  },
  {
    name: "撤销（生成自评表）",
    setup: async () => {
      const state = FakeWorkbook.fromGrids(indicators);
      state.activeSheet = indicators[0].sheet;
      const s = scenario(state);
      await buildSelfEvalSheet(s.host);
      return s;
    },
    run: (h) => undoLast(h),
    recovery: "撤销",
  },
];

async function recover(op: Operation, host: ExcelHost): Promise<void> {
  if (op.recovery === "清除标记") await clearMarks(host);
  else await undoLast(host);
}

interface Row {
  operation: string;
  fault: string;
  mode: string;
  failed: boolean;
  recovered: boolean;
}

const rows: Row[] = [];

beforeAll(async () => {
  wuhan = await readGrids(WUHAN_XLSX);
  indicators = await readGrids(join(ROOT, "samples", "self-eval-indicators.xlsx"));
});

afterAll(() => {
  const table = ["| 操作 | 故障 | 方式 | 操作失败 | 一次恢复后复原 |", "|---|---|---|---|---|", ...rows.map((r) => `| ${r.operation} | ${r.fault} | ${r.mode} | ${r.failed ? "是" : "否"} | ${r.recovered ? "是" : "否"} |`)];
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  writeFileSync(join(ROOT, "test-results", "fault-injection.md"), `${table.join("\n")}\n`);
});

const MODES: FaultMode[] = ["before", "half", "replyLost"];

describe.each(OPERATIONS.map((op) => [op.name, op] as const))("%s", (_, op) => {
  it("recovers with one pane action after a failure at any sync in any mode, and after any failed settings save", async () => {
    // A clean run, to count the syncs and saves the operation makes.
    const clean = await op.setup();
    const syncs0 = clean.state.syncCount;
    const saves0 = clean.state.settingsSaves;
    await op.run(clean.host);
    const syncs = clean.state.syncCount - syncs0;
    const saves = clean.state.settingsSaves - saves0;
    expect(syncs).toBeGreaterThan(0);

    const faults: { fault: string; mode: string; arm: (s: FakeWorkbook) => void }[] = [];
    for (let k = 1; k <= syncs; k++) for (const mode of MODES) faults.push({ fault: `第 ${k}/${syncs} 次 sync`, mode, arm: (s) => (s.fault = { at: k, mode }) });
    for (let k = 1; k <= saves; k++) faults.push({ fault: `第 ${k}/${saves} 次保存设置`, mode: "保存失败", arm: (s) => (s.settingsFault = k) });

    const failures: string[] = [];
    for (const f of faults) {
      const s = await op.setup();
      f.arm(s.state);
      const failed = await op.run(s.host).then(
        () => false,
        () => true,
      );
      s.state.fault = null;
      s.state.settingsFault = null;
      await recover(op, s.host);
      const recovered = JSON.stringify(visible(s.state)) === JSON.stringify(sorted(s.baseline));
      rows.push({ operation: op.name, fault: f.fault, mode: f.mode, failed, recovered });
      if (!recovered) failures.push(`${f.fault} ${f.mode}`);
      else expect(visible(s.state)).toEqual(sorted(s.baseline));
    }
    expect(failures).toEqual([]);
  });
});
