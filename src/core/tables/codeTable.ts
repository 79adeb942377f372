// 表2 收入决算表, 表3 支出决算表, 表5 一般公共预算财政拨款支出决算表, 表8, 表9: rows by 功能分类 code
// (one cell `2010301`, code and name in one cell, or split 类|款|项 columns), amount columns by header label.
import { codeLevel, isCodeCell, readCodeCell, readCodePart } from "../codes";
import { columnLetter } from "../grid";
import type { Amount, CodeRow, CodeTable } from "../model";
import { CODE_COLUMNS, type CodeColumnKey, type CodeTableId, type ColumnSpec } from "../rules/catalogue";
import { stripNumbering } from "../text";
import { findColumnNumberRow, headerTop } from "./layout";
import { hasEmptyStatement, notesStart, readNotes } from "./notes";
import type { TableRead } from "./read";
import { SheetCodeRow, TableCents } from "./codeRows";
import { type Diagnostics, type Landed, type SheetView, readingNoted } from "./sheetView";

const TOTAL_LABEL = /^(合计|总计)$/;

interface Header {
  top: number;
  bottom: number;
  columns: CodeTable["columns"];
  amountCols: { col: number; key: CodeColumnKey }[];
}

/** The header starts at the first row naming an amount column; it ends at the 栏次 row or above the first code. */
function findHeader(view: SheetView, specs: readonly ColumnSpec<CodeColumnKey>[], titleRow: number): { top: number; bottom: number } | null {
  let keywordRow = -1;
  let keywordCol = -1;
  for (let r = titleRow + 1; r < Math.min(view.height, titleRow + 12) && keywordRow < 0; r++) {
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (t && specs.some((s) => s.key !== "total" && s.pattern.test(t))) {
        [keywordRow, keywordCol] = [r, c];
        break;
      }
    }
  }
  if (keywordRow < 0) return null;
  const top = headerTop(view, titleRow, keywordRow);
  let bottom = findColumnNumberRow(view, keywordRow, 5);
  if (bottom < 0) bottom = lastHeaderRow(view, keywordRow, keywordCol);
  return { top, bottom };
}

function mapColumns(view: SheetView, specs: readonly ColumnSpec<CodeColumnKey>[], top: number, bottom: number, diag: Diagnostics): Header {
  const columns: CodeTable["columns"] = [];
  const amountCols: Header["amountCols"] = [];
  for (let c = 0; c < view.width; c++) {
    const label = view.columnLabel(c, top, bottom);
    const key = specs.find((s) => s.pattern.test(label))?.key;
    if (!key) continue;
    if (amountCols.some((a) => a.key === key)) {
      diag.add("COL", "warning", `栏目“${label}”与前面的栏目重复，未参与校验`, [view.address(bottom, c)]);
      continue;
    }
    amountCols.push({ col: c, key });
    columns.push({ key, label, address: view.address(top, c) });
  }
  return { top, bottom, columns, amountCols };
}

export function readCodeTable(view: SheetView, id: CodeTableId, titleRow: number, diag: Diagnostics): TableRead<CodeTable> {
  const specs = CODE_COLUMNS[id];
  const found = findHeader(view, specs, titleRow);
  if (!found) return { ok: false, reason: `未找到金额栏表头（如“${specs[0].label}”）` };
  const header = mapColumns(view, specs, found.top, found.bottom, diag);
  if (!header.amountCols.some((a) => a.key === "total")) return { ok: false, reason: "未找到合计栏" };
  const firstAmount = Math.min(...header.amountCols.map((a) => a.col));
  const end = notesStart(view, header.bottom + 1);
  const codes = locateCodeColumns(view, header.top, header.bottom, end, firstAmount);
  const { rows, byCode, landed } = readRows(view, header, codes, firstAmount, end, diag);
  const originRow = view.grid.origin.row;
  let amounts: Amount[] | undefined;
  let sheetRows: Map<CodeRow, number> | undefined;
  return {
    ok: true,
    region: { top: header.bottom + 1, bottom: end - 1, right: view.headerRight(header.top, header.bottom) },
    landed,
    table: {
      kind: "code",
      id,
      sheet: view.sheet,
      notes: readNotes(view, end),
      // Looked for when a rule asks (X11, of an empty table): it reads every cell of the sheet.
      get emptyStatement() {
        return hasEmptyStatement(view);
      },
      // Made when first asked for, like the rows' cells (codeRows.ts).
      get amounts() {
        return (amounts ??= rows.flatMap((r) => Object.values(r.cells)));
      },
      columns: header.columns,
      rows,
      byCode,
      layout: {
        codeColumns: (codes.split ?? (codes.codeCol >= 0 ? [codes.codeCol] : [])).map((c) => columnLetter(view.grid.origin.col + c)),
        nameColumn: codes.nameCol >= 0 && codes.nameCol !== codes.codeCol ? columnLetter(view.grid.origin.col + codes.nameCol) : null,
      },
      get sheetRows() {
        return (sheetRows ??= new Map(rows.map((r) => [r, originRow + r.row])));
      },
    },
  };
}

/** The code of row r: one cell, code and name in one cell, or 类|款|项 parts that may leave out what the row above shares. */
function rowCode(view: SheetView, r: number, codes: CodeColumns, state: { lastClass: string; lastSection: string }): { code: string | null; name: string } {
  let name = codes.nameCol >= 0 ? view.text(r, codes.nameCol) : "";
  if (codes.split) {
    const [cls, section, item] = codes.split.map((c, i) => readCodePart(view.raw(r, c), i === 0 ? 3 : 2));
    codes.split.forEach((c, i) => [cls, section, item][i] && view.consume(r, c));
    if (cls) [state.lastClass, state.lastSection] = [cls, ""];
    if (section) state.lastSection = section;
    const code = cls || section || item ? state.lastClass + (section || item ? state.lastSection : "") + (item ?? "") : null;
    return { code, name };
  }
  if (codes.codeCol < 0) return { code: null, name };
  const read = readCodeCell(view.raw(r, codes.codeCol));
  if (!read) return { code: null, name };
  view.consume(r, codes.codeCol);
  if (codes.codeCol === codes.nameCol) name = read.rest;
  return { code: read.code, name };
}

function readRows(view: SheetView, header: Header, codes: CodeColumns, firstAmount: number, end: number, diag: Diagnostics): { rows: CodeRow[]; byCode: Map<string, CodeRow>; landed: Landed } {
  const rows: CodeRow[] = [];
  const byCode = new Map<string, CodeRow>();
  let total: CodeRow | undefined;
  let read = 0;
  const figures = new TableCents(view, header.amountCols, end - header.bottom - 1);
  const special: Amount[] = [];
  const state = { lastClass: "", lastSection: "" };
  for (let r = header.bottom + 1; r < end; r++) {
    const { code, name } = rowCode(view, r, codes, state);
    const isTotal = !code && isTotalRow(view, r, firstAmount);
    const level = code ? codeLevel(code) : isTotal ? "合计" : null;
    if (!level) {
      const named = rowFigures(view, r, header);
      if (named.length) diag.add("ROW", "warning", `第${r + view.grid.origin.row + 1}行有金额但没有可识别的科目编码，未参与校验`, named);
      continue;
    }
    if (code ? byCode.has(code) : total) {
      const named = rowFigures(view, r, header);
      diag.add("ROW", "warning", `科目${code ?? "合计"}重复出现，只按第一次出现校验`, named.length ? named : [view.address(r, Math.max(codes.codeCol, 0))]);
      continue;
    }
    const row = new SheetCodeRow(code, isTotal ? "合计" : name, r, figures, rows.length);
    if (code) byCode.set(code, row);
    else total = row;
    if (special.length) special.length = 0;
    read += row.readFigures(special);
    // Text, a dash, an error value …: said how it was read, or that it could not be.
    for (const a of special) if (readingNoted(a)) diag.amount(a, code ? `${code} ${name}` : "合计行");
    rows.push(row);
  }
  // A figure landed when it is in an amount column of a row the table kept: one flag per row and per column.
  const kept = new Uint8Array(end);
  for (const row of rows) kept[row.row] = 1;
  const amountCols = new Uint8Array(view.width);
  for (const { col } of header.amountCols) amountCols[col] = 1;
  return { rows, byCode, landed: { read, has: (r, c) => kept[r] === 1 && amountCols[c] === 1 } };
}

/** The addresses of a row's figures (its amount cells that are not blank), for a finding about the row. */
function rowFigures(view: SheetView, r: number, header: Header): string[] {
  return header.amountCols.map(({ col }) => view.amount(r, col)).filter((a) => a.read.kind !== "blank").map((a) => a.address);
}

/** A row without a code whose label left of the amounts says 合计 or 总计. */
function isTotalRow(view: SheetView, r: number, firstAmount: number): boolean {
  for (let c = 0; c < firstAmount; c++) if (TOTAL_LABEL.test(stripNumbering(view.text(r, c)))) return true;
  return false;
}

/** Without a 栏次 row, the header ends above the first code or 合计 left of the amount columns. */
function lastHeaderRow(view: SheetView, keywordRow: number, firstAmountCol: number): number {
  for (let r = keywordRow + 1; r < Math.min(view.height, keywordRow + 5); r++) {
    for (let c = 0; c < firstAmountCol; c++) {
      const t = view.text(r, c);
      if (readCodeCell(t) || TOTAL_LABEL.test(t)) return r - 1;
    }
  }
  return keywordRow;
}

interface CodeColumns {
  /** 类, 款, 项 columns when the code is split. */
  split: [number, number, number] | null;
  codeCol: number;
  nameCol: number;
}

function locateCodeColumns(view: SheetView, top: number, bottom: number, end: number, firstAmount: number): CodeColumns {
  const leaves = Array.from({ length: firstAmount }, (_, c) => view.leafLabel(c, top, bottom));
  const labels = Array.from({ length: firstAmount }, (_, c) => view.columnLabel(c, top, bottom));
  const cls = leaves.indexOf("类");
  const section = leaves.indexOf("款");
  const item = leaves.indexOf("项");
  let nameCol = labels.findIndex((l) => /名称/.test(l));
  if (cls >= 0 && section > cls && item > section) {
    if (nameCol < 0) nameCol = item + 1 < firstAmount ? item + 1 : -1;
    return { split: [cls, section, item], codeCol: cls, nameCol };
  }
  // Otherwise the code column is the one holding the most codes below the header.
  let codeCol = -1;
  let best = 0;
  for (let c = 0; c < firstAmount; c++) {
    let n = 0;
    for (let r = bottom + 1; r < end; r++) if (isCodeCell(view.raw(r, c))) n++;
    if (n > best) {
      best = n;
      codeCol = c;
    }
  }
  if (nameCol < 0) nameCol = codeCol >= 0 && codeCol + 1 < firstAmount ? codeCol + 1 : codeCol;
  return { split: null, codeCol, nameCol };
}
