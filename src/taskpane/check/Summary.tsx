import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { describeSummary, summarize } from "../../core/findings";
import { TITLE_RULES, titleName } from "../../core/tables/titles";
import type { CheckOutcome } from "../../excel/check";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: "2px" },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function Summary({ outcome, strict }: { outcome: CheckOutcome; strict: boolean }) {
  const styles = useStyles();
  const s = summarize(outcome.findings);
  const recognized = Object.values(outcome.workbook.tables);
  if (!recognized.length) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>没有找到表1–表9</MessageBarTitle>
          决算助手按表格标题识别，请确认工作表中有这样的标题：
          {TITLE_RULES.map((t) => `“${t.name}”`).join("、")}。
        </MessageBarBody>
      </MessageBar>
    );
  }
  const intent = s.errors ? "error" : s.rounding || s.warnings ? "warning" : "success";
  return (
    <>
      <MessageBar intent={intent} data-testid="summary">
        <MessageBarBody>
          <MessageBarTitle>{s.errors ? "发现错误" : "没有错误"}</MessageBarTitle>
          {describeSummary(s)}
          {strict ? "（严格模式）" : ""}；已标记 {outcome.marked} 个单元格。
        </MessageBarBody>
      </MessageBar>
      <Body1>识别结果</Body1>
      <ul className={styles.list}>
        {outcome.workbook.sheets
          .filter((sheet) => sheet.table || sheet.candidate)
          .map((sheet) => (
            <li key={sheet.sheet}>
              <Caption1 className={sheet.table ? undefined : styles.missing}>
                {sheet.table ? `${sheet.table} ${titleName(sheet.table)} ← 工作表「${sheet.sheet}」` : `工作表「${sheet.sheet}」：${sheet.reason}`}
              </Caption1>
            </li>
          ))}
      </ul>
    </>
  );
}
