// The 校验 panel: a quick start, 校验 with 严格模式, the summary, the tools for the findings, the report,
// and 提交前定稿.
import { Button, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Finding } from "../../core/findings";
import { TABLE_IDS } from "../../core/findings";
import type { ExcelHost } from "../../excel/host";
import { selectCells } from "../../excel/navigate";
import { type CheckSession, type CheckState, describeNotRestored } from "../../shared/checkSession";
import { Busy, NoticeBar, useAction } from "../useAction";
import { FinalizeSection } from "./FinalizeSection";
import { FindingList } from "./FindingList";
import { MoreMenu } from "./MoreMenu";
import { QuickStart, RoundingHelp } from "./Help";
import { ReportActions } from "./ReportActions";
import { countsText } from "./severity";
import { Summary } from "./Summary";

const useStyles = makeStyles({
  panel: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function CheckPanel({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [state, setState] = useState<CheckState>(session.current);
  const [current, setCurrent] = useState<string | null>(null);
  const { busy, step, notice, run } = useAction();
  // Selecting a cell shows no progress and no notice when it works: nothing above the list moves.
  const selecting = useAction();
  useEffect(() => session.subscribe(setState), [session]);
  const done = state.status === "done" ? state : null;
  const running = state.status === "running";
  useEffect(() => setCurrent(null), [done?.at]);

  // Selecting a cell says nothing when it works: the item itself shows it is the current one.
  const select = (f: Finding, key: string) => {
    setCurrent(key);
    if (f.cells.length) void selecting.run(() => selectCells(host(), f.sheet, f.cells));
  };
  // Only 校验's marks (检查自评表 clears its own); what could not be put back is named, never passed over.
  const clear = () =>
    run(async () => {
      const { restored, notRestored } = await session.clear();
      const left = describeNotRestored(notRestored);
      return left ? { intent: "warning", text: `已清除 ${restored} 个单元格的标记；${left}` } : { intent: "success", text: `已清除 ${restored} 个单元格的标记，原格式和批注已恢复。` };
    }, "正在清除标记…");
  const anyTable = done ? TABLE_IDS.some((id) => done.outcome.workbook.tables[id]) : false;

  return (
    <div className={styles.panel} aria-busy={running || busy}>
      <Text as="h2" size={400} weight="semibold">
        校验
      </Text>
      {state.status === "idle" && <QuickStart />}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => session.check()} disabled={running}>
          {done ? "重新校验" : "校验"}
        </Button>
        <Switch label="严格模式（尾差也算错误）" checked={session.strict} onChange={(_, d) => void session.setStrict(d.checked)} disabled={running} />
        <RoundingHelp />
      </div>
      {running && <Busy step={state.step} />}
      {state.status === "failed" && <NoticeBar notice={{ intent: "error", text: `校验未能完成：${state.error.text}`, detail: state.error.detail }} />}
      {done && (
        <>
          <Summary outcome={done.outcome} strict={done.strict} at={done.at} stale={done.stale} />
          <div className={styles.row}>
            <Button onClick={clear} disabled={busy || !done.outcome.marked}>
              清除标记
            </Button>
            {anyTable && <ReportActions host={host} findings={done.outcome.findings} at={done.at} strict={done.strict} counts={countsText(done.outcome.findings)} busy={busy} run={run} />}
            <MoreMenu session={session} busy={busy} run={run} />
          </div>
          <Busy step={step} />
          <NoticeBar notice={notice} />
          <NoticeBar notice={selecting.notice} />
          {anyTable &&
            (done.outcome.findings.length ? (
              <FindingList key={done.at.getTime()} findings={done.outcome.findings} current={current} onSelect={select} />
            ) : (
              <Text>所有勾稽关系都成立。</Text>
            ))}
        </>
      )}
      <FinalizeSection session={session} host={host} />
    </div>
  );
}
