// Edits made in Excel after a check: the pane then says "已修改，请重新校验". WorksheetCollection.onChanged
// (ExcelApi 1.7) fires for data changes on any sheet; its triggerSource (ExcelApi 1.14) tells the add-in's own
// writes ("ThisLocalAddin") apart — those already mark the check stale where they are made.
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetchangedeventargs
import type { ExcelHost } from "./host";

/**
 * Whether a change event may come from someone other than this add-in. Only triggerSource is looked at.
 * `details` is never needed: Excel gives it for an edit of one cell only ("If the changed event is triggered on
 * multiple cells, this property cannot be retrieved", WorksheetChangedEventArgs.details, page above), so a
 * pasted block or a cleared range comes without it and must count as much as one typed cell. An event whose
 * source cannot be told (no arguments, or no triggerSource although ExcelApi 1.14 promises it) may be an
 * edit: the findings are said to be out of date rather than shown as current over a changed sheet.
 */
export function mayBeOutsideEdit(event: Pick<Excel.WorksheetChangedEventArgs, "triggerSource"> | undefined): boolean {
  if (!event || event.triggerSource === undefined || event.triggerSource === null) return true;
  return String(event.triggerSource) !== "ThisLocalAddin";
}

/** Call `onEdit` on each edit that may be by someone else than this add-in; false when Excel cannot tell the
 *  add-in's own writes apart (before ExcelApi 1.14: then nothing is watched, and "校验于 14:32" dates the findings). */
export async function watchEdits(host: ExcelHost, triggerSourceSupported: boolean, onEdit: () => void): Promise<boolean> {
  if (!triggerSourceSupported) return false;
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    // A host without the event watches nothing.
    if (!("onChanged" in sheets) || !sheets.onChanged) return false;
    sheets.onChanged.add(async (event?: Excel.WorksheetChangedEventArgs) => {
      if (mayBeOutsideEdit(event)) onEdit();
    });
    await context.sync();
    return true;
  });
}
