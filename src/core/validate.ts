// One call from grids to findings: recognise the tables, run every table's rules and the 表间 rules.
import { type Finding, SEVERITY_RANK, TABLE_IDS, type TableId } from "./findings";
import type { Grid } from "./grid";
import type { Workbook } from "./model";
import { type CheckOptions, Checker, type NotApplicable } from "./rules/checker";
import { Catalog } from "./catalog/catalog";
import { checkCatalogNames } from "./rules/catalogRules";
import { checkCodeTable } from "./rules/codeRules";
import { checkCrossTables } from "./rules/crossRules";
import { checkTable6 } from "./rules/econRules";
import { checkNotes } from "./rules/noteRules";
import { checkTable7 } from "./rules/sangongRules";
import { checkSet } from "./rules/setRules";
import { checkTable1, checkTable4 } from "./rules/summaryRules";
import { recognizeWorkbook } from "./tables/recognize";

export type { CheckOptions, NotApplicable };

/** How many figures of a recognised table were read into the model, and how many were not. */
export interface TableCount {
  table: TableId;
  sheet: string;
  read: number;
  unread: number;
}

export interface ValidationResult {
  workbook: Workbook;
  findings: Finding[];
  /** Rules that do not apply to a table of this template, each once. */
  notApplicable: NotApplicable[];
  /** Per recognised table: figures read and not read. */
  counts: TableCount[];
}

export interface ValidateOptions extends CheckOptions {
  /** The 科目 catalogue for name checks; the built-in one when not given. */
  catalog?: Catalog;
}

let builtinCatalog: Catalog | undefined;

export function checkWorkbook(workbook: Workbook, options: ValidateOptions = {}): { findings: Finding[]; notApplicable: NotApplicable[] } {
  const ck = new Checker(options);
  const catalog = options.catalog ?? (builtinCatalog ??= Catalog.builtin());
  for (const table of Object.values(workbook.tables)) {
    if (table.kind === "summary") (table.id === "表1" ? checkTable1 : checkTable4)(table, ck);
    else if (table.kind === "code") checkCodeTable(table, ck);
    else if (table.kind === "econ") checkTable6(table, ck);
    else checkTable7(table, ck);
    checkNotes(table, ck);
    checkCatalogNames(table, catalog, ck);
  }
  checkCrossTables(workbook, ck);
  checkSet(workbook, ck);
  return { findings: ck.findings, notApplicable: ck.notApplicable };
}

/** Findings in the order a person reads them: by table, then errors before warnings before notes. */
export function sortFindings(findings: Finding[]): Finding[] {
  const tableOrder = (f: Finding) => (f.table ? TABLE_IDS.indexOf(f.table) : -1);
  return [...findings].sort((a, b) => tableOrder(a) - tableOrder(b) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function validate(grids: readonly Grid[], options: ValidateOptions = {}): ValidationResult {
  const workbook = recognizeWorkbook(grids);
  const checked = checkWorkbook(workbook, options);
  const counts = TABLE_IDS.flatMap((id): TableCount[] => {
    const t = workbook.tables[id];
    return t ? [{ table: id, sheet: t.sheet, read: t.completeness.read, unread: t.completeness.unread.length }] : [];
  });
  return { workbook, findings: sortFindings([...workbook.diagnostics, ...checked.findings]), notApplicable: checked.notApplicable, counts };
}
