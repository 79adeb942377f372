// Running a pane action: busy while it runs (progress, aria-busy), then a notice next to its button saying
// what happened or what went wrong — announced to screen readers. Success that the screen already shows
// needs no notice: the work returns nothing.
import { Button, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, useAnnounce } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { describeError } from "../shared/errors";

export interface Notice {
  intent: "success" | "error" | "info" | "warning";
  text: string;
  /** Technical details for 复制错误详情 (never shown). */
  detail?: string;
}

export function useAction(after?: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { announce } = useAnnounce();
  const run = useCallback(
    async (work: () => Promise<Notice | void>, step?: string) => {
      // Without a step the action is quick and silent (selecting a cell): no progress, nothing announced.
      setBusy(step ?? "");
      setNotice(null);
      if (step) announce(step, { polite: true });
      try {
        const result = await work();
        if (result) {
          setNotice(result);
          announce(result.text, { polite: true });
        }
      } catch (err) {
        const { text, detail } = describeError(err);
        setNotice({ intent: "error", text, detail });
        announce(text, { alert: true });
      } finally {
        setBusy(null);
        after?.();
      }
    },
    [after, announce],
  );
  return { busy: busy !== null, step: busy || null, notice, setNotice, run };
}

/** Progress of the running action, in place of its notice. */
export function Busy({ step }: { step: string | null }) {
  if (!step) return null;
  return <ProgressBar thickness="large" aria-label={step} />;
}

function copy(text: string): void {
  // navigator.clipboard may be refused inside Office's frame: fall back to a selected textarea.
  navigator.clipboard?.writeText(text).catch(() => {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  });
}

/** The notice of the last action, if any; an error carries 复制错误详情. */
export function NoticeBar({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  const detail = notice.detail;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
      <MessageBarBody>{notice.text}</MessageBarBody>
      {detail && (
        <MessageBarActions>
          <Button size="small" onClick={() => copy(`决算助手 错误详情\n${new Date().toISOString()}\n${notice.text}\n${detail}`)}>
            复制错误详情
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
