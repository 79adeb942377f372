// 情况说明: 生成 writes the text from the tables on a new sheet (复制全文 copies it), 图表 draws the charts,
// 校对 checks a pasted text against the tables and lists what does not agree.
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type WrittenCharts, writeChartSheet } from "../../excel/charts";
import type { ExcelHost } from "../../excel/host";
import { type CheckedNarrative, type WrittenNarrative, checkNarrativeInExcel, writeNarrativeSheet } from "../../excel/narrative";
import { selectCells } from "../../excel/navigate";
import { NoticeBar, useAction } from "../useAction";
import { NarrativeFindings } from "./NarrativeFindings";
import { copyText } from "./copyText";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

function GeneratedSummary({ written }: { written: WrittenNarrative }) {
  return (
    <MessageBar intent={written.placeholderCells.length ? "warning" : "success"}>
      <MessageBarBody>
        已生成工作表「{written.sheet}」（{written.paragraphs} 段）。{written.placeholderCells.length ? `${written.placeholderCells.length} 段有【待填写】或【待核对】（已标黄）。` : ""}
        {written.inputSheetCreated ? "已新建“说明数据”工作表：填入上年数、年初预算、项目等后再点“生成”。" : ""}
        {[...written.notes, ...written.inputProblems].map((n) => ` ${n}`)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function NarrativePanel({ host }: { host: () => ExcelHost }) {
  const styles = useStyles();
  const [written, setWritten] = useState<WrittenNarrative | null>(null);
  const [charts, setCharts] = useState<WrittenCharts | null>(null);
  const [checked, setChecked] = useState<CheckedNarrative | null>(null);
  const { busy, notice, run } = useAction();

  return (
    <div className={styles.panel}>
      <Subtitle2>生成</Subtitle2>
      <Text>按表1–表9 写出情况说明（新工作表，每段一行）；表中没有的数（上年数、年初预算、项目）取自“说明数据”工作表，缺的留【待填写】。</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => run(async () => void setWritten(await writeNarrativeSheet(host())))}>
          生成
        </Button>
        <Button
          disabled={busy || !written}
          onClick={() =>
            run(async () => {
              if (!written) return;
              await copyText(written.text);
              return { intent: "success", text: "已复制全文，可粘贴到 Word。" };
            })
          }
        >
          复制全文
        </Button>
        <Button disabled={busy} onClick={() => run(async () => void setCharts(await writeChartSheet(host())))}>
          生成图表
        </Button>
      </div>
      {written && <GeneratedSummary written={written} />}
      {charts && (
        <MessageBar intent={charts.skipped.length ? "warning" : "success"}>
          <MessageBarBody>
            已在「{charts.sheet}」工作表生成 {charts.charts.length} 张图表：{charts.charts.map((c) => c.title).join("、")}。
            {charts.skipped.map((s) => ` 未生成“${s.title}”：${s.reason}。`)}
          </MessageBarBody>
        </MessageBar>
      )}

      <Subtitle2>校对</Subtitle2>
      <Text>把写好的情况说明粘贴到一个工作表（每段一行），选中它所在的区域（或只打开该工作表），再点“校对”：每个数字与表中单元格、与文中其他数字核对。</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => run(async () => void setChecked(await checkNarrativeInExcel(host())))}>
          校对
        </Button>
      </div>
      <NoticeBar notice={notice} />
      {checked && (
        <>
          <Caption1 data-testid="narrative-summary">
            「{checked.sheet}」中共找到 {checked.figures.total} 个数字：{checked.figures.table} 个与表中单元格核对，{checked.figures.self} 个与文中其他数字核对，
            {checked.figures.unchecked} 个无从核对；{checked.findings.filter((f) => f.severity === "error").length} 处错误，
            {checked.findings.filter((f) => f.severity !== "error").length} 条其他提示。
          </Caption1>
          <NarrativeFindings findings={checked.findings} onSelect={(f) => run(async () => selectCells(host(), f.sheet, [f.address]))} />
        </>
      )}
    </div>
  );
}
