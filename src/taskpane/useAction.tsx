// Running a pane action: busy while it runs, then a notice saying what happened or what went wrong.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { describeError } from "../shared/checkSession";

export interface Notice {
  intent: "success" | "error" | "info" | "warning";
  text: string;
}

export function useAction(after?: () => void) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = useCallback(
    async (work: () => Promise<Notice | void>) => {
      setBusy(true);
      setNotice(null);
      try {
        const result = await work();
        if (result) setNotice(result);
      } catch (err) {
        setNotice({ intent: "error", text: describeError(err) });
      } finally {
        setBusy(false);
        after?.();
      }
    },
    [after],
  );
  return { busy, notice, run };
}

/** The notice of the last action, if any. */
export function NoticeBar({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
