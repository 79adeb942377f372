// Every filled 自评表 among a workbook's grids, checked by its own rules.
import type { Finding } from "../findings";
import type { Grid } from "../grid";
import { type SelfEvalResult, evaluateSelfEval } from "./selfEval";
import { readSelfEvalTable } from "./sheet";

export interface SelfEvalCheck {
  tables: { project: string; sheet: string; result: SelfEvalResult }[];
  findings: Finding[];
}

export function checkSelfEvalGrids(grids: readonly Grid[]): SelfEvalCheck {
  const tables = grids.flatMap((g) => {
    const t = readSelfEvalTable(g);
    return t ? [{ project: t.project, sheet: g.sheet, result: evaluateSelfEval(t) }] : [];
  });
  return { tables, findings: tables.flatMap((t) => t.result.findings) };
}
