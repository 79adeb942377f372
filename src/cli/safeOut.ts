// Where annotated copies go, and how they are written: never onto an input (also not through a symbolic or
// hard link, nor by a name differing only in case), never over an existing file without --force, one name
// per input, and atomically — into a temporary file beside the target, then linked or renamed into place, so
// a reader or a second run never sees half a workbook.
import { randomBytes } from "node:crypto";
import { lstat, link, mkdir, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";

export class CopyError extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

export interface CopyTarget {
  path: string;
  /** Said beside the copy's name, e.g. that the macros were not kept. */
  note?: string;
  /** Set when no copy will be written for this file, with the reason. */
  refused?: string;
}

const MACRO_NOTE = "原文件含宏（.xlsm），本工具不能保留宏：副本为不含宏的 .xlsx";

/** One target per input. `out` is a file for a single input (unless it is an existing folder), else a folder
 *  that mirrors each input folder's subfolders, so `s1/x.xlsx` and `s2/x.xlsx` do not collide; names that
 *  still collide (`y.xlsx` and `y.xlsm`, or two file arguments) are numbered. */
export async function planCopies(jobs: readonly { file: string; root: string | null }[], out: string, outIsFolder: boolean): Promise<Map<string, CopyTarget>> {
  const plan = new Map<string, CopyTarget>();
  const macroNote = (file: string) => (extname(file).toLowerCase() === ".xlsm" ? { note: MACRO_NOTE } : {});
  if (!outIsFolder) {
    const file = jobs[0]?.file;
    if (file === undefined) return plan;
    const ext = extname(out).toLowerCase();
    if (ext === ".xlsm") plan.set(file, { path: out, refused: "本工具不能保留宏，不能另存为 .xlsm：请用 .xlsx 作为标注副本的扩展名" });
    else if (ext !== ".xlsx") plan.set(file, { path: out, refused: `标注副本须为 .xlsx 文件（给出的是“${basename(out)}”）` });
    else plan.set(file, { path: out, ...macroNote(file) });
    return plan;
  }
  const taken = new Set<string>();
  for (const { file, root } of jobs) {
    const sub = root ? dirname(relative(root, file)) : ".";
    const base = basename(file, extname(file));
    let path = join(out, sub, `${base}.校验.xlsx`);
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = join(out, sub, `${base}.校验(${n}).xlsx`);
    taken.add(path.toLowerCase());
    plan.set(file, { path, ...macroNote(file) });
  }
  return plan;
}

function errnoReason(err: unknown, target: string): CopyError {
  const code = (err as NodeJS.ErrnoException).code;
  const detail = err instanceof Error ? err.message : String(err);
  const reasons: Record<string, string> = {
    ENOENT: "所在文件夹不存在",
    ENOTDIR: "路径中有一段不是文件夹",
    EACCES: "没有写入权限",
    EPERM: "没有写入权限",
    EROFS: "所在磁盘只读",
    ENOSPC: "磁盘空间不足",
    EDQUOT: "超出磁盘配额",
    EISDIR: "同名的文件夹已存在",
    EEXIST: "文件已存在；如要覆盖，请加 --force",
    ENAMETOOLONG: "文件名过长",
  };
  return new CopyError(`无法写入标注副本“${target}”：${(code && reasons[code]) ?? "写入失败"}`, detail);
}

async function realOrNull(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}

/** Does writing `target` touch one of `inputs`? Real paths (links followed), device and inode (hard links),
 *  and a case-insensitive comparison (file systems that ignore case). */
export async function touchesInput(target: string, inputs: readonly string[]): Promise<string | null> {
  const dirReal = await realOrNull(dirname(resolve(target)));
  const candidates = [resolve(target)];
  if (dirReal) candidates.push(join(dirReal, basename(target)));
  const targetReal = await realOrNull(target);
  if (targetReal) candidates.push(targetReal);
  const targetStat = await stat(target).catch(() => null);
  for (const input of inputs) {
    const inputReal = (await realOrNull(input)) ?? resolve(input);
    if (candidates.some((c) => c === inputReal || c.toLowerCase() === inputReal.toLowerCase() || c === resolve(input))) return input;
    if (targetStat) {
      const inputStat = await stat(input).catch(() => null);
      if (inputStat && inputStat.dev === targetStat.dev && inputStat.ino === targetStat.ino) return input;
    }
  }
  return null;
}

/** Write through `save` into a temporary file beside `target`, then put it in place. */
export async function writeAtomically(target: string, inputs: readonly string[], force: boolean, save: (tmp: string) => Promise<void>): Promise<void> {
  const input = await touchesInput(target, inputs);
  if (input) throw new CopyError(`标注副本“${target}”不能与输入文件“${input}”相同（是同一个文件）：输入文件从不被改写，请换一个 --out`);
  const existing = await lstat(target).catch(() => null);
  if (existing?.isDirectory()) throw new CopyError(`无法写入标注副本“${target}”：同名的文件夹已存在`);
  if (existing && !force) throw new CopyError(`标注副本“${target}”已存在；如要覆盖，请加 --force`);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (err) {
    // mkdir says EEXIST when a file stands where a folder of the path should be.
    const code = (err as NodeJS.ErrnoException).code;
    throw errnoReason(code === "EEXIST" ? Object.assign(err as Error, { code: "ENOTDIR" }) : err, target);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await save(tmp);
    if (force) {
      // rename replaces the directory entry: a link at `target` is replaced, never written through.
      await rename(tmp, target);
    } else {
      // link fails if the name was taken meanwhile (another run): no-clobber without a race.
      await link(tmp, target).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code === "EEXIST") throw err;
        // File systems without hard links: check, then rename.
        if (await lstat(target).catch(() => null)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        await rename(tmp, target);
      });
    }
  } catch (err) {
    throw err instanceof CopyError ? err : errnoReason(err, target);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
