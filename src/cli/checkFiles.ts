// Check one file or every workbook under a folder; each file is read, validated and, on request, annotated.
// Nothing here throws for a file: whatever fails becomes that file's reason, and the next file is checked.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Finding } from "../core/findings";
import { checkSelfEvalGrids, selfEvalStatuses } from "../core/scoring/checkSheets";
import { type CheckOptions, sortFindings, validate } from "../core/validate";
import { annotateWorkbook } from "./annotate";
import { cliFindings, shortenFindings } from "./extraFindings";
import { loadWhole, readWorkbook } from "./openWorkbook";
import { type FileReport, fileReport } from "./report";
import { CopyError, type CopyTarget, writeAtomically } from "./safeOut";
import { type ZipFacts, Unreadable, count } from "./zipInspect";
import { MAX_COPY_MARKS } from "./limits";
import { planMarks } from "../core/marks";

export interface CheckedFile {
  report: FileReport;
  unrecognizedSheets: { sheet: string; reason?: string }[];
  /** The library's own text behind a reason, shown with --verbose only. */
  detail?: string;
  facts?: ZipFacts;
}

export interface Listed {
  files: string[];
  /** Files and folders that could not be listed, with the reason. */
  failures: { path: string; reason: string; detail?: string }[];
}

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/** Every workbook under a folder, in name order; an unreadable subfolder is a failure, not the end. */
export async function listWorkbooks(target: string): Promise<Listed> {
  const info = await stat(target).catch(() => null);
  if (!info?.isDirectory()) return { files: [target], failures: [] };
  const listed: Listed = { files: [], failures: [] };
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      listed.failures.push({ path: dir, reason: code === "EACCES" || code === "EPERM" ? "文件夹没有读取权限" : "文件夹无法读取", detail: String(err) });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      // `~$name.xlsx` is Excel's lock file for an open workbook.
      else if (WORKBOOK.test(e.name) && !e.name.startsWith("~$")) listed.files.push(path);
    }
  };
  await walk(target);
  return listed;
}

export function unreadable(file: string, reason: string, detail?: string): CheckedFile {
  return { report: { file, error: reason, tables: [], findings: [] }, unrecognizedSheets: [], ...(detail ? { detail } : {}) };
}

export async function checkFile(file: string, options: CheckOptions): Promise<CheckedFile> {
  try {
    return await checkReadable(file, options);
  } catch (err) {
    // A fault of ours must not end a folder run: the file is reported as not checked.
    return unreadable(file, "校验时出现内部错误，此文件未校验", err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
}

async function checkReadable(file: string, options: CheckOptions): Promise<CheckedFile> {
  const read = await readWorkbook(file);
  if (!read.ok) return unreadable(file, read.reason, read.detail);
  const grids = read.sheets.map((s) => s.grid);
  const validated = validate(grids, options);
  const selfEval = checkSelfEvalGrids(grids);
  // A workbook of 自评表 (or of a 自评 得分情况 summary) only is not missing its 决算 tables: it was checked.
  const selfEvalChecked = selfEval.tables.length + selfEval.summaries.length > 0;
  const onlySelfEval = (selfEvalChecked || selfEval.unread.length > 0) && Object.keys(validated.workbook.tables).length === 0;
  const findings: Finding[] = [...validated.findings.filter((f) => !(onlySelfEval && f.rule === "MISSING")), ...selfEval.findings];
  const extra = cliFindings(read.sheets, validated.workbook, selfEvalChecked, findings);
  const result = { ...validated, findings: shortenFindings(sortFindings([...extra, ...findings])) };
  const report = fileReport(file, result, onlySelfEval);
  report.tables.push(...selfEvalStatuses(selfEval));
  if (selfEval.tables.length) {
    report.selfEvaluations = selfEval.tables.map(({ project, sheet, result: r }) => ({ sheet, project, total: r.total.toFixed(2), grade: r.grade ?? "总分超出 0–100" }));
  }
  if (selfEval.summaries.length) report.selfEvalSummaries = selfEval.summaries;
  const selfEvalSheets = new Set([...selfEval.tables, ...selfEval.unread, ...selfEval.summaries].map((t) => t.sheet));
  const unrecognizedSheets = result.workbook.sheets.filter((s) => !s.table && !s.candidate && !selfEvalSheets.has(s.sheet));
  return { report, unrecognizedSheets, facts: read.facts };
}

/** Write the annotated copy of a checked file; the reason in Chinese (and the library's text) if it fails. */
export async function writeCopy(checked: CheckedFile, target: CopyTarget, inputs: readonly string[], force: boolean): Promise<{ ok: true } | { ok: false; reason: string; detail?: string }> {
  if (target.refused) return { ok: false, reason: target.refused };
  if (!checked.facts || checked.report.error) return { ok: false, reason: "输入文件无法读取，未生成标注副本" };
  const marks = planMarks(checked.report.findings).length;
  if (marks > MAX_COPY_MARKS) return { ok: false, reason: `问题单元格过多，未生成标注副本：${count(marks)} 个，上限 ${count(MAX_COPY_MARKS)}` };
  try {
    const workbook = await loadWhole(checked.report.file, checked.facts);
    annotateWorkbook(workbook, checked.report.findings);
    await writeAtomically(target.path, inputs, force, async (tmp) => {
      await workbook.xlsx.writeFile(tmp);
    });
    return { ok: true };
  } catch (err) {
    if (err instanceof CopyError || err instanceof Unreadable) return { ok: false, reason: err.reason, detail: err.detail };
    return { ok: false, reason: `无法写入标注副本“${target.path}”`, detail: err instanceof Error ? err.message : String(err) };
  }
}
