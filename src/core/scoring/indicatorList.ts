// An indicator list (what an accountant types before 生成自评表): 一级/二级/三级指标, 年初目标值, 实际完成值, 分值,
// optionally 评分标准, 计分方法 and 偏差原因, wherever it sits on the sheet, 一级/二级 carried down where merged.
import { type Grid, cellAt, gridAddress, gridWidth } from "../grid";
import type { CellValue } from "../money";
import { normalizeLabel } from "../text";
import { METHOD_NAMES } from "./score";
import type { IndicatorListRow } from "./types";

const COLUMNS: [keyof IndicatorListRow | "score", RegExp][] = [
  ["level1", /^一级指标/],
  ["level2", /^二级指标/],
  ["level3", /^三级指标|^指标名称/],
  ["target", /年初目标值|^目标值|预期目标/],
  ["actual", /实际完成值|^完成值|实际值/],
  ["weight", /^分值|^设置分值|^权重/],
  ["score", /^得分|^评价得分|^自评得分/],
  ["rule", /评分标准|评分规则/],
  ["method", /^计分方法|^方法/],
  ["reason", /偏差原因/],
];

interface Located {
  headerRow: number;
  cols: Partial<Record<keyof IndicatorListRow | "score", number>>;
}

function locate(grid: Grid): Located | null {
  for (let r = 0; r < Math.min(grid.values.length, 30); r++) {
    const cols: Located["cols"] = {};
    for (let c = 0; c < gridWidth(grid); c++) {
      const t = normalizeLabel(cellAt(grid, r, c));
      const hit = COLUMNS.find(([key, re]) => cols[key] === undefined && re.test(t));
      if (hit) cols[hit[0]] = c;
    }
    if (cols.level1 !== undefined && cols.level3 !== undefined && cols.weight !== undefined && cols.target !== undefined) return { headerRow: r, cols };
  }
  return null;
}

function projectName(grid: Grid): string {
  for (let r = 0; r < Math.min(grid.values.length, 10); r++) {
    for (let c = 0; c < gridWidth(grid); c++) {
      const t = normalizeLabel(cellAt(grid, r, c));
      if (/^项目名称[:：]?$/.test(t)) {
        for (let k = c + 1; k < gridWidth(grid); k++) if (normalizeLabel(cellAt(grid, r, k))) return String(cellAt(grid, r, k)).trim();
      }
      const inline = /^项目名称[:：](.+)$/.exec(t);
      if (inline) return inline[1];
    }
  }
  return grid.sheet;
}

/** Rows of an indicator list or a filled 自评表, 一级/二级 carried down where the sheet merges them. */
export function readIndicatorRows(grid: Grid): { project: string; rows: (IndicatorListRow & { score?: CellValue; sheetRow: number })[]; hasScores: boolean; hasReason: boolean; total?: { value: CellValue; address: string } } | null {
  const at = locate(grid);
  if (!at) return null;
  const { cols } = at;
  const get = (r: number, key: keyof Located["cols"]) => (cols[key] === undefined ? null : cellAt(grid, r, cols[key] as number));
  const rows: (IndicatorListRow & { score?: CellValue; sheetRow: number })[] = [];
  let total: { value: CellValue; address: string } | undefined;
  let [l1, l2] = ["", ""];
  for (let r = at.headerRow + 1; r < grid.values.length; r++) {
    const first = normalizeLabel(get(r, "level1"));
    if (/^总分|^合计/.test(first)) {
      if (cols.score !== undefined) total = { value: get(r, "score"), address: gridAddress(grid, r, cols.score) };
      break;
    }
    const level3 = String(get(r, "level3") ?? "").trim();
    const level2raw = String(get(r, "level2") ?? "").trim();
    if (first) [l1, l2] = [String(get(r, "level1")).trim(), ""];
    if (level2raw) l2 = level2raw;
    const weight = get(r, "weight");
    if (!first && !level3 && !level2raw && (weight === null || weight === "")) continue;
    const methodText = normalizeLabel(get(r, "method"));
    rows.push({
      level1: l1,
      level2: l2,
      level3,
      target: get(r, "target"),
      actual: get(r, "actual"),
      weight,
      rule: get(r, "rule"),
      ...(methodText && METHOD_NAMES[methodText] ? { method: METHOD_NAMES[methodText] } : {}),
      ...(cols.score !== undefined ? { score: get(r, "score") } : {}),
      ...(cols.reason !== undefined ? { reason: get(r, "reason") } : {}),
      sheetRow: r,
    });
  }
  return { project: projectName(grid), rows, hasScores: cols.score !== undefined, hasReason: cols.reason !== undefined, total };
}
