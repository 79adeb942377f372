// What 校验 writes on the sheets: one mark per cell (the worst finding's colour, every finding's text).
// Pure: the Excel adapter applies the plan and remembers what it replaced.
import { type Finding, SEVERITY_RANK, severityLabel } from "./findings";

export const MARK_FILL: Record<Finding["severity"], string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

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
    return { sheet, address, severity: worst.severity, fill: MARK_FILL[worst.severity], note: list.map(noteText).join("\n\n") };
  });
}
