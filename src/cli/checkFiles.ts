// Check one file or every .xlsx under a folder; each file is read, validated, optionally annotated.
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { checkSelfEvalGrids, selfEvalStatuses } from "../core/scoring/checkSheets";
import { type CheckOptions, validate } from "../core/validate";
import { annotateWorkbook } from "./annotate";
import { openWorkbook } from "./openWorkbook";
import { type FileReport, fileReport } from "./report";
import { workbookToGrids } from "./xlsxGrids";

export interface CheckedFile {
  report: FileReport;
  unrecognizedSheets: { sheet: string; reason?: string }[];
}

export async function listWorkbooks(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null);
  if (!info?.isDirectory()) return [target];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      // `~$name.xlsx` is Excel's lock file for an open workbook.
      else if (/\.(xlsx|xlsm|xls)$/i.test(e.name) && !e.name.startsWith("~$")) found.push(path);
    }
  };
  await walk(target);
  return found;
}

/** Where the annotated copy of `file` goes: `out` itself for one file, `out/<name>.校验.xlsx` for a folder. */
export function annotatedPath(file: string, out: string, many: boolean): string {
  return many ? join(out, `${basename(file, extname(file))}.校验.xlsx`) : out;
}

export async function checkFile(file: string, options: CheckOptions, out?: string): Promise<CheckedFile> {
  const opened = await openWorkbook(file);
  if (!opened.ok) return { report: { file, error: opened.reason, tables: [], findings: [] }, unrecognizedSheets: [] };
  const grids = workbookToGrids(opened.workbook);
  const validated = validate(grids, options);
  const selfEval = checkSelfEvalGrids(grids);
  // A workbook of 自评表 only is not missing its 决算 tables.
  const onlySelfEval = selfEval.tables.length + selfEval.unread.length > 0 && Object.keys(validated.workbook.tables).length === 0;
  const result = { ...validated, findings: [...validated.findings.filter((f) => !(onlySelfEval && f.rule === "MISSING")), ...selfEval.findings] };
  const report = fileReport(file, result, onlySelfEval);
  report.tables.push(...selfEvalStatuses(selfEval));
  if (selfEval.tables.length) {
    report.selfEvaluations = selfEval.tables.map(({ project, sheet, result: r }) => ({ sheet, project, total: r.total.toFixed(2), grade: r.grade ?? "总分超出 0–100" }));
  }
  if (out) {
    if (resolve(out) === resolve(file)) throw new Error("--out 不能与输入文件相同：输入文件从不被改写");
    annotateWorkbook(opened.workbook, result.findings);
    await opened.workbook.xlsx.writeFile(out);
  }
  const unrecognizedSheets = result.workbook.sheets.filter((s) => !s.table && !s.candidate && !selfEval.tables.some((t) => t.sheet === s.sheet) && !selfEval.unread.some((u) => u.sheet === s.sheet));
  return { report, unrecognizedSheets };
}
