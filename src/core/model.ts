// The tables as recognised on their sheets: every amount keeps the cell it came from.
import type { Level } from "./codes";
import type { TableId, Finding } from "./findings";
import { Decimal, type AmountRead, type CellValue } from "./money";
import type { CodeColumnKey, CodeTableId, SanGongItem, SummaryColumnKey, SummaryLineKey } from "./rules/catalogue";

export type { SanGongItem };

const ZERO = new Decimal(0);

export interface Amount {
  sheet: string;
  /** A1 address on the sheet. */
  address: string;
  raw: CellValue;
  read: AmountRead;
}

/** Blank is 0 in a sum; an unreadable cell has no value, and every identity that needs it says it could not run. */
export function amountValue(a: Amount): Decimal | undefined {
  if (a.read.kind === "amount") return a.read.value;
  if (a.read.kind === "blank") return ZERO;
  return undefined;
}

/** An amount's value in exact integer cents (blank is 0), or null: unreadable, or finer than a cent. */
export function amountCents(a: Amount): number | null {
  const read = a.read;
  return read.kind === "blank" ? 0 : read.kind === "amount" ? read.cents : null;
}

/** An operand a rule needs that the table does not give: not printed by this template, or not read. */
export interface Absent {
  absent: true;
  /** The figure, in words (`表1 本年收入合计`). */
  what: string;
  /** Why it is not there (`表中未找到该行`). */
  why: string;
  /** The template does not print it: the rule does not apply (a part counts as 0), nothing to warn about. */
  notPrinted: boolean;
}

export type Ref = Amount | Absent;

export function absent(what: string, why: string, notPrinted = false): Absent {
  return { absent: true, what, why, notPrinted };
}

export function isAbsent(r: Ref): r is Absent {
  return "absent" in r;
}

/** The amount if present, else undefined (for code that only reads what is there). */
export function present(r: Ref | undefined): Amount | undefined {
  return r && !isAbsent(r) ? r : undefined;
}

export function qualified(a: Amount): string {
  return `${quoteSheet(a.sheet)}!${a.address}`;
}

/** A sheet name Excel writes without quotes in a reference. */
const PLAIN_SHEET_NAME = /^[A-Za-z0-9_\u4e00-\u9fff]+$/;

export function quoteSheet(sheet: string): string {
  return PLAIN_SHEET_NAME.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A printed formula note under a table (`57 行= (31+32+…+56) 行`). */
export interface NoteFormula {
  text: string;
  address: string;
  unit: "行" | "栏";
  lhs: number;
  /** Signed terms of the right-hand side, ranges expanded. */
  terms: number[];
}

interface TableBase {
  id: TableId;
  sheet: string;
  title: string;
  titleAddress: string;
  notes: NoteFormula[];
  /** The sheet says the table has no data (…故本表无数据). */
  readonly emptyStatement: boolean;
  /** Every amount cell that was read, for the empty-table checks (a code table makes them when first asked for). */
  readonly amounts: readonly Amount[];
  /** The figures inside the table's region: how many landed in the model, and those that did not. */
  completeness: { read: number; unread: string[] };
  /** What the lines above the header say: the year of the title, the unit, the department. */
  preamble: Preamble;
}

export interface Preamble {
  year: string | null;
  /** `万元` or `元`, with the cell that says it. */
  unit: { unit: "万元" | "元"; address: string } | null;
  department: { name: string; address: string } | null;
}

export interface SummaryLine {
  key: SummaryLineKey;
  /** The 类 code of an expense class line (key `class`). */
  classCode: string | null;
  label: string;
  /** The printed 行次, where the template has one. */
  rowNo: number | null;
  row: number;
  cells: Partial<Record<SummaryColumnKey, Amount>>;
}

/** 表1 and 表4: an income side and an expense side, rows matched by label. */
export interface SummaryTable extends TableBase {
  kind: "summary";
  id: "表1" | "表4";
  income: SummaryLine[];
  expense: SummaryLine[];
}

export interface CodeRow {
  code: string | null;
  level: Level | "合计";
  name: string;
  row: number;
  /** The row's cells by column, in the table's column order; a table of thousands of rows makes them when first
   *  asked for. */
  readonly cells: Partial<Record<CodeColumnKey, Amount>>;
  /** One of `cells` (the same object), made alone: undefined when the table does not print the column. */
  cell(key: CodeColumnKey): Amount | undefined;
  /** `amountCents(cells[key])` without making the cell's Amount (undefined: the table does not print the column):
   *  the checker's fast path asks it of every cell of the table and names only the cells of a finding. */
  cents(key: CodeColumnKey): number | null | undefined;
}

/** 表2, 表3, 表5, 表8, 表9: rows by classification code, columns by label. */
export interface CodeTable extends TableBase {
  kind: "code";
  id: CodeTableId;
  columns: { key: CodeColumnKey; label: string; address: string }[];
  rows: CodeRow[];
  /** The coded rows by code: codes are unique (the reader keeps the first row of a code and reports the others). */
  byCode: ReadonlyMap<string, CodeRow>;
  /** Where a row's code and name are written (column letters): one code column, or 类|款|项. */
  layout: { codeColumns: string[]; nameColumn: string | null };
  /** Sheet row (0-based) of each row, for inserting a missing one. */
  sheetRows: Map<CodeRow, number>;
}

export interface EconItem {
  code: string;
  level: Level;
  name: string;
  amount: Amount;
}

/** 表6: lanes of (编码, 名称, 决算数). */
export interface EconTable extends TableBase {
  kind: "econ";
  id: "表6";
  items: EconItem[];
  personnelTotal?: Amount;
  publicTotal?: Amount;
}

/** 表7: 预算数 and 决算数 of the 三公 items. */
export interface SanGongTable extends TableBase {
  kind: "sangong";
  id: "表7";
  budget: Partial<Record<SanGongItem, Amount>>;
  final: Partial<Record<SanGongItem, Amount>>;
  /** How the 预算数/决算数 columns are laid out: 预算数 block then 决算数 block, or pairs under each item. */
  arrangement: "grouped" | "interleaved" | "unlabelled";
}

export type Table = SummaryTable | CodeTable | EconTable | SanGongTable;

export interface SheetRecognition {
  sheet: string;
  table: TableId | null;
  /** The table the sheet's title named when it could not be read as that table. */
  candidate?: TableId;
  /** Why the sheet was not read as a table, or what was odd about it. */
  reason?: string;
  /** A table of the set outside the nine (项目支出决算表 …): its title; listed as 未校验的表. */
  extra?: string;
}

export interface Workbook {
  tables: Partial<Record<TableId, Table>>;
  sheets: SheetRecognition[];
  /** Findings of reading: unreadable amounts, unmatched rows, missing tables. */
  diagnostics: Finding[];
}
