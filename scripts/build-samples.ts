// Builds samples/*.xlsx from the CSV in samples/data (copied from ../shared/fixtures). Run: npm run samples
import { join } from "node:path";
import { writeWorkbook } from "./samples/sheetSpec";
import { shanghaiSheets } from "./samples/shanghai";
import { wuhanSheets } from "./samples/wuhan";

const root = join(__dirname, "..", "samples");

async function main(): Promise<void> {
  await writeWorkbook(wuhanSheets(join(root, "data", "wuhan-2020")), join(root, "wuhan-2020.xlsx"));
  await writeWorkbook(shanghaiSheets(join(root, "data", "shanghai-putuo-czj-2024")), join(root, "shanghai-putuo-czj-2024.xlsx"));
  console.log("samples/wuhan-2020.xlsx, samples/shanghai-putuo-czj-2024.xlsx written");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
