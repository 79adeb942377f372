// What a person does in Excel between two clicks of the add-in: one batch of edits through the fake host's
// Office.js API, then synced (so its change events fire, as Excel's do).
import { FakeContext } from "./proxies";
import type { FakeWorkbook } from "./state";

export async function userEdit(state: FakeWorkbook, edit: (context: FakeContext) => void): Promise<void> {
  const context = new FakeContext(state);
  edit(context);
  await context.sync();
}
