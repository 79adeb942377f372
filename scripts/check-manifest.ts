// npm run check:manifest — the local manifest check CI runs (no network needed).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { checkManifest } from "./manifest/checkManifest";

const path = process.argv[2] ?? "manifest.xml";
const errors = checkManifest(readFileSync(path, "utf8"), join(dirname(path), "assets"));
if (errors.length) {
  console.error(`${path}：${errors.length} 个问题\n${errors.map((e) => `  - ${e}`).join("\n")}`);
  process.exit(1);
}
console.log(`${path}：通过本地检查（XML、resid、https、命名空间、图标）`);
