// One call from grids to findings: recognise the tables, run every table's rules and the 表间 rules.
import { type Finding, TABLE_IDS } from "./findings";
import type { Grid } from "./grid";
import type { Workbook } from "./model";
import { type CheckOptions, Checker } from "./rules/checker";
import { Catalog } from "./catalog/catalog";
import { checkCatalogNames } from "./rules/catalogRules";
import { checkCodeTable } from "./rules/codeRules";
import { checkCrossTables } from "./rules/crossRules";
import { checkTable6 } from "./rules/econRules";
import { checkNotes } from "./rules/noteRules";
import { checkTable7 } from "./rules/sangongRules";
import { checkTable1, checkTable4 } from "./rules/summaryRules";
import { recognizeWorkbook } from "./tables/recognize";

export type { CheckOptions };

export interface ValidationResult {
  workbook: Workbook;
  findings: Finding[];
}

export interface ValidateOptions extends CheckOptions {
  /** The 科目 catalogue for name checks; the built-in one when not given. */
  catalog?: Catalog;
}

let builtinCatalog: Catalog | undefined;

export function checkWorkbook(workbook: Workbook, options: ValidateOptions = {}): Finding[] {
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
  return ck.findings;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings in the order a person reads them: by table, then errors before warnings before notes. */
export function sortFindings(findings: Finding[]): Finding[] {
  const tableOrder = (f: Finding) => (f.table ? TABLE_IDS.indexOf(f.table) : -1);
  return [...findings].sort((a, b) => tableOrder(a) - tableOrder(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function validate(grids: readonly Grid[], options: ValidateOptions = {}): ValidationResult {
  const workbook = recognizeWorkbook(grids);
  const findings = [...workbook.diagnostics, ...checkWorkbook(workbook, options)];
  return { workbook, findings: sortFindings(findings) };
}
