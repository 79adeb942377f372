// The Wuhan sample's figures and the seed's 第三部分 text, read once per suite.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type TableFigures, extractFigures } from "../../src/core/narrative/figures";
import { validate } from "../../src/core/validate";
import { ROOT, WUHAN_XLSX, readGrids } from "../support/workbooks";

export const SEED_TEXT_PATH = join(ROOT, "samples", "data", "wuhan-2020", "narrative.txt");

export function seedText(): string {
  return readFileSync(SEED_TEXT_PATH, "utf8");
}

export async function wuhanFigures(): Promise<TableFigures> {
  const grids = await readGrids(WUHAN_XLSX);
  return extractFigures(validate(grids), grids);
}
