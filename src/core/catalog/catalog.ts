// The 科目 catalogue: the codes and names the core knows (builtin.json, built by scripts/build-catalog.ts), old class
// names as aliases, and a user's fuller list imported as CSV (kept in the workbook by the add-in).
import { EXPENSE_CLASSES, codeLevel } from "../codes";
import { normalizeLabel } from "../text";
import builtin from "./builtin.json";

export type Scheme = "function" | "economic" | "government-economic";

export interface CatalogEntry {
  code: string;
  name: string;
  scheme: Scheme;
  /** Other names the same code has had (医疗卫生与计划生育支出 for 卫生健康支出). */
  aliases: string[];
  source: "builtin" | "user";
  /** The shipped list marks how sure each row is; names are only held against sure ones (and the user's). */
  verified: boolean;
}

/** Names compare after normalising width, brackets, quotes and spaces. */
export function sameName(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}

export class Catalog {
  private readonly byKey = new Map<string, CatalogEntry>();
  /** The same entries by scheme, then code: a lookup per row of every table, without a key string each. */
  private readonly byScheme = new Map<Scheme, Map<string, CatalogEntry>>();

  constructor(entries: readonly CatalogEntry[]) {
    for (const e of entries) {
      this.byKey.set(`${e.scheme}:${e.code}`, e);
      let codes = this.byScheme.get(e.scheme);
      if (!codes) this.byScheme.set(e.scheme, (codes = new Map()));
      codes.set(e.code, e);
    }
  }

  static builtin(): Catalog {
    const aliases = new Map(EXPENSE_CLASSES.map((c) => [c.code, c.names.slice(1)]));
    return new Catalog(
      (builtin as { code: string; name: string; scheme: Scheme; verified: boolean }[]).map((e) => ({
        code: e.code,
        name: e.name,
        scheme: e.scheme,
        aliases: e.scheme === "function" ? (aliases.get(e.code) ?? []) : [],
        source: "builtin",
        verified: e.verified,
      })),
    );
  }

  get size(): number {
    return this.byKey.size;
  }

  /** A copy with the user's entries added; a user's name replaces the built-in one and keeps it as an alias. */
  withUser(entries: readonly { code: string; name: string; scheme: Scheme }[]): Catalog {
    const merged = new Map(this.byKey);
    for (const e of entries) {
      const key = `${e.scheme}:${e.code}`;
      const old = merged.get(key);
      const aliases = old && !sameName(old.name, e.name) ? [old.name, ...old.aliases] : (old?.aliases ?? []);
      merged.set(key, { code: e.code, name: e.name, scheme: e.scheme, aliases, source: "user", verified: true });
    }
    return new Catalog([...merged.values()]);
  }

  lookup(code: string, scheme: Scheme = "function"): CatalogEntry | undefined {
    return this.byScheme.get(scheme)?.get(code);
  }

  /** Whether `name` is the catalogue's name for `code` (or one of its old names); undefined when the code is
   *  unknown or its catalogue row is not verified. */
  nameMatches(code: string, name: string, scheme: Scheme = "function"): boolean | undefined {
    const e = this.lookup(code, scheme);
    if (!e || !e.verified) return undefined;
    const given = normalizeLabel(name);
    return normalizeLabel(e.name) === given || e.aliases.some((n) => normalizeLabel(n) === given);
  }
}

export interface CatalogImport {
  entries: { code: string; name: string; scheme: Scheme }[];
  /** Lines that could not be read, with the reason, by line number. */
  rejected: { line: number; text: string; reason: string }[];
}

/** A user's list as CSV: `code,name` per line (a header line is skipped); 3xx codes are economic. */
export function parseCatalogCsv(text: string): CatalogImport {
  const entries: CatalogImport["entries"] = [];
  const rejected: CatalogImport["rejected"] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (!line) return;
    const [codeText = "", ...rest] = line.split(/[,，\t]/);
    const code = codeText.trim().replace(/^"|"$/g, "");
    const name = rest.join(",").trim().replace(/^"|"$/g, "");
    if (i === 0 && !/^\d/.test(code)) return; // header
    if (!codeLevel(code)) rejected.push({ line: i + 1, text: line, reason: "科目编码应为3、5或7位数字" });
    else if (!name) rejected.push({ line: i + 1, text: line, reason: "缺少科目名称" });
    else entries.push({ code, name, scheme: code.startsWith("3") ? "economic" : code.startsWith("5") ? "government-economic" : "function" });
  });
  return { entries, rejected };
}
