// 绩效自评: build a 自评表 with live SCORE formulas from an indicator list, or check a filled one.
import { Button, Caption1, Checkbox, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../core/findings";
import { formatAmount } from "../../core/money";
import type { ExcelHost } from "../../excel/host";
import { selectCells } from "../../excel/navigate";
import { describeScoreNames, defineScoreNames } from "../../excel/scoreNames";
import { type BuiltSheet, type SelfEvalCheck, buildSelfEvalSheet, checkSelfEvalInExcel } from "../../excel/selfEval";
import { describeUndo, lastUndo, undoLast } from "../../excel/undo";
import { NoticeBar, useAction } from "../useAction";
import { FindingItem } from "../check/FindingList";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  table: { display: "grid", gap: "2px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

export function SelfEvalPanel({ host }: { host: () => ExcelHost }) {
  const styles = useStyles();
  const [built, setBuilt] = useState<BuiltSheet | null>(null);
  const [checked, setChecked] = useState<(SelfEvalCheck & { marked: number }) | null>(null);
  const [undoable, setUndoable] = useState(() => lastUndo(host())?.kind === "sheet");
  const [withNames, setWithNames] = useState(false);
  const [seedLayout, setSeedLayout] = useState(false);
  // SCORE.INDICATOR etc. as workbook names (LAMBDA over JUESUAN.SCORE.*), so the short form works as typed.
  const defineNames = async () => describeScoreNames(await defineScoreNames(host()));
  const { busy, notice, run } = useAction(() => setUndoable(lastUndo(host())?.kind === "sheet"));
  const select = (f: Finding) => run(async () => selectCells(host(), f.sheet, f.cells));

  return (
    <div className={styles.panel}>
      <Subtitle2>生成自评表</Subtitle2>
      <Text>
        在当前工作表列出指标：一级指标、二级指标、三级指标、年初目标值、实际完成值、分值（可加评分标准、计分方法；第一行为预算执行数，年初目标值填预算数、实际完成值填执行数）。生成的新工作表中得分是 JUESUAN.SCORE 公式，随数据自动更新。
      </Text>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() =>
            run(async () => {
              setBuilt(await buildSelfEvalSheet(host(), seedLayout ? "seed" : "national"));
              if (withNames) return defineNames();
            })
          }
        >
          生成自评表
        </Button>
        <Button
          disabled={busy || !undoable}
          onClick={() =>
            run(async () => {
              const entry = await undoLast(host());
              setBuilt(null);
              if (entry) return { intent: "info", text: describeUndo(entry) };
            })
          }
        >
          撤销
        </Button>
      </div>
      <Checkbox checked={seedLayout} onChange={(_, d) => setSeedLayout(d.checked === true)} label="按种子表格式（湖北/武汉：年初目标值、设置分值、评分标准），默认为财预〔2020〕10号附件1" />
      <Checkbox checked={withNames} onChange={(_, d) => setWithNames(d.checked === true)} label="同时定义简写函数名（SCORE.INDICATOR 等）" />
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => run(defineNames)}>
          定义简写函数名
        </Button>
        <Caption1>定义后可直接写 =SCORE.INDICATOR(目标值, 实际值, 分值)；需要支持 LAMBDA 的 Excel，否则请用 =JUESUAN.SCORE.INDICATOR(…)。</Caption1>
      </div>
      {built && (
        <MessageBar intent={built.attention.length ? "warning" : "success"}>
          <MessageBarBody>
            已生成工作表「{built.sheet}」（{built.rows} 行指标）。
            {built.attention.length ? ` ${built.attention.length} 行需人工评分（已标黄）：${built.attention.map((a) => `${a.address} ${a.note}`).join("；")}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}

      <Subtitle2>检查自评表</Subtitle2>
      <Text>按每一行自己的评分标准重算得分，标出不符的得分、缺少的偏差原因和对不上的分值合计。</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => run(async () => void setChecked(await checkSelfEvalInExcel(host())))}>
          检查自评表
        </Button>
      </div>
      <NoticeBar notice={notice} />
      {checked && !checked.tables.length && (
        <MessageBar intent="warning">
          <MessageBarBody>没有找到已填写的自评表：需要含“一级指标、三级指标、年度指标值（或年初目标值、指标值）、实际完成值、得分”列的表格。</MessageBarBody>
        </MessageBar>
      )}
      {checked?.unread.map((u) => (
        <MessageBar key={`unread-${u.sheet}`} intent="error">
          <MessageBarBody>工作表「{u.sheet}」：{u.reason}</MessageBarBody>
        </MessageBar>
      ))}
      {checked?.tables.map(({ project, sheet, result }, i) => (
        <div key={`${sheet}-${i}`} className={styles.table} data-testid="self-eval-table">
          <Text weight="semibold">{project}</Text>
          <Caption1>
            总分 {formatAmount(result.total)}（{result.grade ?? "超出 0–100"}）；按评分标准 {formatAmount(result.ruleTotal)}；{result.rows.filter((r) => r.status === "match").length} 行一致，
            {result.rows.filter((r) => r.status === "disagree").length} 行不符，{result.rows.filter((r) => r.status === "unscorable").length} 行需人工判断
          </Caption1>
          {result.findings.map((f, i) => (
            <FindingItem key={i} f={f} onSelect={select} />
          ))}
        </div>
      ))}
    </div>
  );
}
