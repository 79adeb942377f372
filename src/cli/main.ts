// juesuan check FILE.xlsx|FOLDER [--json] [--out ANNOTATED.xlsx|DIR] [--strict]
// Exit code: 0 no error found, 1 errors found, 2 a file could not be read.
import { mkdir, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CheckedFile, annotatedPath, checkFile, listWorkbooks } from "./checkFiles";
import { textReport } from "./report";
import { runExplain } from "./explain";
import { runNarrativeCheck } from "./narrativeCheck";

const USAGE = `用法：juesuan check 文件.xlsx|文件夹 [--json] [--out 标注副本.xlsx|文件夹] [--strict]

  --json     每个文件输出一个 JSON 对象（文件夹输出数组）
  --out      另存一份标注副本：问题单元格着色并加批注，另附“校验报告”工作表；原文件不会被修改
  --strict   严格模式：任何差额（含 0.01 的尾差）都算错误`;

export async function run(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  // 情况说明: explain writes it (src/cli/explain.ts), check --narrative checks a written one (src/cli/narrativeCheck.ts).
  if (argv[0] === "explain") return runExplain(argv.slice(1), write);
  if (argv[0] === "check" && argv.some((a) => a === "--narrative" || a.startsWith("--narrative="))) return runNarrativeCheck(argv.slice(1), write);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, out: { type: "string" }, strict: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const [command, target] = parsed.positionals;
  if (parsed.values.help || command !== "check" || !target) {
    write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  if (parsed.values.out && resolve(parsed.values.out) === resolve(target)) {
    write("--out 不能与输入文件相同：输入文件从不被改写\n");
    return 2;
  }
  const files = await listWorkbooks(target);
  const many = (await stat(target).catch(() => null))?.isDirectory() ?? false;
  if (many && parsed.values.out) await mkdir(parsed.values.out, { recursive: true });
  if (many && !files.length) {
    write(`文件夹 ${target} 中没有 .xlsx 文件\n`);
    return 2;
  }

  const results: CheckedFile[] = [];
  for (const file of files) {
    const out = parsed.values.out ? annotatedPath(file, parsed.values.out, many) : undefined;
    const checked = await checkFile(file, { strict: parsed.values.strict }, out);
    results.push(checked);
    if (!parsed.values.json) write(`${textReport(checked.report, checked.unrecognizedSheets)}\n${out && !checked.report.error ? `标注副本：${out}\n` : ""}\n`);
  }
  if (parsed.values.json) {
    const reports = results.map((r) => r.report);
    write(`${JSON.stringify(many ? reports : reports[0], null, 2)}\n`);
  } else if (many) {
    const bad = results.filter((r) => r.report.error).length;
    const withErrors = results.filter((r) => r.report.findings.some((f) => f.severity === "error")).length;
    write(`共 ${results.length} 个文件：${withErrors} 个有错误，${bad} 个无法读取\n`);
  }
  if (results.some((r) => r.report.error)) return 2;
  return results.some((r) => r.report.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`juesuan：${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
