// Task pane entry: wait for Office, then render the pane on the shared check session.
import { createRoot } from "react-dom/client";
import { officeHost } from "../excel/host";
import { checkSession } from "../shared/checkSession";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App session={checkSession(officeHost)} host={officeHost} />);
});
