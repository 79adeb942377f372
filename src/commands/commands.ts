// Ribbon command 一键校验 (shared runtime): run the same check as the pane, then show the pane on its results.
import { officeHost } from "../excel/host";
import { checkSession } from "../shared/checkSession";

async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await checkSession(officeHost).check();
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("runCheck", runCheck);
});
