// juesuan COMMAND …: the commands are a table (COMMANDS), each with its options and its handler, so a new
// subcommand is one more entry. Exit codes (README "The command line"):
//   0 no error found, 1 errors found, 2 a file could not be read (or a usage error), 3 an annotated copy
//   could not be written (the findings were printed all the same).
import { mkdir, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CheckedFile, checkFile, listWorkbooks, unreadable, writeCopy } from "./checkFiles";
import { type Io, processIo } from "./output";
import { textReport } from "./report";
import { type CopyTarget, planCopies, touchesInput } from "./safeOut";
import { EXPLAIN_USAGE, runExplain } from "./explain";
import { NARRATIVE_USAGE, runNarrativeCheck } from "./narrativeCheck";

export const EXIT = { ok: 0, errors: 1, unreadable: 2, copyFailed: 3 } as const;

type OptionSpec = { type: "boolean" | "string"; short?: string; help: string };
type Values = Record<string, string | boolean | undefined>;

interface Command {
  usage: string;
  options: Record<string, OptionSpec>;
  run(positionals: string[], values: Values, io: Io): Promise<number>;
}

const COMMON: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", help: "显示用法" },
  verbose: { type: "boolean", help: "无法读取或写入时，另附所用程序库的原始说明（英文）" },
};

const COMMANDS: Record<string, Command> = {
  check: {
    usage: "juesuan check 文件.xlsx|文件夹 … [--json] [--out 标注副本.xlsx|文件夹] [--force] [--strict] [--verbose]",
    options: {
      json: { type: "boolean", help: "每个文件输出一个 JSON 对象（文件夹或多个文件输出数组）" },
      out: { type: "string", help: "另存一份标注副本：问题单元格着色并加批注，另附“校验报告”工作表；原文件不会被修改" },
      force: { type: "boolean", help: "允许覆盖已存在的标注副本（输入文件本身永远不会被覆盖）" },
      strict: { type: "boolean", help: "严格模式：任何差额（含 0.01 的尾差）都算错误" },
      ...COMMON,
    },
    run: runCheck,
  },
};

function usage(): string {
  const lines: string[] = [];
  Object.values(COMMANDS).forEach((c, i) => {
    lines.push(`${i === 0 ? "用法：" : "      "}${c.usage}`, "");
    for (const [name, o] of Object.entries(c.options)) lines.push(`  --${name.padEnd(9)}${o.help}`);
  });
  lines.push(EXPLAIN_USAGE, "", NARRATIVE_USAGE, "");
  lines.push("", "退出码：0 未发现错误，1 发现错误，2 有文件无法读取（或用法有误），3 标注副本未能写入");
  return lines.join("\n");
}

/** `io` may be one function for both streams (tests, the bench). */
export async function run(argv: string[], io: Io | ((text: string) => void) = processIo()): Promise<number> {
  const streams: Io = typeof io === "function" ? { out: io, err: io } : io;
  const [name, ...rest] = argv;
  // 情况说明: explain writes it (src/cli/explain.ts), check --narrative checks a written one (src/cli/narrativeCheck.ts).
  if (name === "explain") return runExplain(rest, streams);
  if (name === "check" && rest.some((a) => a === "--narrative" || a.startsWith("--narrative="))) return runNarrativeCheck(rest, streams);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const help = name === "--help" || name === "-h";
    await (help ? streams.out : streams.err)(`${name && !help ? `未知的命令：${name}\n` : ""}${usage()}\n`);
    return help ? EXIT.ok : EXIT.unreadable;
  }
  let parsed;
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
    parsed = parseArgs({ args: rest, allowPositionals: true, options });
  } catch (err) {
    await streams.err(`参数有误：${optionError(err)}\n${usage()}\n`);
    return EXIT.unreadable;
  }
  if (parsed.values.help) {
    await streams.out(`${usage()}\n`);
    return EXIT.ok;
  }
  return command.run(parsed.positionals, parsed.values, streams);
}

function optionError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const m = /option '([^']+)'/.exec(text);
  if (/Unknown option/.test(text) && m) return `不认识的选项 ${m[1]}`;
  if (/argument missing/.test(text) && m) return `选项 ${m[1]} 需要一个值`;
  return "无法解析命令行";
}

interface Job {
  file: string;
  root: string | null;
  /** Set when the file could not even be listed. */
  failed?: CheckedFile;
}

async function runCheck(targets: string[], values: Values, io: Io): Promise<number> {
  if (!targets.length) {
    await io.err(`缺少要校验的文件或文件夹\n${usage()}\n`);
    return EXIT.unreadable;
  }
  const json = values.json === true;
  const verbose = values.verbose === true;
  const out = typeof values.out === "string" ? values.out : undefined;

  const jobs: Job[] = [];
  let folders = 0;
  for (const target of targets) {
    const isDir = (await stat(target).catch(() => null))?.isDirectory() === true;
    if (!isDir) {
      jobs.push({ file: target, root: null });
      continue;
    }
    folders++;
    const listed = await listWorkbooks(target);
    for (const f of listed.failures) jobs.push({ file: f.path, root: target, failed: unreadable(f.path, f.reason, f.detail) });
    if (!listed.files.length && !listed.failures.length) jobs.push({ file: target, root: target, failed: unreadable(target, "文件夹中没有 .xlsx 文件") });
    for (const file of listed.files) jobs.push({ file, root: target });
  }
  const many = jobs.length > 1 || folders > 0;

  let copies = new Map<string, CopyTarget>();
  if (out) {
    const toCopy = jobs.filter((j) => !j.failed);
    const outIsFolder = many || (await stat(out).catch(() => null))?.isDirectory() === true;
    if (outIsFolder && many) await mkdir(out, { recursive: true }).catch(() => undefined);
    copies = await planCopies(toCopy.map((j) => ({ file: j.file, root: j.root })), out, outIsFolder);
  }
  const inputs = jobs.map((j) => resolve(j.file));
  const single = !many ? copies.get(jobs[0].file) : undefined;
  if (single && (await touchesInput(single.path, inputs))) {
    // Known before any checking: a usage error, not a failed copy.
    await io.err(`--out 不能与输入文件相同（是同一个文件）：输入文件从不被改写\n`);
    return EXIT.unreadable;
  }

  const reports: unknown[] = [];
  let unreadableCount = 0;
  let copyFailed = 0;
  let withErrors = 0;
  for (const job of jobs) {
    const checked = job.failed ?? (await checkFile(job.file, { strict: values.strict === true }));
    const target = copies.get(job.file);
    let copyLine = "";
    if (target && !checked.report.error) {
      const written = await writeCopy(checked, target, inputs, values.force === true);
      if (written.ok) {
        checked.report.copy = target.path;
        copyLine = `标注副本：${target.path}${target.note ? `（${target.note}）` : ""}\n`;
      } else {
        copyFailed++;
        checked.report.copyError = written.reason;
        copyLine = `标注副本未写入：${written.reason}\n${verbose && written.detail ? `  详细信息：${written.detail}\n` : ""}`;
      }
    }
    if (checked.report.error) unreadableCount++;
    if (checked.report.findings.some((f) => f.severity === "error")) withErrors++;
    if (json) reports.push(checked.report);
    else {
      const detail = verbose && checked.detail ? `  详细信息：${checked.detail}\n` : "";
      await io.out(`${textReport(checked.report, checked.unrecognizedSheets)}\n${detail}${copyLine}\n`);
    }
  }
  if (json) await io.out(`${JSON.stringify(many ? reports : reports[0], null, 2)}\n`);
  else if (many) {
    const parts = [`${withErrors} 个有错误`, `${unreadableCount} 个无法读取`, ...(copyFailed ? [`${copyFailed} 个标注副本未写入`] : [])];
    await io.out(`共 ${jobs.length} 个文件：${parts.join("，")}\n`);
  }
  if (unreadableCount) return EXIT.unreadable;
  if (copyFailed) return EXIT.copyFailed;
  return withErrors ? EXIT.errors : EXIT.ok;
}
