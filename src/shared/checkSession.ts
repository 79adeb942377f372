// The last 校验 of this session, shared by the ribbon command and the task pane (one JavaScript runtime:
// the manifest's shared runtime), so that 一键校验 from the ribbon opens the pane on its results.
import type { CheckOptions } from "../core/validate";
import { type CheckOutcome, checkInExcel, clearMarks } from "../excel/check";
import type { ExcelHost } from "../excel/host";

export type CheckState =
  | { status: "idle" }
  | { status: "running"; step: string }
  | { status: "done"; outcome: CheckOutcome; strict: boolean; at: Date }
  | { status: "failed"; message: string };

type Listener = (state: CheckState) => void;

export class CheckSession {
  private state: CheckState = { status: "idle" };
  private readonly listeners = new Set<Listener>();

  constructor(private readonly host: () => ExcelHost) {}

  get current(): CheckState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: CheckState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  async check(options: CheckOptions = {}): Promise<void> {
    this.set({ status: "running", step: "正在读取并校验工作簿…" });
    try {
      const outcome = await checkInExcel(this.host(), options);
      this.set({ status: "done", outcome, strict: !!options.strict, at: new Date() });
    } catch (err) {
      this.set({ status: "failed", message: `校验未能完成。${describeError(err)}` });
    }
  }

  async clear(): Promise<number> {
    const restored = await clearMarks(this.host());
    if (this.state.status === "done") this.set({ ...this.state, outcome: { ...this.state.outcome, marked: 0 } });
    return restored;
  }
}

/** Office errors carry a code; say in Chinese what the user can do about the common ones. */
export function describeError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  const text = err instanceof Error ? err.message : String(err);
  if (code === "InvalidOperationInCellEditMode") return "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再校验。";
  if (code === "AccessDenied" || code === "ProtectedWorksheet") return "工作表受保护，无法写入：请取消保护后再试。";
  // The add-in's own messages are already in Chinese and say what to do.
  if (!code && /[\u4e00-\u9fff]/.test(text)) return text;
  return `操作未能完成：${text}`;
}

let session: CheckSession | null = null;

/** The one session of this runtime. */
export function checkSession(host: () => ExcelHost): CheckSession {
  session ??= new CheckSession(host);
  return session;
}
