// What a table reader returns: the table it read and the region it read it from, or why it could not.
import type { Table } from "../model";
import type { Region } from "./sheetView";

/** A table as its reader sees it; recognition adds the title, the preamble and the completeness count. */
export type ReadTable<T extends Table> = Omit<T, "title" | "titleAddress" | "completeness" | "preamble">;

export type TableRead<T extends Table> = { ok: true; table: ReadTable<T>; region: Region } | { ok: false; reason: string };
