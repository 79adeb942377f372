// Custom functions (namespace JUESUAN, see manifest.xml): thin wrappers over the core. Bad arguments come back
// as an Excel error with a Chinese message, never as a thrown exception. Metadata (functions.json) is generated
// from these JSDoc comments by custom-functions-metadata-plugin, which also associates each id.
import { codeLevel, readCodeCell } from "../core/codes";
import { Catalog } from "../core/catalog/catalog";
import { summarize } from "../core/findings";
import type { Grid } from "../core/grid";
import { parseRange } from "../core/grid";
import { hierarchySum } from "../core/hierarchySum";
import { type CellValue, Decimal, readAmount } from "../core/money";
import { ofTheSet } from "../core/rules/catalogue";
import { GRADE_NAMES, normalizeText, readGrade, readQuantities } from "../core/scoring/quantity";
import { bandScore, readRule } from "../core/scoring/rule";
import { type IndicatorScore, METHOD_NAMES, type Method, asPercentOf, grade, round2, scoreBudget, scoreIndicator } from "../core/scoring/score";
import { validate } from "../core/validate";
import { workbookCatalog } from "../excel/catalogStore";
import { hasTableTitle } from "../excel/check";
import { type ExcelHost, mergesSupported, officeHost } from "../excel/host";
import { parseAreas, readWorkbook } from "../excel/readWorkbook";

/**
 * A cell as Excel passes it. Parameters are typed `unknown` (the metadata generator's "any") and narrowed here.
 * An error cell (passed as a CustomFunctions.Error, functions.json allowErrorForDataTypeAny) becomes its error
 * text, "#DIV/0!", which the core reports as an unreadable figure rather than a blank.
 */
function cell(v: unknown): CellValue {
  if (v && typeof v === "object" && "code" in v) return String((v as { code: unknown }).code);
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
    if (range === null || range === undefined) return [[await workbookSummary(officeHost())]];
    return checkRange(matrix(range), invocation?.parameterAddresses?.[0] ?? "");
  } catch (err) {
    return [[error(CustomFunctions.ErrorCode.notAvailable, `无法读取工作簿：${err instanceof Error ? err.message : String(err)}`)]];
  }
}

/**
 * The whole workbook's summary, read again only when a sheet changed since the last read: the function is
 * volatile (it has no reference to recalculate on), so Excel calls it on every recalculation, and the
 * worksheets' onChanged event (ExcelApi 1.9) says when the answer may differ.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
 */
interface SummaryCache {
  text: string | null;
  watching: boolean;
  changes: number;
}

/** One cache per document (its settings object is the document's own, whatever host wraps it). */
const caches = new WeakMap<object, SummaryCache>();

async function watchSheets(host: ExcelHost, cache: SummaryCache): Promise<void> {
  const changed = async () => {
    cache.changes++;
    cache.text = null;
  };
  try {
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(changed);
      context.workbook.worksheets.onAdded.add(changed);
      context.workbook.worksheets.onDeleted.add(changed);
      await context.sync();
    });
    cache.watching = true;
  } catch {
    // Without the events every call reads the workbook, as before: slower, never stale.
  }
}

export async function workbookSummary(host: ExcelHost): Promise<string> {
  let cache = caches.get(host.settings);
  if (!cache) {
    cache = { text: null, watching: false, changes: 0 };
    caches.set(host.settings, cache);
  }
  if (!cache.watching) await watchSheets(host, cache);
  if (cache.text !== null) return cache.text;
  const seen = cache.changes;
  const { grids } = await host.run((context) => readWorkbook(context, { candidate: hasTableTitle, merges: mergesSupported(host) }));
  const s = summarize(validate(grids, { catalog: workbookCatalog(host) }).findings);
  const text = s.errors || s.rounding ? `${s.errors} 处错误, ${s.rounding} 处尾差` : "通过";
  // A change while the workbook was being read leaves nothing cached: the next call reads again.
  if (cache.watching && cache.changes === seen) cache.text = text;
  return text;
}

/** The findings of the one table in `range`: the rules about the set of tables (表间, 一致性, a table not found) are left out. */
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
  const own = findings.filter((f) => f.table !== null && !ofTheSet(f.rule));
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

function decimalArg(v: unknown): Decimal | null {
  const read = readAmount(cell(v));
  return read.kind === "amount" ? read.value : null;
}

function methodOf(v: unknown): { method?: Method; rule?: string } {
  const text = typeof v === "string" ? v.trim() : "";
  if (!text) return {};
  const method = METHOD_NAMES[text];
  return method ? { method } : { rule: text };
}

function scored(result: IndicatorScore): number | CustomFunctions.Error {
  return result.score === null ? error(CustomFunctions.ErrorCode.notAvailable, result.basis) : result.score.toNumber();
}

/**
 * 按规则计算绩效指标得分：达到目标值得满分，未达到按完成比率计分；“≤”类（响应时间、事故率等）反向计分。
 * @customfunction SCORE.INDICATOR SCORE.INDICATOR
 * @param target 年初目标值，如 ≥95%、≤4小时、10次/年
 * @param actual 实际完成值
 * @param weight 分值
 * @param [method] 计分方法：正向、反向、反向线性、等于、定性，或该行的评分标准文字（分档、满分、扣分）。省略时按目标值的写法判断。
 * @returns 得分（两位小数，四舍五入）
 */
export function scoreIndicatorCell(target: unknown, actual: unknown, weight: unknown, method?: unknown): number | CustomFunctions.Error {
  const w = decimalArg(weight);
  if (!w) return error(CustomFunctions.ErrorCode.invalidValue, `分值“${String(weight ?? "")}”不是数字`);
  return scored(scoreIndicator({ target: cell(target), actual: cell(actual), weight: w, ...methodOf(method) }));
}

/**
 * 预算执行得分：分值 × 执行率（执行数 / 预算数，最高 100%）。
 * @customfunction SCORE.BUDGET SCORE.BUDGET
 * @param budget 预算数
 * @param executed 执行数
 * @param [weight] 分值，省略时为 10
 * @returns 得分
 */
export function scoreBudgetCell(budget: unknown, executed: unknown, weight?: unknown): number | CustomFunctions.Error {
  const [b, e] = [decimalArg(budget), decimalArg(executed)];
  const w = weight === undefined || weight === null || weight === "" ? new Decimal(10) : decimalArg(weight);
  if (!b || !e) return error(CustomFunctions.ErrorCode.invalidValue, "预算数和执行数应为数字");
  if (!w) return error(CustomFunctions.ErrorCode.invalidValue, `分值“${String(weight)}”不是数字`);
  return scored(scoreBudget(b, e, w));
}

/**
 * 按分档计分，如“95%-100%得20分, 90%-95%得19分”。
 * @customfunction SCORE.BAND SCORE.BAND
 * @param actual 实际完成值，如 96.73%
 * @param rule 评分标准文字，或三列区域（下限、上限、得分）
 * @returns 所在分档的得分
 */
export function scoreBandCell(actual: unknown, rule: unknown[][]): number | CustomFunctions.Error {
  const measured = readQuantities(cell(actual)).quantities[0];
  if (!measured) return error(CustomFunctions.ErrorCode.invalidValue, `实际完成值“${String(actual ?? "")}”没有数值`);
  const cells = matrix(rule);
  const text = cells.length === 1 && cells[0].length === 1 ? String(cells[0][0] ?? "") : cells.map((r) => `${r[0]}-${r[1]}得${r[2]}分`).join(",");
  const parsed = readRule(text);
  if (!parsed.bands.length) return error(CustomFunctions.ErrorCode.invalidValue, "评分标准中没有“下限-上限得N分”形式的分档");
  // Percent bands and a cell showing 96.73% (the number 0.9673): the fraction is taken as a percent.
  const value = /%/.test(parsed.text) ? asPercentOf({ ...measured, unit: "%" }, measured).value : measured.value;
  return bandScore(parsed, value).toNumber();
}

/**
 * 定性指标得分：分值 × 等级比例（达成预期指标/达成年度指标/完成/优/好 100%，部分达成/基本完成/良/较好 80%，未达成/未完成/中/一般 60%，低/较差/差 40%，否 0；也可直接写百分比）。
 * @customfunction SCORE.QUALITATIVE SCORE.QUALITATIVE
 * @param grade 评价等级，如 达成年度指标、较好、85%
 * @param weight 分值
 * @returns 得分
 */
export function scoreQualitativeCell(grade: unknown, weight: unknown): number | CustomFunctions.Error {
  const w = decimalArg(weight);
  if (!w) return error(CustomFunctions.ErrorCode.invalidValue, `分值“${String(weight ?? "")}”不是数字`);
  const value = cell(grade);
  const text = normalizeText(value);
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  // A cell showing 85% holds 0.85.
  const share = typeof value === "number" ? new Decimal(value) : percent ? new Decimal(percent[1]).dividedBy(100) : (readGrade(text)?.share ?? null);
  if (share === null || share.gt(1) || share.lt(0)) return error(CustomFunctions.ErrorCode.invalidValue, `无法识别等级“${text}”（可用：${GRADE_NAMES.join("、")}，或百分比）`);
  return round2(w.times(share)).toNumber();
}

/**
 * 绩效等级：≥90 优，≥80 良，≥60 中，其余差；总分超过 100 或小于 0 时为 #VALUE!。
 * @customfunction SCORE.GRADE SCORE.GRADE
 * @param total 总分
 * @returns 优、良、中或差
 */
export function scoreGradeCell(total: unknown): string | CustomFunctions.Error {
  const t = decimalArg(total);
  if (!t) return error(CustomFunctions.ErrorCode.invalidValue, `总分“${String(total ?? "")}”不是数字`);
  return grade(t) ?? error(CustomFunctions.ErrorCode.invalidValue, `总分 ${t.toString()} 不在 0–100 之间`);
}
