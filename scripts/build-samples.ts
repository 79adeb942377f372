// Builds samples/*.xlsx from the CSV in samples/data (copied from ../shared/fixtures). Run: npm run samples
import { join } from "node:path";
import { writeWorkbook } from "./samples/sheetSpec";
import { shanghaiSheets } from "./samples/shanghai";
import { REAL_SAMPLES, indicatorListSheet, realSelfEvalSheets, selfEvalSheets } from "./samples/selfEval";
import { wuhanSheets } from "./samples/wuhan";

const root = join(__dirname, "..", "samples");

async function main(): Promise<void> {
  await writeWorkbook(wuhanSheets(join(root, "data", "wuhan-2020")), join(root, "wuhan-2020.xlsx"));
  await writeWorkbook(shanghaiSheets(join(root, "data", "shanghai-putuo-czj-2024")), join(root, "shanghai-putuo-czj-2024.xlsx"));
  const selfEval = join(root, "data", "wuhan-2020", "self_eval");
  await writeWorkbook(selfEvalSheets(selfEval), join(root, "wuhan-2020-self-eval.xlsx"));
  await writeWorkbook([indicatorListSheet(selfEval)], join(root, "self-eval-indicators.xlsx"));
  for (const [file, data] of REAL_SAMPLES) await writeWorkbook(realSelfEvalSheets(join(root, "data", "selfeval-real"), data), join(root, file));
  console.log(`samples/wuhan-2020.xlsx, shanghai-putuo-czj-2024.xlsx, wuhan-2020-self-eval.xlsx, self-eval-indicators.xlsx, ${REAL_SAMPLES.map(([f]) => f).join(", ")} written`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
