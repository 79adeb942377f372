// What the adapter needs from Office: Excel.run, the document's settings, and which requirement sets this Excel
// has. The task pane and the ribbon command pass the real globals; tests pass the fake host.
//
// manifest.xml declares ExcelApi 1.9: everything the adapter calls without asking is in 1.9 or older. Newer
// calls are made only when `supports` says so, each with a fallback:
// - ExcelApi 1.13 getMergedAreasOrNullObject: without it the tables are read without their merged areas;
// - ExcelApi 1.18 notes: without them marks are fills only (the text stays in the pane and the report).
// https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets

export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  settings: Office.Settings;
  /** ExcelApi 1.18 has cell notes; older Excel gets fills only (the text stays in the pane and the report). */
  notesSupported(): boolean;
  /** Office.context.requirements.isSetSupported, for the sets the manifest does not require. */
  supports?(set: string, version: string): boolean;
}

export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    settings: Office.context.document.settings,
    notesSupported: () => Office.context.requirements.isSetSupported("ExcelApi", "1.18"),
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
  };
}

/** Whether the merged-areas call (ExcelApi 1.13) may be made. */
export function mergesSupported(host: ExcelHost): boolean {
  return host.supports ? host.supports("ExcelApi", "1.13") : true;
}
