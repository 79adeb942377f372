// What every check produces: one finding, with the cells it concerns and a Chinese message.
export type Severity = "error" | "warning" | "info";

export const TABLE_IDS = ["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface Finding {
  /** Rule id: `T1-57`, `T2-行`, `X3`, `AMT` … */
  rule: string;
  severity: Severity;
  /** The table the finding is about; null for the workbook as a whole. */
  table: TableId | null;
  /** Sheet of `cells`; empty when the finding concerns no cell. */
  sheet: string;
  /** A1 addresses on `sheet`: the cells that are wrong, marked in the workbook. */
  cells: string[];
  /** The cells it was compared with, as `sheet!A1` (the parts of a sum, the figure in another table). */
  related?: string[];
  expected: string | null;
  found: string | null;
  difference: string | null;
  message: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "尾差/警告", info: "提示" };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
