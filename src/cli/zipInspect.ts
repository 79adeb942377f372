// Look inside an .xlsx before any workbook library parses it: is it a workbook at all, and how big is it once
// inflated? Every part is inflated as a stream and counted, so a zip bomb is stopped at the limit and a sheet
// with millions of cells is refused before ExcelJS allocates them. The sheets' merges are collected here too:
// the reader takes them from this scan instead of letting ExcelJS expand them cell by cell.
import JSZip from "jszip";
import { PassThrough } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { MAX_CELLS, MAX_PART_BYTES, MAX_TOTAL_BYTES } from "./limits";
import { type CellFormats, SheetReader, parseSharedStrings, parseStyles } from "./sheetXml";
import { GridBuilder } from "./sparseGrid";
import { Unreadable, count } from "./unreadable";
import type { SheetGrid } from "./xlsxGrids";

export interface SheetEntry {
  name: string;
  /** Zip path of the sheet's XML, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  /** As in workbook.xml: `visible`, `hidden` or `veryHidden`. */
  state: "visible" | "hidden" | "veryHidden";
  /** `<c>` elements in the sheet's XML. */
  cells: number;
  /** `ref` of each `<mergeCell>`, e.g. `A1:H1`. */
  merges: string[];
  /** Whether a cell refers to the shared strings table (`t="s"`). */
  sharedStrings: boolean;
}

export interface ZipFacts {
  sheets: SheetEntry[];
  cells: number;
  inflatedBytes: number;
}

export interface ZipRead {
  facts: ZipFacts;
  /** Each sheet's grid, in the workbook's order (with `read`). */
  sheets: SheetGrid[];
}

export { Unreadable, count };

const META_BYTES = 16 * 1024 * 1024;

/** jszip keeps each part's compressed bytes as it found them (lib/compressedObject.js); inflating them with
 *  Node's zlib is several times faster than jszip's own JavaScript inflate. Anything unexpected falls back. */
interface JSZipInternals {
  _data?: { compressedContent?: unknown; compression?: { magic?: string } };
}

function compressedOf(file: JSZip.JSZipObject): { bytes: Uint8Array; deflated: boolean } | null {
  const data = (file as unknown as JSZipInternals)._data;
  if (!data || !(data.compressedContent instanceof Uint8Array)) return null;
  if (data.compression?.magic === "\x08\x00") return { bytes: data.compressedContent, deflated: true };
  if (data.compression?.magic === "\x00\x00") return { bytes: data.compressedContent, deflated: false };
  return null;
}

function inflater(compressed: { bytes: Uint8Array; deflated: boolean }): NodeJS.ReadableStream {
  const stream = compressed.deflated ? createInflateRaw({ chunkSize: 256 * 1024 }) : new PassThrough();
  stream.end(Buffer.from(compressed.bytes.buffer, compressed.bytes.byteOffset, compressed.bytes.byteLength));
  return stream;
}

/** Inflate one part chunk by chunk (jszip's node stream is an old-style stream, not async-iterable);
 *  `onChunk` may throw to stop it. */
function eachChunk(file: JSZip.JSZipObject, onChunk: (chunk: Buffer) => void): Promise<void> {
  const compressed = compressedOf(file);
  return new Promise((resolve, reject) => {
    const stream = (compressed ? inflater(compressed) : file.nodeStream("nodebuffer")) as NodeJS.ReadableStream & { destroy?: () => void };
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      stream.removeAllListeners("data");
      stream.destroy?.();
      reject(err instanceof Unreadable ? err : new Unreadable(`文件已损坏：“${file.name}”无法解压`, err instanceof Error ? err.message : String(err)));
    };
    stream.on("data", (chunk: Buffer) => {
      if (done) return;
      try {
        onChunk(chunk);
      } catch (err) {
        fail(err);
      }
    });
    stream.on("error", fail);
    stream.on("end", () => {
      if (!done) {
        done = true;
        resolve();
      }
    });
  });
}

/** Inflate one part, counting bytes against its limit and the whole file's. */
async function inflatePart(file: JSZip.JSZipObject, budget: { left: number }, onChunk?: (chunk: Buffer) => void, limit = MAX_PART_BYTES): Promise<number> {
  let bytes = 0;
  await eachChunk(file, (buf) => {
    bytes += buf.length;
    budget.left -= buf.length;
    if (bytes > limit) throw new Unreadable(`文件解压后过大：其中“${file.name}”超过 ${mb(limit)}（疑似压缩炸弹）`);
    if (budget.left < 0) throw new Unreadable(`文件解压后过大：超过 ${mb(MAX_TOTAL_BYTES)}（疑似压缩炸弹）`);
    onChunk?.(buf);
  });
  return bytes;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

async function partText(zip: JSZip, path: string, budget: { left: number }, limit = META_BYTES): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  const chunks: Buffer[] = [];
  let bytes = 0;
  await eachChunk(file, (c) => {
    bytes += c.length;
    budget.left -= c.length;
    if (bytes > limit) throw new Unreadable(limit === META_BYTES ? `文件已损坏：“${path}”异常庞大` : `文件解压后过大：其中“${path}”超过 ${mb(limit)}（疑似压缩炸弹）`);
    chunks.push(c);
  });
  return Buffer.concat(chunks).toString("utf8");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function tags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g")) ?? [];
}

/** Resolve a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** What kind of document a zip that is not a workbook holds, to say it in the reason. */
function otherOfficeKind(zip: JSZip): string | null {
  if (zip.file("word/document.xml")) return "Word 文档（.docx）";
  if (zip.file("ppt/presentation.xml")) return "PowerPoint 演示文稿（.pptx）";
  if (zip.file("content.xml") && zip.file("mimetype")) return "OpenDocument 文件（.ods/.odt）";
  return null;
}

/** Check the zip is a workbook within the limits and read its sheets' cells into grids in the same pass:
 *  every part is inflated once. */
export async function inspectZip(data: Buffer): Promise<ZipRead> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (err) {
    throw new Unreadable("文件已损坏或不是 .xlsx 格式（无法作为压缩包打开）", err instanceof Error ? err.message : String(err));
  }
  const budget = { left: MAX_TOTAL_BYTES };
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  if (!names.length) throw new Unreadable("不是 Excel 工作簿：压缩包是空的");
  const other = otherOfficeKind(zip);
  if (other) throw new Unreadable(`不是 Excel 工作簿，而是${other}改了扩展名`);

  // Excel finds the workbook through _rels/.rels (ECMA-376 Part 2, §9.3); xl/workbook.xml is the usual target.
  const rootRels = await partText(zip, "_rels/.rels", budget);
  const officeRel = rootRels ? tags(rootRels, "Relationship").find((t) => /\/officeDocument$/.test(attr(t, "Type") ?? "")) : undefined;
  const workbookPath = officeRel ? resolveTarget("", attr(officeRel, "Target") ?? "") : "xl/workbook.xml";
  if (!zip.file("[Content_Types].xml")) throw new Unreadable("不是 Excel 工作簿：缺少 [Content_Types].xml");
  const workbookXml = await partText(zip, workbookPath, budget);
  if (workbookXml === null) throw new Unreadable(`不是 Excel 工作簿：压缩包中没有工作簿部件（${workbookPath}）`);
  const wbRels = (await partText(zip, relsPath(workbookPath), budget)) ?? "";
  const targets = new Map<string, { path: string; type: string; raw: string }>();
  for (const t of tags(wbRels, "Relationship")) {
    const id = attr(t, "Id");
    const target = attr(t, "Target");
    if (id && target) targets.set(id, { path: resolveTarget(workbookPath, target), type: attr(t, "Type") ?? "", raw: target });
  }

  const sheetTags = tags(workbookXml, "sheet");
  if (!sheetTags.length) throw new Unreadable("文件已损坏：工作簿中没有工作表");
  const sheets: SheetEntry[] = [];
  for (const t of sheetTags) {
    const rel = targets.get(attr(t, "r:id") ?? attr(t, "id") ?? "");
    if (!rel) throw new Unreadable(`文件已损坏：工作表“${attr(t, "name") ?? "?"}”没有对应的部件`);
    // Chart sheets hold no cells.
    if (!/\/worksheet$/.test(rel.type)) continue;
    if (!zip.file(rel.path)) throw new Unreadable(`文件已损坏：缺少工作表“${attr(t, "name") ?? "?"}”的部件（${rel.path}）`);
    const state = attr(t, "state");
    sheets.push({ name: attr(t, "name") ?? "", path: rel.path, state: state === "hidden" || state === "veryHidden" ? state : "visible", cells: 0, merges: [], sharedStrings: false });
  }
  if (!sheets.length) throw new Unreadable("不是可校验的工作簿：其中没有普通工作表");

  // What the cells need to be read: shared strings, number formats, the date system.
  const partOf = (type: string) => [...targets.values()].find((t) => new RegExp(`/${type}$`).test(t.type));
  const sst = partOf("sharedStrings");
  const stylesPart = partOf("styles");
  const context = {
    strings: sst ? parseSharedStrings((await partText(zip, sst.path, budget, MAX_PART_BYTES)) ?? "") : [],
    formats: stylesPart ? parseStyles((await partText(zip, stylesPart.path, budget)) ?? "") : ({ codes: [], dates: [] } as CellFormats),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml),
  };
  const done = new Set([sst?.path, stylesPart?.path]);

  let counted = 0;
  const grids = new Map<string, SheetGrid>();
  const byPath = new Map(sheets.map((s) => [s.path, s]));
  for (const name of names) {
    const sheet = byPath.get(name);
    if (!sheet) {
      if (!done.has(name)) await inflatePart(zip.files[name], budget);
      continue;
    }
    const builder = new GridBuilder(sheet.name);
    // Past the limit only counting goes on, for the reason's figure.
    const previous = counted;
    const reader = new SheetReader(builder, context, sheet, () => previous + sheet.cells <= MAX_CELLS);
    await inflatePart(zip.files[name], budget, (chunk) => reader.feed(chunk));
    reader.end();
    counted += sheet.cells;
    if (counted <= MAX_CELLS) {
      grids.set(sheet.name, { grid: builder.build(sheet.merges), hidden: sheet.state !== "visible", uncalculated: builder.uncalculated });
    }
  }
  const cells = counted;
  if (cells > MAX_CELLS) {
    const biggest = sheets.reduce((a, b) => (b.cells > a.cells ? b : a));
    throw new Unreadable(`工作表过大：${count(cells)} 个单元格（其中工作表“${biggest.name}” ${count(biggest.cells)} 个），上限 ${count(MAX_CELLS)}`);
  }
  // Excel requires the shared strings part only when a cell refers to it.
  if (sheets.some((s) => s.sharedStrings) && !(sst && zip.file(sst.path))) {
    throw new Unreadable("文件已损坏：单元格引用了共享字符串表，但文件中没有（sharedStrings.xml）");
  }
  const facts = { sheets, cells, inflatedBytes: MAX_TOTAL_BYTES - budget.left };
  return { facts, sheets: sheets.flatMap((s) => grids.get(s.name) ?? []) };
}
