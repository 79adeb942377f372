// A sheet laid out as rows of cells plus merges, written to .xlsx with ExcelJS. The sample builders and the
// tests' broken variants both describe sheets this way.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";

export type Cell = string | number | null;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** A1 ranges, e.g. "A1:F1". */
  merges: string[];
  /** Rows (1-based) that are header rows, for styling. */
  headerRows: number[];
  /** Columns that hold codes, written as text so `06` keeps its zero. */
  widths?: number[];
  /** Number formats by A1 address (a percent cell holds 0.95 and shows 95.00%). */
  formats?: Record<string, string>;
}

export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** A CSV amount: empty stays empty (a blank cell), anything else is written as the number it spells. */
export function amount(text: string | undefined): Cell {
  return text === undefined || text === "" ? null : Number(text);
}

export class SheetBuilder {
  readonly spec: SheetSpec;

  constructor(name: string, readonly width: number) {
    this.spec = { name, rows: [], merges: [], headerRows: [] };
  }

  get rowCount(): number {
    return this.spec.rows.length;
  }

  row(cells: Cell[], opts: { header?: boolean } = {}): number {
    this.spec.rows.push(cells);
    if (opts.header) this.spec.headerRows.push(this.rowCount);
    return this.rowCount;
  }

  merge(range: string): void {
    this.spec.merges.push(range);
  }

  title(text: string): void {
    const r = this.row([text]);
    this.merge(`A${r}:${col(this.width - 1)}${r}`);
  }

  preamble(dept: string, unit = "单位：万元"): void {
    const cells: Cell[] = Array(this.width).fill(null);
    cells[0] = dept;
    cells[this.width - 1] = unit;
    const r = this.row(cells);
    if (this.width > 3) this.merge(`A${r}:${col(this.width - 3)}${r}`);
  }

  /** Printed lines under the table, each in column A, merged across. */
  notes(lines: string[]): void {
    this.row([]);
    for (const line of lines) {
      const r = this.row([line]);
      this.merge(`A${r}:${col(this.width - 1)}${r}`);
    }
  }
}

export function col(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const THIN = { style: "thin" as const };

export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  spec.rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    cells.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (typeof v === "number") cell.numFmt = "#,##0.00";
    });
  });
  for (const [address, format] of Object.entries(spec.formats ?? {})) ws.getCell(address).numFmt = format;
  for (const m of spec.merges) ws.mergeCells(m);
  const width = Math.max(...spec.rows.map((r) => r.length));
  for (const r of spec.headerRows) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    }
  }
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.columns.forEach((column, i) => {
    column.width = spec.widths?.[i] ?? (i === 0 ? 30 : 16);
  });
  return ws;
}

export async function writeWorkbook(specs: SheetSpec[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "决算助手 samples";
  // A fixed date keeps the committed files byte-stable across rebuilds.
  wb.created = new Date("2021-01-01T00:00:00Z");
  wb.modified = wb.created;
  for (const spec of specs) addSheet(wb, spec);
  await wb.xlsx.writeFile(path);
}
