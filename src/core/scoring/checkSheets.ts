// Every 自评表 and 得分情况 summary among a workbook's grids, checked by their own rules; a 自评表 that could not be
// read (on a sheet of its own, or below or beside one that was) is a finding with its reason, never a silent pass.
import type { Finding } from "../findings";
import type { Grid } from "../grid";
import type { SelfEvalRuleId } from "../rules/catalogue";
import { type UnreadTable, readSelfEvalTables } from "./read";
import { readSummaries } from "./readSummary";
import { type SelfEvalResult, checkSummary, evaluateSelfEval } from "./selfEval";

export interface CheckedTable {
  project: string;
  sheet: string;
  result: SelfEvalResult;
  family?: string;
  read: string[];
  unread: string[];
}

export interface SelfEvalCheck {
  tables: CheckedTable[];
  /** Every 自评表 (title or header) that could not be read, where it starts and why. */
  unread: UnreadTable[];
  /** Every 得分情况 summary checked (得分率 = 得分/分值, 合计 = Σ 得分): its sheet, project and lines. */
  summaries: CheckedSummary[];
  findings: Finding[];
}

export interface CheckedSummary {
  sheet: string;
  project: string;
  /** The items read, 合计 included, as printed. */
  items: string[];
}

/** The `--json` `tables[]` entry of one 自评表: recognised with what was and was not read, or not, with why. */
export type SelfEvalStatus =
  | { table: "自评表"; sheet: string; recognized: true; title: string; family?: string; read: string[]; unread: string[] }
  | { table: "自评表"; sheet: string; recognized: false; title: string; reason: string };

export function checkSelfEvalGrids(grids: readonly Grid[]): SelfEvalCheck {
  const tables: CheckedTable[] = [];
  const unread: UnreadTable[] = [];
  const summaryFindings: Finding[] = [];
  const summaries: CheckedSummary[] = [];
  for (const g of grids) {
    const found = readSelfEvalTables(g);
    const blocks = readSummaries(g);
    // A heading about the 得分 (一、部门整体绩效自评得分) over a summary that was read is that summary's, not a 自评表's.
    unread.push(...found.unread.filter((u) => !(blocks.length && /得分/.test(u.title))));
    for (const t of found.tables) tables.push({ project: t.project, sheet: g.sheet, result: evaluateSelfEval(t), family: t.family, read: t.read ?? [], unread: t.unread ?? [] });
    // A 得分情况 summary names no project: the sheet's one 自评表's, or the sheet.
    const project = found.tables.length === 1 ? found.tables[0].project : `工作表「${g.sheet}」`;
    for (const lines of blocks) {
      summaryFindings.push(...checkSummary(project, lines, g.sheet));
      summaries.push({ sheet: g.sheet, project, items: lines.map((l) => l.item) });
    }
  }
  const unreadFindings: Finding[] = unread.map((u) => ({
    rule: "SE-未识别" satisfies SelfEvalRuleId,
    severity: "error",
    table: null,
    sheet: u.sheet,
    cells: u.cell ? [u.cell] : [],
    expected: null,
    found: null,
    difference: null,
    message: `工作表「${u.sheet}」：${u.reason}`,
  }));
  return { tables, unread, summaries, findings: [...unreadFindings, ...tables.flatMap((t) => t.result.findings), ...summaryFindings] };
}

export function selfEvalStatuses(check: SelfEvalCheck): SelfEvalStatus[] {
  return [
    ...check.tables.map((t): SelfEvalStatus => ({ table: "自评表", sheet: t.sheet, recognized: true, title: t.project, ...(t.family ? { family: t.family } : {}), read: t.read, unread: t.unread })),
    ...check.unread.map((u): SelfEvalStatus => ({ table: "自评表", sheet: u.sheet, recognized: false, title: u.title, reason: u.reason })),
  ];
}
