// juesuan explain FILE.xlsx [--last LAST.xlsx] [--out 说明.docx|.txt]: the 情况说明 written from the tables,
// with last year's figures from --last and the rest from the workbook's 说明数据 sheet, where it has one.
import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { ChartRun } from "docx/charts";
import type { Grid } from "../core/grid";
import {
  type ChartSpec,
  INPUT_SHEET,
  type InputsRead,
  type Narrative,
  type TableFigures,
  chartSpecs,
  emptyInputs,
  extractFigures,
  generateNarrative,
  lastYearFrom,
  narrativeText,
  placeholderCount,
  readInputs,
} from "../core/narrative";
import { validate } from "../core/validate";
import { readWorkbook } from "./openWorkbook";
import type { Io } from "./output";

export const EXPLAIN_USAGE = `用法：juesuan explain 文件.xlsx [--last 上年.xlsx] [--out 说明.docx|说明.txt]

  --last   上年的决算表：取上年的收支总计、财政拨款收支总计、财政拨款支出和“三公”经费决算数
  --out    写入 .docx（含图表，待填写处标黄）或 .txt；不给则打印到屏幕
  工作簿中若有“${INPUT_SHEET}”工作表（项目 | 数值），其中的年初预算、项目、数量等也会写入`;

export type Loaded = { ok: true; figures: TableFigures; grids: Grid[]; inputs: InputsRead | null } | { ok: false; reason: string };

/** A workbook's figures, and its 说明数据 sheet when it has one. Read as `check` reads (src/cli/checkFiles.ts):
 *  bounded by src/cli/limits.ts, a Chinese reason when the file cannot be read. */
export async function loadFigures(path: string): Promise<Loaded> {
  const read = await readWorkbook(path);
  if (!read.ok) return { ok: false, reason: read.reason };
  const grids = read.sheets.map((s) => s.grid);
  const figures = extractFigures(validate(grids), grids);
  const sheet = grids.find((g) => g.sheet === INPUT_SHEET);
  return { ok: true, figures, grids, inputs: sheet ? readInputs(sheet.values) : null };
}

const n = (d: { toNumber(): number }) => d.toNumber();

function chartRun(spec: ChartSpec): ChartRun {
  const title = spec.title;
  if (spec.kind === "pie") {
    return new ChartRun({
      type: "pie",
      title,
      categories: spec.categories,
      series: spec.series.map((s) => ({ name: s.name, values: s.values.map(n) })),
      dataLabels: { percentage: true, category: true },
    });
  }
  return new ChartRun({
    type: "column",
    title,
    categories: spec.categories,
    series: spec.series.map((s) => ({ name: s.name, values: s.values.map(n) })),
    dataLabels: { value: true },
  });
}

/** The 情况说明 as a Word document: headings, paragraphs, placeholders highlighted in yellow, the charts at the end. */
export async function narrativeDocx(narrative: Narrative, charts: readonly ChartSpec[], title: string): Promise<Buffer> {
  const paragraphs = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
    ...narrative.paragraphs.map((p) =>
      p.heading
        ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: p.parts.map((x) => new TextRun(x.text)) })
        : new Paragraph({
            indent: { firstLine: 480 },
            children: p.parts.map((x) => (x.kind === "placeholder" ? new TextRun({ text: x.text, highlight: "yellow" }) : new TextRun(x.text))),
          }),
    ),
  ];
  if (charts.length) {
    paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("附图")] }));
    charts.forEach((c, i) => {
      paragraphs.push(new Paragraph({ children: [chartRun(c)] }));
      paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`图 ${i + 1}：${c.title}`)] }));
    });
  }
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** The text (or nothing, with --out) on stdout; usage errors, unreadable files and notes on stderr. */
export async function runExplain(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    const options = { last: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    await io.err(`${err instanceof Error ? err.message : String(err)}\n${EXPLAIN_USAGE}\n`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (parsed.values.help || !file) {
    await (parsed.values.help ? io.out : io.err)(`${EXPLAIN_USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const out = parsed.values.out;
  if (out && ![".docx", ".txt"].includes(extname(out).toLowerCase())) {
    await io.err(`--out 须为 .docx 或 .txt 文件：${out}\n`);
    return 2;
  }
  if (out && [file, parsed.values.last].some((f) => f && resolve(f) === resolve(out))) {
    await io.err("--out 不能与输入文件相同：输入文件从不被改写\n");
    return 2;
  }
  const loaded = await loadFigures(file);
  if (!loaded.ok) {
    await io.err(`${file}：${loaded.reason}\n`);
    return 2;
  }
  const inputs = loaded.inputs?.inputs ?? emptyInputs();
  for (const p of loaded.inputs?.problems ?? []) await io.out(`说明数据 ${p}\n`);
  if (parsed.values.last) {
    const last = await loadFigures(parsed.values.last);
    if (!last.ok) {
      await io.err(`${parsed.values.last}：${last.reason}\n`);
      return 2;
    }
    const fromLast = lastYearFrom(last.figures);
    inputs.last = { ...fromLast, ...definedOnly(inputs.last), sanGong: { ...fromLast.sanGong, ...inputs.last.sanGong } };
  }
  const narrative = generateNarrative(loaded.figures, inputs);
  const { charts, skipped } = chartSpecs(loaded.figures);
  const text = narrativeText(narrative);
  if (!out) await io.out(`${text}\n\n`);
  else if (extname(out).toLowerCase() === ".txt") await writeFile(out, `${text}\n`, "utf8");
  else {
    const year = loaded.figures.year ?? "";
    const dept = loaded.figures.department ?? "";
    await writeFile(out, await narrativeDocx(narrative, charts, `${dept}${year}年度部门决算情况说明`));
  }
  for (const note of narrative.notes) await io.out(`注：${note}\n`);
  for (const s of skipped) await io.out(`未生成图表“${s.title}”：${s.reason}\n`);
  await io.out(`共 ${placeholderCount(narrative)} 处【待填写】/【待核对】需要人工补充${out ? `；已写入 ${out}` : ""}\n`);
  return 0;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
