// The core's front door: what the Excel adapter, the command line, the custom functions and the pane use.
// Pure TypeScript (no Office.js, DOM or Node); the rules are listed in docs/rules.md.
export { type CellValue, type Grid, type Rect, a1, columnIndex, columnLetter, parseA1, parseRange } from "./grid";
export { type AmountRead, Decimal, cents, formatAmount, fromNumber, readAmount } from "./money";
export { type Finding, type Severity, type Summary, SEVERITY_RANK, TABLE_IDS, type TableId, describeSummary, finding, severityLabel, summarize } from "./findings";
export type { Amount, SheetRecognition, Table, Workbook } from "./model";
export { type CheckOptions, type NotApplicable, type TableCount, type ValidateOptions, type ValidationResult, checkWorkbook, sortFindings, validate } from "./validate";
export { recognizeWorkbook } from "./tables/recognize";
export { TITLE_RULES, titleName } from "./tables/titles";
export { ALL_RULES, type CliRuleId, RULES, type RuleSpec, type SelfEvalRuleId, ofTheSet, ruleSpec, rulesNeeding } from "./rules/catalogue";
export { type FillMode, type MissingParent, type PlannedWrite, type SubtotalPlan, planSubtotals, subtotalIdentities } from "./subtotals/plan";
export { type CellMark, MARK_FILL, NOTE_PREFIX, noteText, planMarks } from "./marks";
export { REPORT_HEADER, REPORT_LINK_COLUMN, REPORT_SHEET, reportLink, reportRows } from "./reportRows";
export { Catalog, type CatalogImport, parseCatalogCsv } from "./catalog/catalog";
export { codeLevel, readCodeCell } from "./codes";
export { hierarchySum } from "./hierarchySum";
