// The last 校验 of this session, shared by the ribbon command and the task pane (one JavaScript runtime:
// the manifest's shared runtime, one webpack runtime), so that 一键校验 from the ribbon opens the pane on
// its results. It also holds what the pane shows around it: 严格模式, and whether the workbook was changed
// by the add-in since (then the findings may be out of date: "已修改，请重新校验").
import type { Finding } from "../core/findings";
import type { Grid } from "../core/grid";
import { validate } from "../core/validate";
import { workbookCatalog } from "../excel/catalogStore";
import { type CheckOutcome, type NotRestored, checkInExcel, clearMarksReport, hasTableTitle, markWorkbook, resetMarkRecords } from "../excel/check";
import { type ExcelHost, mergesSupported } from "../excel/host";
import { readWorkbook } from "../excel/readWorkbook";
import { type Described, describeError } from "./errors";

export type CheckState =
  | { status: "idle" }
  | { status: "running"; step: string }
  | { status: "done"; outcome: CheckOutcome; strict: boolean; at: Date; stale: boolean }
  | { status: "failed"; error: Described };

type Listener = (state: CheckState) => void;

const findingKey = (f: Finding) => `${f.rule}\u0000${f.sheet}\u0000${f.cells.join()}`;

/**
 * 严格模式 makes every difference an error; the pane still says which of them are 尾差. Core's strict check
 * drops that flag, so the same grids are also checked leniently and the 尾差 are flagged again (rounding stays
 * true, severity stays error: the mark is red, the label says 错误 · 尾差).
 */
function strictWithRounding(host: ExcelHost): (grids: Grid[]) => ReturnType<typeof validate> {
  return (grids: Grid[]) => {
    const catalog = workbookCatalog(host);
    const strict = validate(grids, { catalog, strict: true });
    const rounding = new Set(validate(grids, { catalog }).findings.filter((f) => f.rounding).map(findingKey));
    return { ...strict, findings: strict.findings.map((f) => (rounding.has(findingKey(f)) ? { ...f, rounding: true } : f)) };
  };
}

export class CheckSession {
  private state: CheckState = { status: "idle" };
  private strictMode = false;
  private selfEvalMarks = 0;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly host: () => ExcelHost) {}

  get current(): CheckState {
    return this.state;
  }

  get strict(): boolean {
    return this.strictMode;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: CheckState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  /** 严格模式 for this and every later check (the ribbon's included); re-runs a check already shown. */
  async setStrict(strict: boolean): Promise<void> {
    this.strictMode = strict;
    if (this.state.status === "done") await this.check();
    else this.set({ ...this.state });
  }

  /** Check the workbook; `mark: false` (after 定稿) checks without putting marks on the cells. */
  async check({ mark = true }: { mark?: boolean } = {}): Promise<void> {
    const strict = this.strictMode;
    this.set({ status: "running", step: "正在读取并校验工作簿…" });
    try {
      const host = this.host();
      const analyse = strict ? strictWithRounding(host) : (grids: Grid[]) => validate(grids, { catalog: workbookCatalog(host) });
      const outcome: CheckOutcome = !mark
        ? await host.run(async (context) => {
            // Read as 校验 reads (same sheets, merged areas, number formats), without touching a cell.
            const read = await readWorkbook(context, { candidate: hasTableTitle, merges: mergesSupported(host), numberFormats: true });
            return { ...analyse(read.grids), marked: 0, notRestored: [], mergesUnread: read.mergesUnread };
          })
        : strict
          ? await markWorkbook(host, "check", hasTableTitle, analyse)
          : await checkInExcel(host);
      this.set({ status: "done", outcome, strict, at: new Date(), stale: false });
    } catch (err) {
      this.set({ status: "failed", error: describeError(err) });
    }
  }

  /** The add-in changed the workbook (填充小计, 撤销, 定稿 …): the findings shown may no longer hold. */
  markStale(): void {
    if (this.state.status === "done" && !this.state.stale) this.set({ ...this.state, stale: true });
  }

  /** 清除标记 of 校验 only (检查自评表 keeps its own marks: src/excel/markStore.ts). */
  async clear(): Promise<{ restored: number; notRestored: NotRestored[] }> {
    const outcome = await clearMarksReport(this.host(), "check");
    this.marksCleared();
    return outcome;
  }

  /**
   * 重置标记记录 (for records nothing else can fix): both checks' marks put back where possible, the add-in's part
   * of every note removed, the records forgotten.
   */
  async resetMarks(): Promise<{ restored: number; notesCleaned: number }> {
    const outcome = await resetMarkRecords(this.host());
    this.marksCleared();
    this.selfEvalMarksChanged(0);
    return outcome;
  }

  /** How many cells 检查自评表 marked (the 绩效自评 panel says so). */
  get selfEvalMarked(): number {
    return this.selfEvalMarks;
  }

  selfEvalMarksChanged(marked: number): void {
    this.selfEvalMarks = marked;
    this.set({ ...this.state });
  }

  /** 校验's marks are gone (its 清除标记, 定稿, 重置标记记录): the summary must not say otherwise. */
  marksCleared(): void {
    if (this.state.status === "done" && this.state.outcome.marked) this.set({ ...this.state, outcome: { ...this.state.outcome, marked: 0 } });
  }
}

/** What 清除标记 could not put back, in Chinese, for the notice ("" when everything was restored). */
export function describeNotRestored(notRestored: readonly NotRestored[]): string {
  if (!notRestored.length) return "";
  const shown = notRestored.slice(0, 5).map((n) => `${n.sheet}!${n.address}（${n.reason}）`).join("、");
  return `${notRestored.length} 个单元格未能恢复原样：${shown}${notRestored.length > 5 ? " 等" : ""}。`;
}

let session: CheckSession | null = null;

/** The one session of this runtime. */
export function checkSession(host: () => ExcelHost): CheckSession {
  session ??= new CheckSession(host);
  return session;
}
