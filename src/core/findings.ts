// What every check produces: one finding, with the cells it concerns and a Chinese message.
export type Severity = "error" | "warning" | "info";

/** The order a person reads findings in: errors, then warnings, then notes. The one definition. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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
  /** A difference within the 尾差 envelope: a rounding warning, not a wrong figure. */
  rounding?: boolean;
}

/** What a finding is about: its rule, table and sheet. */
export interface FindingSubject {
  rule: string;
  table: TableId | null;
  sheet: string;
}

/** The figures of a finding that compares: expected, found, difference (already formatted). */
export interface Figures {
  expected: string | null;
  found: string | null;
  difference: string | null;
  related?: string[];
  rounding?: boolean;
}

/** The one place a finding is built: every field set, no figures unless the finding compares. */
export function finding(subject: FindingSubject, severity: Severity, cells: readonly string[], message: string, figures?: Partial<Figures>): Finding {
  const f: Finding = {
    rule: subject.rule,
    severity,
    table: subject.table,
    sheet: subject.sheet,
    cells: [...cells],
    expected: figures?.expected ?? null,
    found: figures?.found ?? null,
    difference: figures?.difference ?? null,
    message,
  };
  if (figures?.related) f.related = figures.related;
  if (figures?.rounding) f.rounding = true;
  return f;
}

/** 错误, 尾差 (a rounding warning), 警告 or 提示: what a person calls the finding. */
export function severityLabel(f: Pick<Finding, "severity" | "rounding">): string {
  if (f.severity === "error") return "错误";
  if (f.severity === "info") return "提示";
  return f.rounding ? "尾差" : "警告";
}

export interface Summary {
  errors: number;
  rounding: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    rounding: findings.filter((f) => f.severity === "warning" && f.rounding).length,
    warnings: findings.filter((f) => f.severity === "warning" && !f.rounding).length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

/** `3 处错误，10 处尾差，1 处警告，2 条提示`, leaving out what is zero. */
export function describeSummary(s: Summary): string {
  const parts = [
    `${s.errors} 处错误`,
    s.rounding ? `${s.rounding} 处尾差` : "",
    s.warnings ? `${s.warnings} 处警告` : "",
    s.infos ? `${s.infos} 条提示` : "",
  ].filter(Boolean);
  return parts.join("，");
}
