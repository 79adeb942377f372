// Builds samples/*.xlsx from the CSV in samples/data (copied from ../shared/fixtures). Run: npm run samples
import { join } from "node:path";
import { writeWorkbook } from "./samples/sheetSpec";
import { shanghaiSheets } from "./samples/shanghai";
import { indicatorListSheet, selfEvalSheets } from "./samples/selfEval";
import { wuhanSheets } from "./samples/wuhan";

const root = join(__dirname, "..", "samples");

async function main(): Promise<void> {
  await writeWorkbook(wuhanSheets(join(root, "data", "wuhan-2020")), join(root, "wuhan-2020.xlsx"));
  await writeWorkbook(shanghaiSheets(join(root, "data", "shanghai-putuo-czj-2024")), join(root, "shanghai-putuo-czj-2024.xlsx"));
  const selfEval = join(root, "data", "wuhan-2020", "self_eval");
  await writeWorkbook(selfEvalSheets(selfEval), join(root, "wuhan-2020-self-eval.xlsx"));
  await writeWorkbook([indicatorListSheet(selfEval)], join(root, "self-eval-indicators.xlsx"));
  console.log("samples/wuhan-2020.xlsx, shanghai-putuo-czj-2024.xlsx, wuhan-2020-self-eval.xlsx, self-eval-indicators.xlsx written");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
