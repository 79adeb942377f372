// Task pane entry: wait for Office, then render the pane on the shared check session, and let edits made in
// Excel mark the shown findings as out of date.
import { createRoot } from "react-dom/client";
import { officeHost } from "../excel/host";
import { watchEdits } from "../excel/watchEdits";
import { checkSession } from "../shared/checkSession";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const session = checkSession(officeHost);
  createRoot(container).render(<App session={session} host={officeHost} />);
  // Without the event (older Excel), the summary's "校验于 14:32" is what tells the user how old the findings are.
  watchEdits(officeHost(), Office.context.requirements.isSetSupported("ExcelApi", "1.14"), () => session.markStale()).catch(() => undefined);
});
