// What the last check found, when it ran, whether the workbook changed since, and what was recognised
// (folded to one line: the list of sheets is there when wanted). With no table at all: why, per sheet,
// and what to do.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { TABLE_IDS } from "../../core/findings";
import { titleName } from "../../core/tables/titles";
import type { CheckOutcome } from "../../excel/check";
import { countKinds, countsText } from "./severity";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", rowGap: "2px", overflowWrap: "anywhere" },
  missing: { color: tokens.colorPaletteDarkOrangeForeground2 },
  meta: { color: tokens.colorNeutralForeground3 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
});

const time = (d: Date) => `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;

export function Summary({ outcome, strict, at, stale }: { outcome: CheckOutcome; strict: boolean; at: Date; stale: boolean }) {
  const styles = useStyles();
  const recognized = TABLE_IDS.filter((id) => outcome.workbook.tables[id]);
  const meta = (
    <Caption1 className={styles.meta} data-testid="check-time">
      校验于 {time(at)}
      {strict ? " · 严格模式" : ""}
      {stale && <span className={styles.stale}> · 已修改，请重新校验</span>}
    </Caption1>
  );
  if (!recognized.length) {
    return (
      <>
        <MessageBar intent="warning" layout="multiline" data-testid="summary">
          <MessageBarBody>
            <MessageBarTitle>没有找到表1–表9，什么也没有校验</MessageBarTitle>
            决算助手按表格标题识别决算表（在工作表前 12 行中查找，如“收入支出决算总表”）。
          </MessageBarBody>
        </MessageBar>
        {meta}
        <ul className={styles.list} aria-label="各工作表">
          {outcome.workbook.sheets.map((s) => (
            <li key={s.sheet}>
              <Caption1>
                工作表「{s.sheet}」：{s.reason ?? "未识别"}
              </Caption1>
            </li>
          ))}
        </ul>
        <ol className={styles.list} aria-label="下一步">
          <li>确认决算表的标题在表格上方，文字与模板一致（如“{titleName("表1")}”）；</li>
          <li>或者把工作表命名为“表1”…“表9”；</li>
          <li>然后点“重新校验”。</li>
          <li>如果这是项目支出绩效自评表，请到“绩效自评”中点“检查自评表”。</li>
        </ol>
      </>
    );
  }
  const c = countKinds(outcome.findings);
  const intent = c.error ? "error" : c.rounding || c.warning ? "warning" : "success";
  const sheets = outcome.workbook.sheets.filter((s) => s.table || s.candidate);
  return (
    <>
      <MessageBar intent={intent} layout="multiline" data-testid="summary">
        <MessageBarBody>
          <MessageBarTitle>{c.error ? "发现错误" : "没有错误"}</MessageBarTitle>
          {countsText(outcome.findings)}；已标记 {outcome.marked} 个单元格。
        </MessageBarBody>
      </MessageBar>
      {meta}
      <Accordion collapsible data-testid="recognition">
        <AccordionItem value="recognized">
          <AccordionHeader size="small" as="h3">
            已识别 {recognized.length}/{TABLE_IDS.length} 张表
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {sheets.map((s) => (
                <li key={s.sheet}>
                  <Caption1 className={mergeClasses(!s.table && styles.missing)}>
                    {s.table ? `${s.table} ${titleName(s.table)} ← 工作表「${s.sheet}」` : `工作表「${s.sheet}」：${s.reason}`}
                  </Caption1>
                </li>
              ))}
              {TABLE_IDS.filter((id) => !outcome.workbook.tables[id]).map((id) => (
                <li key={id}>
                  <Caption1 className={styles.missing}>
                    {id} {titleName(id)}：未找到
                  </Caption1>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
