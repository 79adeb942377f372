// Open an .xlsx for checking, or say in one Chinese line why it cannot be read. Never writes the file.
// Order: what the file system says, the first bytes, then the zip's parts (zipInspect.ts: a workbook? how big
// inflated? how many cells?), read as they are inflated (sheetXml.ts). ExcelJS loads a workbook only to
// write its annotated copy, within the copy's own limits.
import ExcelJS from "exceljs";
import { open, readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { MAX_COPY_CELLS, MAX_COPY_MERGED_CELLS, MAX_COPY_MERGES, MAX_FILE_BYTES } from "./limits";
import { type SheetGrid, visibleFirst } from "./xlsxGrids";
import { type ZipFacts, Unreadable, count, inspectZip } from "./zipInspect";
import { parseRange } from "../core/grid";

export const MAX_BYTES = MAX_FILE_BYTES;

export type ReadResult = { ok: true; sheets: SheetGrid[]; facts: ZipFacts } | { ok: false; reason: string; detail?: string };

async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(8);
    await handle.read(buffer, 0, 8, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** The file-system and format checks before any parsing; a reason when the file cannot be a workbook. */
async function precheck(path: string): Promise<string | null> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return "是文件夹，不是文件";
    if (!info.isFile()) return "不是普通文件";
    size = info.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? "没有读取权限" : "文件不存在或无法访问";
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".xls" || ext === ".et") return "是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 后再校验";
  if (ext !== ".xlsx" && ext !== ".xlsm") return `不是 .xlsx 文件（扩展名 ${ext || "无"}）`;
  if (size === 0) return "文件为空";
  if (size > MAX_BYTES) return `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_BYTES / 1024 / 1024} MB）`;
  let magic: Buffer;
  try {
    magic = await firstBytes(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? "没有读取权限" : "文件无法读取";
  }
  // Password-protected .xlsx files are OLE compound documents, like the old .xls format.
  if (magic.readUInt32BE(0) === 0xd0cf11e0) return "文件已加密（设有打开密码）或实为旧版 .xls 格式，请取消密码并另存为 .xlsx";
  if (magic.readUInt16BE(0) !== 0x504b) return "文件已损坏或不是 .xlsx 格式";
  return null;
}

function libraryText(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0] : String(err);
}

/** Read every sheet of a workbook into grids, bounded by the limits of limits.ts. */
export async function readWorkbook(path: string): Promise<ReadResult> {
  const refused = await precheck(path);
  if (refused) return { ok: false, reason: refused };
  try {
    const { facts, sheets } = await inspectZip(await readFile(path));
    return { ok: true, sheets: visibleFirst(sheets), facts };
  } catch (err) {
    if (err instanceof Unreadable) return { ok: false, reason: err.reason, detail: err.detail };
    return { ok: false, reason: "文件已损坏，无法读取", detail: libraryText(err) };
  }
}

/** Why ExcelJS should not load this workbook whole (for the annotated copy), or null. */
export function copyRefusal(facts: ZipFacts): string | null {
  const what = "无法生成标注副本";
  if (facts.cells > MAX_COPY_CELLS) return `工作簿过大，${what}：${count(facts.cells)} 个单元格，上限 ${count(MAX_COPY_CELLS)}`;
  const merges = facts.sheets.reduce((n, s) => n + s.merges.length, 0);
  if (merges > MAX_COPY_MERGES) return `合并区域过多，${what}：${count(merges)} 处，上限 ${count(MAX_COPY_MERGES)}`;
  let area = 0;
  for (const s of facts.sheets) {
    for (const ref of s.merges) {
      try {
        const m = parseRange(ref);
        area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
      } catch {
        return `文件已损坏：合并区域“${ref}”无效`;
      }
    }
  }
  if (area > MAX_COPY_MERGED_CELLS) return `合并区域过大，${what}：共覆盖 ${count(area)} 个单元格，上限 ${count(MAX_COPY_MERGED_CELLS)}`;
  return null;
}

/** The whole workbook in ExcelJS, for the annotated copy. */
export async function loadWhole(path: string, facts: ZipFacts): Promise<ExcelJS.Workbook> {
  const refused = copyRefusal(facts);
  if (refused) throw new Unreadable(refused);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    throw new Unreadable("文件已损坏，无法读取", libraryText(err));
  }
  return workbook;
}
