// Edits made in Excel after a check: the pane then says "已修改，请重新校验". WorksheetCollection.onChanged
// (ExcelApi 1.7) fires for data changes on any sheet; its triggerSource (ExcelApi 1.14) tells the add-in's own
// writes ("ThisLocalAddin") apart — those already mark the check stale where they are made.
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetchangedeventargs
import type { ExcelHost } from "./host";

/** Call `onEdit` on each edit by someone else than this add-in; false when Excel cannot tell (then nothing is watched). */
export async function watchEdits(host: ExcelHost, triggerSourceSupported: boolean, onEdit: () => void): Promise<boolean> {
  if (!triggerSourceSupported) return false;
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    // A host without the event (the test host) watches nothing.
    if (!("onChanged" in sheets) || !sheets.onChanged) return false;
    sheets.onChanged.add(async (event?: Excel.WorksheetChangedEventArgs) => {
      // Without the event's arguments the source cannot be told: an edit is never claimed on a guess (the
      // add-in's own writes would make every 校验 look out of date the moment it is done).
      if (event && event.triggerSource !== undefined && String(event.triggerSource) !== "ThisLocalAddin") onEdit();
    });
    await context.sync();
    return true;
  });
}
