// juesuan check FILE.xlsx --narrative 说明.docx|.txt [--json]: every figure of a written 情况说明 checked
// against the workbook's tables and against itself. Exit 0 nothing wrong, 1 errors found, 2 unreadable input.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import mammoth from "mammoth";
import { type NarrativeCheck, checkNarrative, figureSummary } from "../core/narrative";
import { severityLabel } from "../core/findings";
import { loadFigures } from "./explain";
import type { Io } from "./output";

export const NARRATIVE_USAGE = "用法：juesuan check 文件.xlsx --narrative 情况说明.docx|情况说明.txt [--json]";

export type TextRead = { ok: true; text: string } | { ok: false; reason: string };

/** The text of a .txt (UTF-8) or .docx (its paragraphs, through mammoth); never the file's XML by hand. */
export async function readNarrativeFile(path: string): Promise<TextRead> {
  const ext = extname(path).toLowerCase();
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    return { ok: false, reason: "文件不存在或无法访问" };
  }
  if (ext === ".txt") return { ok: true, text: buffer.toString("utf8").replace(/^\uFEFF/, "") };
  if (ext === ".doc") return { ok: false, reason: "是旧版 Word 文件（.doc），请另存为 .docx 后再校对" };
  if (ext !== ".docx") return { ok: false, reason: `不是 .docx 或 .txt 文件（扩展名 ${ext || "无"}）` };
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    return { ok: true, text: value };
  } catch {
    return { ok: false, reason: "文件已损坏或不是 .docx 格式，无法读取" };
  }
}

export function narrativeReport(c: NarrativeCheck): string {
  const lines: string[] = [];
  for (const f of c.findings) {
    lines.push(`[${severityLabel(f)}] ${f.rule} 第${f.line + 1}行 ${f.figure}：${f.message}`);
    lines.push(`    句子：${f.sentence}`);
    for (const s of f.also ?? []) lines.push(`    另见：${s}`);
    lines.push(`    对照：${f.comparedWith}；应为 ${f.expected ?? "—"}，文中 ${f.found ?? "—"}${f.difference ? `，差额 ${f.difference}` : ""}`);
  }
  const s = figureSummary(c);
  const errors = c.findings.filter((f) => f.severity === "error").length;
  lines.push(`共找到 ${c.figures.length} 个数字：${s.table} 个与表中单元格核对，${s.self} 个与文中其他数字核对，${s.unchecked} 个无从核对。`);
  for (const [reason, count] of s.reasons) lines.push(`  无从核对 ${count} 个：${reason}`);
  lines.push(`结果：${errors} 处错误，${c.findings.length - errors} 条其他提示`);
  return `${lines.join("\n")}\n`;
}

/** The report on stdout; usage errors and files that cannot be read on stderr (stdout stays JSON with --json). */
export async function runNarrativeCheck(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { narrative: { type: "string" }, json: { type: "boolean" } } });
  } catch (err) {
    await io.err(`${err instanceof Error ? err.message : String(err)}\n${NARRATIVE_USAGE}\n`);
    return 2;
  }
  const [file] = parsed.positionals;
  const textPath = parsed.values.narrative;
  if (!file || !textPath) {
    await io.err(`${NARRATIVE_USAGE}\n`);
    return 2;
  }
  const loaded = await loadFigures(file);
  if (!loaded.ok) {
    await io.err(`${file}：${loaded.reason}\n`);
    return 2;
  }
  const text = await readNarrativeFile(textPath);
  if (!text.ok) {
    await io.err(`${textPath}：${text.reason}\n`);
    return 2;
  }
  const result = checkNarrative(text.text, loaded.figures, loaded.inputs?.inputs);
  if (parsed.values.json) {
    const s = figureSummary(result);
    const figures = { total: result.figures.length, table: s.table, self: s.self, unchecked: s.unchecked };
    await io.out(`${JSON.stringify({ file, narrative: textPath, findings: result.findings, figures }, null, 2)}\n`);
  } else await io.out(narrativeReport(result));
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
