// Custom functions (namespace JUESUAN, see manifest.xml): thin wrappers over the core. Bad arguments come back
// as an Excel error with a Chinese message, never as a thrown exception. Metadata (functions.json) is generated
// from these JSDoc comments by custom-functions-metadata-plugin, which also associates each id.
import { codeLevel, readCodeCell } from "../core/codes";
import { Catalog } from "../core/catalog/catalog";
import { summarize } from "../core/findings";
import type { Grid } from "../core/grid";
import { parseRange } from "../core/grid";
import { hierarchySum } from "../core/hierarchySum";
import type { CellValue } from "../core/money";
import { validate } from "../core/validate";
import { workbookCatalog } from "../excel/catalogStore";
import { officeHost } from "../excel/host";
import { parseAreas, readWorkbook } from "../excel/readWorkbook";

/** A cell as Excel passes it. Parameters are typed `unknown` (the metadata generator's "any") and narrowed here. */
function cell(v: unknown): CellValue {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? (v === "" ? null : v) : null;
}

function matrix(v: unknown): CellValue[][] {
  return Array.isArray(v) ? v.map((row) => (Array.isArray(row) ? row.map(cell) : [cell(row)])) : [[cell(v)]];
}

function error(code: CustomFunctions.ErrorCode, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(code, message);
}


/**
 * 校验表1–表9：省略参数时校验整个工作簿，返回“通过”或“N 处错误，M 处尾差”；给出一张表的区域（含标题）时，逐行列出该表的问题。
 * @customfunction CHECK CHECK
 * @volatile
 * @requiresParameterAddresses
 * @param range 一张表所在的区域（含标题行）。省略时校验整个工作簿。
 * @param invocation
 * @returns “通过”，或问题列表（规则、单元格、说明）。
 */
export async function check(range?: unknown[][], invocation?: CustomFunctions.Invocation): Promise<unknown[][]> {
  try {
    if (range === null || range === undefined) {
      const host = officeHost();
      const { grids } = await host.run((context) => readWorkbook(context));
      const s = summarize(validate(grids, { catalog: workbookCatalog(host) }).findings);
      return [[s.errors || s.rounding ? `${s.errors} 处错误, ${s.rounding} 处尾差` : "通过"]];
    }
    return checkRange(matrix(range), invocation?.parameterAddresses?.[0] ?? "");
  } catch (err) {
    return [[error(CustomFunctions.ErrorCode.notAvailable, `无法读取工作簿：${err instanceof Error ? err.message : String(err)}`)]];
  }
}

/** The findings of the one table in `range` (the 表间 rules need the other tables and are left out). */
export function checkRange(range: CellValue[][], address: string): (string | CustomFunctions.Error)[][] {
  const [area] = parseAreas(address);
  const origin = area ? area.rect : parseRange("A1");
  const grid: Grid = {
    sheet: area?.sheet ?? "",
    origin: { row: origin.top, col: origin.left },
    values: range,
  };
  const { workbook, findings } = validate([grid]);
  if (!Object.keys(workbook.tables).length) {
    return [[error(CustomFunctions.ErrorCode.invalidValue, `区域中没有可识别的表：${workbook.sheets[0]?.reason ?? "未找到表1–表9的标题"}`)]];
  }
  const own = findings.filter((f) => f.rule !== "MISSING" && f.table !== null && !/^X\d/.test(f.rule));
  if (!own.length) return [["通过", "", ""]];
  return own.map((f) => [f.rule, f.cells.join(","), f.message]);
}

/**
 * 科目编码的级次：3 位为“类”，5 位为“款”，7 位为“项”。
 * @customfunction LEVEL LEVEL
 * @param code 科目编码，如 2010301
 * @returns 类、款或项
 */
export function level(code: unknown): string | CustomFunctions.Error {
  const read = readCodeCell(cell(code));
  const l = read && !read.rest ? codeLevel(read.code) : null;
  return l ?? error(CustomFunctions.ErrorCode.invalidValue, `“${String(code)}”不是3、5或7位的科目编码`);
}

/** The workbook's catalogue; the built-in one where there is no workbook to ask (outside Excel). */
function catalog(): Catalog {
  try {
    return workbookCatalog(officeHost());
  } catch {
    return Catalog.builtin();
  }
}

/**
 * 科目编码在科目目录中的名称（内置目录，加上本工作簿导入的目录）。
 * @customfunction NAME NAME
 * @param code 科目编码，如 2080505 或 30101
 * @returns 科目名称
 */
export function name(code: unknown): string | CustomFunctions.Error {
  const read = readCodeCell(cell(code));
  if (!read || read.rest || !codeLevel(read.code)) return error(CustomFunctions.ErrorCode.invalidValue, `“${String(code)}”不是3、5或7位的科目编码`);
  const entry = catalog().lookup(read.code, read.code.startsWith("3") ? "economic" : "function");
  return entry?.name ?? error(CustomFunctions.ErrorCode.notAvailable, `科目目录中没有 ${read.code}（可在“填充小计”面板导入更完整的目录）`);
}

/**
 * 按科目层级求和：编码列中属于该科目的最末级行的金额之和（款与其下各项同列时不重复计算）。
 * @customfunction SUBTOTAL SUBTOTAL
 * @param codes 编码列
 * @param amounts 金额列（与编码列同样大小）
 * @param code 要汇总的科目编码，如 20103
 * @returns 合计金额
 */
export function subtotal(codes: unknown[][], amounts: unknown[][], code: unknown): number | CustomFunctions.Error {
  const result = hierarchySum(matrix(codes).flat(), matrix(amounts).flat(), cell(code));
  return result.ok ? result.value.toNumber() : error(CustomFunctions.ErrorCode.invalidValue, result.message);
}
