// juesuan explain and juesuan check --narrative on the Wuhan sample and the seed's text, .txt and .docx.
import { Document, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import mammoth from "mammoth";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { WUHAN_XLSX, tempDir } from "../support/workbooks";
import { SEED_TEXT_PATH, seedText } from "./support";

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run(args, (t) => {
    out += t;
  });
  return { code, out };
}

describe("juesuan explain", () => {
  it("prints the 情况说明 and how many places a person must fill", async () => {
    const { code, out } = await cli("explain", WUHAN_XLSX);
    expect(code).toBe(0);
    expect(out).toContain("2020年度收、支总计23,327.91万元。");
    expect(out).toMatch(/注：表1 第49行 住房保障支出 610\.40 与 表5 221 住房保障支出 小计 610\.44 不一致/);
    expect(out).toMatch(/共 \d+ 处【待填写】\/【待核对】需要人工补充/);
  });

  it("--last takes last year's totals from last year's workbook", async () => {
    // The same workbook as last year: every change is zero, and written as such.
    const { out } = await cli("explain", WUHAN_XLSX, "--last", WUHAN_XLSX);
    expect(out).toContain("收、支总计各增加0.00万元，增长0.0%");
    expect(out).toContain("因公出国(境)费支出决算增加0.00万元，增长【待填写：增减率（上年为 0）】");
  });

  it("--out writes a .docx with the placeholders highlighted and the four charts", async () => {
    const out = join(tempDir(), "说明.docx");
    const { code } = await cli("explain", WUHAN_XLSX, "--out", out);
    expect(code).toBe(0);
    const buffer = readFileSync(out);
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain("其中：基本支出4,922.56万元，占本年支出21.1%");
    const zip = await JSZip.loadAsync(buffer);
    const document = await zip.file("word/document.xml")?.async("string");
    expect(document).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">【待填写：原因】/);
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(4);
    const pie = await zip.file(charts.sort()[0])?.async("string");
    expect(pie).toContain("<c:pieChart>");
  });

  it("--out .txt writes the text; other extensions are refused", async () => {
    const out = join(tempDir(), "说明.txt");
    expect((await cli("explain", WUHAN_XLSX, "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("人员经费4,101.59万元");
    const bad = await cli("explain", WUHAN_XLSX, "--out", join(tempDir(), "说明.pdf"));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("--out 须为 .docx 或 .txt 文件");
  });
});

describe("juesuan check --narrative", () => {
  it("reports 109 + 109 + 106 ≠ 325 in the seed's text and exits 1", async () => {
    const { code, out } = await cli("check", WUHAN_XLSX, "--narrative", SEED_TEXT_PATH);
    expect(code).toBe(1);
    expect(out).toMatch(/\[错误\] 分项合计 第\d+行 325家：109 \+ 109 \+ 106 = 324，不等于文中的合计 325家/);
    expect(out).toMatch(/结果：1 处错误，2 条其他提示/);
    expect(out).toMatch(/共找到 \d+ 个数字：\d+ 个与表中单元格核对，\d+ 个与文中其他数字核对，\d+ 个无从核对。/);
  });

  it("reads the same text from a .docx", async () => {
    const path = join(tempDir(), "说明.docx");
    const doc = new Document({ sections: [{ children: seedText().split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
    writeFileSync(path, await Packer.toBuffer(doc));
    const { code, out } = await cli("check", WUHAN_XLSX, "--narrative", path, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out) as { findings: { rule: string; severity: string; figure: string }[] };
    expect(json.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.figure])).toEqual([["分项合计", "325家"]]);
  });

  it("says in one line why a text cannot be read", async () => {
    const path = join(tempDir(), "坏.docx");
    writeFileSync(path, "not a zip");
    const { code, out } = await cli("check", WUHAN_XLSX, "--narrative", path);
    expect(code).toBe(2);
    expect(out).toBe(`${path}：文件已损坏或不是 .docx 格式，无法读取\n`);
  });
});

describe("usage errors go to stderr, the text and the report to stdout", () => {
  async function streams(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const s = { out: "", err: "" };
    const code = await run(args, { out: (t) => void (s.out += t), err: (t) => void (s.err += t) });
    return { code, ...s };
  }

  it("explain: no file, a wrong --out and an unreadable workbook on stderr; --help on stdout", async () => {
    const none = await streams("explain");
    expect([none.code, none.out]).toEqual([2, ""]);
    expect(none.err).toContain("用法：juesuan explain");
    const pdf = await streams("explain", WUHAN_XLSX, "--out", join(tempDir(), "说明.pdf"));
    expect([pdf.code, pdf.out]).toEqual([2, ""]);
    expect(pdf.err).toContain("--out 须为 .docx 或 .txt 文件");
    const missing = join(tempDir(), "没有.xlsx");
    const unread = await streams("explain", missing);
    expect(unread).toEqual({ code: 2, out: "", err: `${missing}：文件不存在或无法访问\n` });
    const help = await streams("explain", "--help");
    expect([help.code, help.err]).toEqual([0, ""]);
    expect(help.out).toContain("用法：juesuan explain");
  });

  it("check --narrative: an unreadable text on stderr (stdout stays empty, as --json needs)", async () => {
    const path = join(tempDir(), "坏.docx");
    writeFileSync(path, "not a zip");
    expect(await streams("check", WUHAN_XLSX, "--narrative", path, "--json")).toEqual({ code: 2, out: "", err: `${path}：文件已损坏或不是 .docx 格式，无法读取\n` });
  });
});
