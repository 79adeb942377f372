// 插入指标清单模板: a new sheet with the columns 生成自评表 reads (src/core/scoring/sheet.ts) and example rows
// to overwrite — the budget row first, then one indicator of each usual kind, 分值 adding up to 100.
// One sync; undoable like 生成自评表 (the sheet is deleted): the undo entry goes in before the sheet exists, and
// A1 ("项目名称") and B2 (the header "二级指标") are how undo knows the sheet is still the template.
import type { ExcelHost } from "./host";
import { newUndoId, pushUndo, updateUndo } from "./undo";

const HEADER = ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "评分标准", "计分方法"];
const ROWS: (string | number)[][] = [
  ["预算执行率", "", "预算执行率", 100, 95, 10, "", ""],
  ["产出指标", "数量指标", "（例）开展检查次数", "≥10次", "12次", 20, "", "正向"],
  ["产出指标", "质量指标", "（例）检查覆盖率", "≥95%", "96%", 20, "", "正向"],
  ["产出指标", "时效指标", "（例）按时完成率", "100%", "100%", 10, "", "正向"],
  ["效益指标", "社会效益指标", "（例）问题整改率", "≥90%", "92%", 30, "", "正向"],
  ["满意度指标", "服务对象满意度指标", "（例）服务对象满意度", "≥90%", "93%", 10, "", "正向"],
];

export async function insertIndicatorTemplate(host: ExcelHost): Promise<string> {
  const id = newUndoId();
  const made = await host.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const taken = sheets.items.map((s) => s.name.toLowerCase());
    let name = "指标清单模板";
    for (let i = 2; taken.includes(name.toLowerCase()); i++) name = `指标清单模板(${i})`;
    await pushUndo(host, { id, kind: "sheet", state: "pending", sheet: name, title: "项目名称", project: HEADER[1] });
    const ws = context.workbook.worksheets.add(name);
    ws.load("id");
    const last = 2 + ROWS.length;
    // Targets and actuals as text: Excel would turn "96%" into 0.96 and "100%" into 1, losing the unit.
    ws.getRange(`D4:E${last}`).numberFormat = ROWS.slice(1).map(() => ["@", "@"]);
    // One write for A1 and B2 together: a batch that stops part-way leaves both or neither, which is what undo
    // tells the template (or a blank sheet it began) from a sheet the user changed by.
    ws.getRange(`A1:H${last}`).values = [["项目名称", "（填写项目名称）", "", "", "", "", "", ""], HEADER, ...ROWS];
    ws.getRange("A2:H2").format.font.bold = true;
    ws.getRange(`A2:H${last}`).format.autofitColumns();
    ws.activate();
    await context.sync();
    return { name, sheetId: ws.id };
  });
  await updateUndo(host, id, { state: "done", sheetId: made.sheetId });
  return made.name;
}
