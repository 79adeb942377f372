// The tables as recognised on their sheets: every amount keeps the cell it came from.
import type { Level } from "./codes";
import type { TableId, Finding } from "./findings";
import { Decimal, type AmountRead, type CellValue } from "./money";

const ZERO = new Decimal(0);

export interface Amount {
  sheet: string;
  /** A1 address on the sheet. */
  address: string;
  raw: CellValue;
  read: AmountRead;
}

/** Blank is 0 in a sum; an unreadable cell has no value, and every identity that needs it is skipped. */
export function amountValue(a: Amount): Decimal | undefined {
  if (a.read.kind === "amount") return a.read.value;
  if (a.read.kind === "blank") return ZERO;
  return undefined;
}

export function isBlank(a: Amount | undefined): boolean {
  return a === undefined || a.read.kind === "blank";
}

export function qualified(a: Amount): string {
  return `${quoteSheet(a.sheet)}!${a.address}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
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
  emptyStatement: boolean;
  /** Every amount cell that was read, for the empty-table checks. */
  amounts: Amount[];
}

export interface SummaryLine {
  key: string;
  label: string;
  /** The printed 行次, where the template has one. */
  rowNo: number | null;
  row: number;
  cells: Record<string, Amount>;
}

/** 表1 and 表4: an income side and an expense side, rows matched by label. */
export interface SummaryTable extends TableBase {
  kind: "summary";
  income: SummaryLine[];
  expense: SummaryLine[];
}

export interface CodeRow {
  code: string | null;
  level: Level | "合计";
  name: string;
  row: number;
  cells: Record<string, Amount>;
}

/** 表2, 表3, 表5, 表8, 表9: rows by classification code, columns by label. */
export interface CodeTable extends TableBase {
  kind: "code";
  columns: { key: string; label: string; address: string }[];
  rows: CodeRow[];
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
  items: EconItem[];
  personnelTotal?: Amount;
  publicTotal?: Amount;
}

export type SanGongItem = "total" | "abroad" | "carSubtotal" | "carPurchase" | "carRunning" | "reception";

/** 表7: 预算数 and 决算数 of the 三公 items. */
export interface SanGongTable extends TableBase {
  kind: "sangong";
  budget: Partial<Record<SanGongItem, Amount>>;
  final: Partial<Record<SanGongItem, Amount>>;
}

export type Table = SummaryTable | CodeTable | EconTable | SanGongTable;

export interface SheetRecognition {
  sheet: string;
  table: TableId | null;
  /** The table the sheet's title named when it could not be read as that table. */
  candidate?: TableId;
  /** Why the sheet was not read as a table, or what was odd about it. */
  reason?: string;
}

export interface Workbook {
  tables: Partial<Record<TableId, Table>>;
  sheets: SheetRecognition[];
  /** Findings of reading: unreadable amounts, unmatched rows, missing tables. */
  diagnostics: Finding[];
}
