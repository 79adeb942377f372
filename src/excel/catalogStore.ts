// The user's imported 科目 list, kept in the workbook's add-in settings, merged over the built-in catalogue.
import { Catalog, type CatalogImport, parseCatalogCsv } from "../core/catalog/catalog";
import type { ExcelHost } from "./host";
import { SettingsStore } from "./settingsStore";

type Entries = CatalogImport["entries"];

const store = (host: ExcelHost) => new SettingsStore<Entries>(host.settings, "juesuan.catalog");

export function workbookCatalog(host: ExcelHost): Catalog {
  return Catalog.builtin().withUser(store(host).load() ?? []);
}

export function importedCount(host: ExcelHost): number {
  return store(host).load()?.length ?? 0;
}

/** Import a CSV (code,name per line) into the workbook; returns what was read and what was not. */
export async function importCatalog(host: ExcelHost, csv: string): Promise<CatalogImport> {
  const parsed = parseCatalogCsv(csv);
  if (parsed.entries.length) {
    const byKey = new Map((store(host).load() ?? []).map((e) => [`${e.scheme}:${e.code}`, e]));
    for (const e of parsed.entries) byKey.set(`${e.scheme}:${e.code}`, e);
    await store(host).save([...byKey.values()]);
  }
  return parsed;
}
