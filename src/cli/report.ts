// The command line's two outputs: a text report for a person, and the stable JSON shape for scripts.
import { type Finding, TABLE_IDS, type TableId, describeSummary, severityLabel, summarize } from "../core/findings";
import type { CheckedSummary, SelfEvalStatus } from "../core/scoring/checkSheets";
import type { ValidationResult } from "../core/validate";
import { TITLE_RULES, titleName } from "../core/tables/titles";

export interface TableStatus {
  table: TableId;
  sheet: string | null;
  recognized: boolean;
  reason?: string;
  /** Figures of a recognised table read into the model, and figures in its region that were not. */
  read?: number;
  unread?: number;
}

export interface FileReport {
  file: string;
  /** Set when the file could not be read at all. */
  error?: string;
  /** 表1–表9, then each 项目支出绩效自评表 found (or titled but not read, with the reason). */
  tables: (TableStatus | SelfEvalStatus)[];
  findings: Finding[];
  /** The filled 项目支出绩效自评表 found in the workbook, when there are any. */
  selfEvaluations?: { sheet: string; project: string; total: string; grade: string }[];
  /** The 自评 得分情况 summaries checked (得分率 = 得分/分值, 合计 = Σ 得分), when there are any. */
  selfEvalSummaries?: CheckedSummary[];
  /** With --out: where the annotated copy was written, or why it was not. */
  copy?: string;
  copyError?: string;
}

export function tableStatuses(result: ValidationResult): TableStatus[] {
  const { workbook } = result;
  return TABLE_IDS.map((id): TableStatus => {
    const table = workbook.tables[id];
    if (table) return { table: id, sheet: table.sheet, recognized: true, read: table.completeness.read, unread: table.completeness.unread.length };
    const failed = workbook.sheets.find((s) => s.candidate === id);
    if (failed) return { table: id, sheet: failed.sheet, recognized: false, reason: failed.reason };
    const title = TITLE_RULES.find((t) => t.id === id)?.name ?? id;
    return { table: id, sheet: null, recognized: false, reason: `未找到标题含“${title}”的工作表` };
  });
}

export function fileReport(file: string, result: ValidationResult, selfEvalOnly = false): FileReport {
  return { file, tables: selfEvalOnly ? [] : tableStatuses(result), findings: result.findings };
}

export function textReport(report: FileReport, unrecognizedSheets: { sheet: string; reason?: string }[] = []): string {
  const out: string[] = [`决算助手 校验：${report.file}`];
  if (report.error) {
    out.push(`  无法读取：${report.error}`);
    return out.join("\n");
  }
  out.push("识别结果：");
  for (const t of report.tables) {
    if (t.table === "自评表") continue;
    const name = `${t.table} ${titleName(t.table)}`;
    const counts = t.read !== undefined ? `（读取 ${t.read} 个金额${t.unread ? `，${t.unread} 个未能读取` : ""}）` : "";
    out.push(t.recognized ? `  ✓ ${name} ← 工作表「${t.sheet}」${counts}` : `  ✗ ${name}：${t.sheet ? `工作表「${t.sheet}」` : ""}${t.reason ?? "未找到"}`);
  }
  for (const s of report.selfEvaluations ?? []) out.push(`  ✓ 自评表 ${s.project} ← 工作表「${s.sheet}」：总分 ${s.total}（${s.grade}）`);
  for (const s of report.selfEvalSummaries ?? []) {
    const total = s.items.some((i) => /合计|总分|总计/.test(i));
    out.push(`  ✓ 自评得分情况 ← 工作表「${s.sheet}」：${s.items.join("、")}，已核对各项得分率 = 得分/分值${total ? "、合计得分 = 各项得分之和" : "（未见合计行，合计未核对）"}`);
  }
  for (const t of report.tables) {
    if (t.table !== "自评表") continue;
    if (!t.recognized) out.push(`  ✗ 自评表：工作表「${t.sheet}」${t.reason}`);
    else if (t.unread.length) out.push(`  · 自评表 ${t.title}（工作表「${t.sheet}」）未能读取或核对：${t.unread.join("；")}`);
  }
  for (const s of unrecognizedSheets) out.push(`  · 工作表「${s.sheet}」未识别为表1–表9：${s.reason ?? ""}`);
  out.push(`结果：${describeSummary(summarize(report.findings))}`);
  const groups: (TableId | null)[] = [null, ...TABLE_IDS];
  for (const table of groups) {
    const items = report.findings.filter((f) => f.table === table);
    if (!items.length) continue;
    out.push("", table ? `${table} ${titleName(table)}` : "整个工作簿 / 自评表");
    for (const f of items) {
      const where = f.cells.length ? `${f.sheet}!${f.cells.join(",")}` : "";
      out.push(`  [${severityLabel(f)}] ${f.rule}${where ? ` ${where}` : ""}：${f.message}`);
    }
  }
  return out.join("\n");
}
