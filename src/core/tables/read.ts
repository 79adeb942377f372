// What a table reader returns: the table it read, the region it read it from and the figures that landed in it,
// or why it could not.
import type { Table } from "../model";
import type { Landed, Region } from "./sheetView";

/** A table as its reader sees it; recognition adds the title, the preamble and the completeness count. */
export type ReadTable<T extends Table> = T extends Table ? Omit<T, "title" | "titleAddress" | "completeness" | "preamble"> : never;

export type TableRead<T extends Table> = { ok: true; table: ReadTable<T>; region: Region; landed: Landed } | { ok: false; reason: string };
