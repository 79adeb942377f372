// What 校验 writes on the sheets: one mark per cell (the worst finding's colour, every finding's text).
// Pure: the Excel adapter applies the plan and remembers what it replaced.
import { type Finding, SEVERITY_RANK, severityLabel } from "./findings";

/**
 * The fills of the marks, one per kind the pane's badges tell apart (src/taskpane/check/KindBadge.tsx: red 错误,
 * yellow 尾差, orange 警告, blue 提示), so that a cell and its finding in the pane show the same colour. A 尾差
 * counted as an error in 严格模式 is an error, and red.
 */
export const MARK_FILL: Record<Finding["severity"] | "rounding", string> = { error: "#FFC7CE", rounding: "#FFEB9C", warning: "#F8CBAD", info: "#DDEBF7" };

/** Every note the add-in writes starts with this, so that its own notes can be told from the user's. */
export const NOTE_PREFIX = "【决算助手";

export interface CellMark {
  sheet: string;
  address: string;
  severity: Finding["severity"];
  fill: string;
  note: string;
}

export function noteText(f: Finding): string {
  const figures = f.expected !== null ? `\n应为：${f.expected}\n实为：${f.found ?? ""}\n差额：${f.difference ?? ""}` : "";
  return `${NOTE_PREFIX}·${severityLabel(f)} ${f.rule}】${f.message}${figures}`;
}

export function planMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const address of f.cells) {
      const key = `${f.sheet}\u0000${address}`;
      const list = byCell.get(key);
      if (list) list.push(f);
      else byCell.set(key, [f]);
    }
  }
  return [...byCell.entries()].map(([key, list]) => {
    const [sheet, address] = key.split("\u0000");
    const worst = list.reduce((a, b) => (SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a));
    const rounding = worst.severity === "warning" && list.every((f) => f.severity !== "warning" || f.rounding);
    return { sheet, address, severity: worst.severity, fill: rounding ? MARK_FILL.rounding : MARK_FILL[worst.severity], note: list.map(noteText).join("\n\n") };
  });
}
