// The 校验 panel: one button, progress, summary, findings, and the follow-up actions.
import { Button, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Finding } from "../../core/findings";
import { TITLE_RULES } from "../../core/tables/titles";
import type { ExcelHost } from "../../excel/host";
import { selectCells } from "../../excel/navigate";
import { writeReportSheet } from "../../excel/reportSheet";
import { type CheckSession, type CheckState } from "../../shared/checkSession";
import { NoticeBar, useAction } from "../useAction";
import { FindingList } from "./FindingList";
import { Summary } from "./Summary";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function CheckPanel({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [state, setState] = useState<CheckState>(session.current);
  const [strict, setStrict] = useState(false);
  const { notice, run } = useAction();
  useEffect(() => session.subscribe(setState), [session]);

  const act = (work: () => Promise<string>) => run(async () => ({ intent: "success", text: await work() }));
  const select = (f: Finding) => act(async () => (await selectCells(host(), f.sheet, f.cells), `已选中 ${f.sheet}!${f.cells[0] ?? ""}`));
  const done = state.status === "done" ? state : null;

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => session.check({ strict })} disabled={state.status === "running"}>
          {done ? "重新校验" : "校验"}
        </Button>
        <Switch label="严格模式（尾差也算错误）" checked={strict} onChange={(_, d) => setStrict(d.checked)} />
      </div>
      {state.status === "idle" && (
        <Text>
          校验本工作簿中的表1–表9：表内各栏、各行与类款项汇总，以及表间勾稽关系。问题单元格会着色并加批注，数值不会被修改。 可识别的标题：
          {TITLE_RULES.map((t) => t.name).join("、")}。
        </Text>
      )}
      {state.status === "running" && <Spinner size="small" label={state.step} />}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <>
          <Summary outcome={done.outcome} strict={done.strict} />
          <div className={styles.row}>
            <Button onClick={() => act(async () => `已清除 ${await session.clear()} 个单元格的标记，原格式和批注已恢复`)} disabled={!done.outcome.marked}>
              清除标记
            </Button>
            <Button onClick={() => act(async () => `已生成工作表「${await writeReportSheet(host(), done.outcome.findings)}」`)}>生成校验报告</Button>
          </div>
          <NoticeBar notice={notice} />
          {done.outcome.findings.length ? <FindingList findings={done.outcome.findings} onSelect={select} /> : <Text>所有勾稽关系都成立。</Text>}
        </>
      )}
    </div>
  );
}
