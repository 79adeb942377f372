// What kind a finding is and where it goes in a list: four kinds an accountant tells apart at a glance
// (错误, 尾差, 警告, 提示; their badges are in KindBadge.tsx), and the largest difference first.
import { type Finding, SEVERITY_RANK } from "../../core/findings";
import { Decimal } from "../../core/money";

export type Kind = "error" | "rounding" | "warning" | "info";

export const KINDS: readonly Kind[] = ["error", "rounding", "warning", "info"];

export const KIND_LABEL: Record<Kind, string> = { error: "错误", rounding: "尾差", warning: "警告", info: "提示" };
/** The unit a count of the kind takes: 3 处错误, 2 条提示. */
export const KIND_UNIT: Record<Kind, string> = { error: "处", rounding: "处", warning: "处", info: "条" };

/** A 尾差 counted as an error in 严格模式 stays an error (that is what 严格模式 means): its sub-label says 尾差. */
export function kindOf(f: Finding): Kind {
  if (f.severity === "error") return "error";
  if (f.severity === "info") return "info";
  return f.rounding ? "rounding" : "warning";
}

export function countKinds(findings: readonly Finding[]): Record<Kind, number> {
  const counts: Record<Kind, number> = { error: 0, rounding: 0, warning: 0, info: 0 };
  for (const f of findings) counts[kindOf(f)]++;
  return counts;
}

/** |差额| of a finding, 0 when it has none or it is not a plain amount (≤ bounds, texts). */
export function differenceSize(f: Finding): Decimal {
  const text = f.difference?.replace(/[,\s+]/g, "") ?? "";
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return new Decimal(0);
  return new Decimal(text).abs();
}

/** Errors first, then 尾差, 警告, 提示: core's order of severities (SEVERITY_RANK), and within the warnings the
 *  kinds in the order of KINDS (尾差 before 警告); within a kind the largest difference first (in 严格模式 the
 *  real error of −1,844.57 before 42 one-cent 尾差, which come last among the errors). */
export function byWeight(a: Finding, b: Finding): number {
  const rank = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || KINDS.indexOf(kindOf(a)) - KINDS.indexOf(kindOf(b));
  if (rank) return rank;
  const roundingLast = Number(!!a.rounding) - Number(!!b.rounding);
  if (roundingLast) return roundingLast;
  return differenceSize(b).comparedTo(differenceSize(a));
}

/** `3 处错误，1 条提示`; in 严格模式 `45 处错误（其中 42 处尾差）`. Errors are always named, even at 0. */
export function countsText(findings: readonly Finding[]): string {
  const c = countKinds(findings);
  const strictRounding = findings.filter((f) => f.severity === "error" && f.rounding).length;
  return KINDS.filter((k) => k === "error" || c[k])
    .map((k) => `${c[k]} ${KIND_UNIT[k]}${KIND_LABEL[k]}${k === "error" && strictRounding ? `（其中 ${strictRounding} 处尾差）` : ""}`)
    .join("，");
}
