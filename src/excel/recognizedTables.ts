// Which of 表1–表9 the workbook holds, and what each sheet was taken for: for a panel that must name the
// tables it did not find (填充小计 never says "all agree" about a table it could not see). Two syncs.
import type { TableId } from "../core/findings";
import { TABLE_IDS } from "../core/findings";
import type { SheetRecognition } from "../core/model";
import { recognizeWorkbook } from "../core/tables/recognize";
import type { ExcelHost } from "./host";
import { readWorkbook } from "./readWorkbook";

export interface Recognized {
  tables: TableId[];
  sheets: SheetRecognition[];
}

export async function recognizedTables(host: ExcelHost): Promise<Recognized> {
  return host.run(async (context) => {
    const { grids } = await readWorkbook(context);
    const workbook = recognizeWorkbook(grids);
    return { tables: TABLE_IDS.filter((id) => workbook.tables[id]), sheets: workbook.sheets };
  });
}
