// data/catalog/gov_classification_partial.csv (from ../shared/catalog) → src/core/catalog/builtin.json,
// the catalogue the core ships. Run: npx tsx scripts/build-catalog.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "./samples/sheetSpec";

const SCHEMES: Record<string, string> = { 支出功能分类: "function", 部门预算支出经济分类: "economic", 政府预算支出经济分类: "government-economic" };

const rows = readCsv(join(__dirname, "..", "data", "catalog", "gov_classification_partial.csv"));
const entries = rows
  .filter((r) => SCHEMES[r.scheme] && /^\d{3}(\d{2}){0,2}$/.test(r.code))
  .map((r) => ({ code: r.code, name: r.name, scheme: SCHEMES[r.scheme], verified: r.verified === "yes" }));
writeFileSync(join(__dirname, "..", "src", "core", "catalog", "builtin.json"), `${JSON.stringify(entries, null, 0).replace(/\},\{/g, "},\n{")}\n`);
console.log(`${entries.length} entries written to src/core/catalog/builtin.json`);
