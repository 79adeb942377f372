// Open an .xlsx for checking, or say in one Chinese line why it cannot be read. Never writes the file.
import ExcelJS from "exceljs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";

export const MAX_BYTES = 50 * 1024 * 1024;

export type Opened = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; reason: string };

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

export async function openWorkbook(path: string): Promise<Opened> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: "不是文件" };
    size = info.size;
  } catch {
    return { ok: false, reason: "文件不存在或无法访问" };
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".xls" || ext === ".et") return { ok: false, reason: "是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 后再校验" };
  if (ext !== ".xlsx" && ext !== ".xlsm") return { ok: false, reason: `不是 .xlsx 文件（扩展名 ${ext || "无"}）` };
  if (size === 0) return { ok: false, reason: "文件为空" };
  if (size > MAX_BYTES) return { ok: false, reason: `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_BYTES / 1024 / 1024} MB）` };
  const magic = await firstBytes(path);
  // Password-protected .xlsx files are OLE compound documents, like the old .xls format.
  if (magic.readUInt32BE(0) === 0xd0cf11e0) return { ok: false, reason: "文件已加密（设有打开密码）或实为旧版 .xls 格式，请取消密码并另存为 .xlsx" };
  if (magic.readUInt16BE(0) !== 0x504b) return { ok: false, reason: "文件已损坏或不是 .xlsx 格式" };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (err) {
    return { ok: false, reason: `文件已损坏，无法读取（${err instanceof Error ? err.message.split("\n")[0] : String(err)}）` };
  }
  return { ok: true, workbook };
}
