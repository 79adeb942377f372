// How much of a file the command line will read. Every limit is checked before the workbook is parsed, so an
// unkind file (a zip bomb, a value at XFD1048576, a merge over the whole sheet) gets a reason, not an
// out-of-memory crash. Measured on this machine (bench/cli.ts): 1.5 million cells are read in under 300 MB.

/** The file itself (bytes on disk). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** One part of the zip once inflated (a sheet's XML, the shared strings). */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
/** All parts together once inflated. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/** Cells written in the workbook (`<c>` elements), counted before parsing. */
export const MAX_CELLS = 2_000_000;
/** The rectangle a sheet's non-empty cells span: the core scans it row by column. */
export const MAX_AREA = 10_000_000;
/** The annotated copy loads the whole workbook into ExcelJS and writes it back with a note per marked cell:
 *  300,000 cells with 13,700 notes peaked at 830 MB (600,000 cells: 1.2 GB), so the copy is held lower. */
export const MAX_COPY_CELLS = 250_000;
/** Cells filled and noted in one copy. */
export const MAX_COPY_MARKS = 20_000;
/** ExcelJS gives every cell of a merged area its own object when it loads a workbook for the copy. */
export const MAX_COPY_MERGED_CELLS = 200_000;
/** ExcelJS compares each merge with every earlier one when it loads a workbook (quadratic). */
export const MAX_COPY_MERGES = 20_000;
/** A finding's message and a note quote cell text; Excel holds at most 32,767 characters in a cell. */
export const MAX_MESSAGE_CHARS = 1_000;
export const EXCEL_CELL_CHARS = 32_767;
