// The odd-file corpus of issue 11: files a new user (or an unkind file) hands the command line, generated here
// (nothing binary is committed), each with the exit code and the reason it must give. Run on its own with
// `npx tsx test/corpus/makeCorpus.ts DIR` to keep the files.
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WUHAN_XLSX } from "../support/workbooks";
import { type Part, writeZip } from "./zipWriter";

export interface CorpusFile {
  name: string;
  path: string;
  /** Exit code of `juesuan check FILE`. */
  code: number;
  /** What the output must say. */
  says: RegExp;
  /** Among the worst for memory: run under a memory limit in the test. */
  heavy?: boolean;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface SheetPart {
  name: string;
  /** `<sheetData>` content, or chunks of it for a large one. */
  rows: string | (() => Iterable<string>);
  merges?: string[];
  state?: "hidden";
}

/** A minimal workbook written by hand: only the parts Excel requires, strings inline unless `strings`. */
function workbook(sheets: SheetPart[], strings?: string[], options: { dropStrings?: boolean } = {}): Part[] {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const parts: Part[] = [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => rel(`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`)).join("")}${strings ? rel("rIdS", "sharedStrings", "sharedStrings.xml") : ""}</Relationships>`,
      ),
    },
  ];
  if (strings && !options.dropStrings) {
    parts.push({ name: "xl/sharedStrings.xml", data: Buffer.from(`<sst ${NS} count="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`) });
  }
  sheets.forEach((s, i) => {
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>`;
    const tail = `</sheetData>${s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : ""}</worksheet>`;
    const rows = s.rows;
    parts.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data:
        typeof rows === "string"
          ? Buffer.from(head + rows + tail)
          : function* () {
              yield Buffer.from(head);
              for (const chunk of rows()) yield Buffer.from(chunk);
              yield Buffer.from(tail);
            },
    });
  });
  return parts;
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;

/** Sheets of the Wuhan sample, changed by `edit`, as a real .xlsx. */
async function wuhanWith(path: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(WUHAN_XLSX);
  edit(wb);
  await wb.xlsx.writeFile(path);
}

export async function makeCorpus(dir: string): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const add = (name: string, data: Buffer, code: number, says: RegExp, heavy = false) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    files.push({ name, path, code, says, heavy });
  };
  const zip = (parts: Part[]) => writeZip(parts);

  // Not workbooks at all.
  add("word-renamed.xlsx", zip([{ name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) }, { name: "word/document.xml", data: Buffer.from("<w:document/>") }]), 2, /无法读取：不是 Excel 工作簿，而是Word 文档/);
  add("powerpoint-renamed.xlsx", zip([{ name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) }, { name: "ppt/presentation.xml", data: Buffer.from("<p:presentation/>") }]), 2, /PowerPoint 演示文稿/);
  add("empty-zip.xlsx", zip([]), 2, /压缩包是空的/);
  add("no-workbook-part.xlsx", zip(workbook([{ name: "S", rows: "" }]).filter((p) => p.name !== "xl/workbook.xml")), 2, /没有工作簿部件/);
  add("no-sheets.xlsx", zip(workbook([])), 2, /工作簿中没有工作表/);
  add(
    "missing-sheet-part.xlsx",
    zip(workbook([{ name: "S", rows: "" }]).filter((p) => !p.name.startsWith("xl/worksheets/"))),
    2,
    /缺少工作表“S”的部件/,
  );
  add("strings-without-sst.xlsx", zip(workbook([{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }], ["收入决算表"], { dropStrings: true })), 2, /共享字符串表/);
  add("truncated.xlsx", readFileSync(WUHAN_XLSX).subarray(0, 20000), 2, /文件已损坏/);
  add("pk-then-junk.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(2000, 7)]), 2, /文件已损坏或不是 \.xlsx/);
  add("encrypted.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]), 2, /文件已加密/);
  add("text.xlsx", Buffer.from("决算,1\n"), 2, /文件已损坏或不是 \.xlsx/);
  add("zero-bytes.xlsx", Buffer.alloc(0), 2, /文件为空/);

  // Workbooks in which nothing can be checked: a normal run that cannot pass.
  add("no-sst-inline-strings.xlsx", zip(workbook([{ name: "S", rows: `<row r="1">${inline("A1", "说明")}${num("B1", 3)}</row>` }])), 1, /MISSING：未找到表1–表9中的任何一张，没有进行任何校验/);
  add("value-at-XFD1048576.xlsx", zip(workbook([{ name: "S", rows: `<row r="1048576">${num("XFD1048576", 1)}</row>` }])), 1, /MISSING：未找到表1–表9中的任何一张，没有进行任何校验/);
  add("row-100000000.xlsx", zip(workbook([{ name: "S", rows: `<row r="100000000">${num("A100000000", 1)}</row>` }])), 1, /MISSING：未找到表1–表9中的任何一张，没有进行任何校验/);
  add("merge-whole-sheet.xlsx", zip(workbook([{ name: "S", rows: `<row r="1">${inline("A1", "标题")}</row>`, merges: ["A1:XFD1048576"] }])), 1, /MISSING：未找到表1–表9中的任何一张，没有进行任何校验/, true);
  add("merge-whole-column.xlsx", zip(workbook([{ name: "S", rows: `<row r="1">${inline("A1", "标题")}</row>`, merges: ["A1:A1048576"] }])), 1, /MISSING：未找到表1–表9中的任何一张，没有进行任何校验/, true);
  add("hidden-sheet-only.xlsx", zip(workbook([{ name: "旧", rows: `<row r="1">${inline("A1", "备注")}</row>`, state: "hidden" }])), 1, /MISSING：未找到表1–表9中的任何一张，没有进行任何校验/);

  // Too large: refused with the figures, before the library allocates anything.
  add("corner-to-corner.xlsx", zip(workbook([{ name: "S", rows: `<row r="1">${num("A1", 1)}</row><row r="1048576">${num("XFD1048576", 1)}</row>` }])), 2, /工作表过大：工作表“S”的数据区域 A1:XFD1048576 共 [\d,]+ 个单元格，上限 10,000,000/, true);
  add(
    "too-many-cells.xlsx",
    zip(
      workbook([
        {
          name: "S",
          rows: function* () {
            for (let r = 1; r <= 2100; r++) yield `<row r="${r}">${"<c/>".repeat(1000)}</row>`;
          },
        },
      ]),
    ),
    2,
    /工作表过大：2,100,000 个单元格.*上限 2,000,000/,
    true,
  );
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  add(
    "zip-bomb.xlsx",
    zip(
      workbook([
        {
          name: "S",
          rows: function* () {
            for (let i = 0; i < 300; i++) yield spaces.toString("latin1");
          },
        },
      ]),
    ),
    2,
    /文件解压后过大.*疑似压缩炸弹/,
    true,
  );

  // Real tables with odd content.
  const noCache = join(dir, "formulas-without-results.xlsx");
  await wuhanWith(noCache, (wb) => {
    const ws = wb.getWorksheet("表3")!;
    for (const ref of ["C7", "D7", "E7"]) ws.getCell(ref).value = { formula: `SUM(${ref[0]}8:${ref[0]}9)` } as ExcelJS.CellFormulaValue;
  });
  files.push({ name: "formulas-without-results.xlsx", path: noCache, code: 1, says: /NO-CACHE 表3!C7,D7,E7：工作表“表3”有 3 个公式未保存计算结果，请在 Excel 中打开并保存后再校验/ });

  const longText = join(dir, "megabyte-cell.xlsx");
  await wuhanWith(longText, (wb) => {
    wb.getWorksheet("表3")!.getCell("C9").value = "见".repeat(1_000_000);
  });
  files.push({ name: "megabyte-cell.xlsx", path: longText, code: 1, says: /\[错误\] AMT 表3!C9：.*…（共 \d+ 字，已截断）/ });

  const hidden = join(dir, "hidden-stale-table1.xlsx");
  await wuhanWith(hidden, (wb) => {
    // A stale copy of 表1, hidden and placed first: the visible 表1 must be the one checked.
    const stale = wb.addWorksheet("表1旧", { state: "hidden" });
    wb.getWorksheet("表1")!.eachRow((row, r) => row.eachCell((cell, c) => (stale.getCell(r, c).value = typeof cell.value === "number" ? cell.value + 1 : cell.value)));
    const sheets = wb.worksheets as unknown as { orderNo: number }[];
    sheets[sheets.length - 1].orderNo = -1;
  });
  files.push({ name: "hidden-stale-table1.xlsx", path: hidden, code: 1, says: /✓ 表1 收入支出决算总表 ← 工作表「表1」/ });
  return files;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx test/corpus/makeCorpus.ts DIR");
  void makeCorpus(dir).then((files) => {
    for (const f of files) console.log(`${f.name}\t${f.code}`);
  });
}
