// The adapter's ExcelHost over a fake host: what the tests hand to src/excel.
import type { ExcelHost } from "../../src/excel/host";
import { type FakeHost, createFakeHost } from "./office";
import type { FakeWorkbook } from "./state";

export function adapterHost(fake: FakeHost): ExcelHost {
  return {
    run: fake.Excel.run as unknown as ExcelHost["run"],
    settings: fake.Office.context.document.settings as unknown as Office.Settings,
    notesSupported: () => fake.Office.context.requirements.isSetSupported("ExcelApi", "1.18"),
    supports: (set, version) => fake.Office.context.requirements.isSetSupported(set, version),
  };
}

/** A fresh session on the workbook: as if it was closed and opened again. */
export function openWorkbook(state: FakeWorkbook): ExcelHost {
  return adapterHost(createFakeHost(state));
}
