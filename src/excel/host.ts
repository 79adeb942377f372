// What the adapter needs from Office: Excel.run, the document's settings, and whether the notes API exists.
// The task pane and the ribbon command pass the real globals; tests pass the fake host.

export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  settings: Office.Settings;
  /** ExcelApi 1.18 has cell notes; older Excel gets fills only (the text stays in the pane and the report). */
  notesSupported(): boolean;
}

export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    settings: Office.context.document.settings,
    notesSupported: () => Office.context.requirements.isSetSupported("ExcelApi", "1.18"),
  };
}
