// The preview of a 填充小计 plan: rows to insert first, what could not be worked out, the tables not found,
// then every write with the figure it leaves in the cell — counted, and filterable to those that change one.
import { Button, Caption1, MessageBar, MessageBarBody, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { TableId } from "../../core/findings";
import type { SubtotalPlan } from "../../core/subtotals/plan";
import { titleName } from "../../core/tables/titles";
import { changesAmount, shownNew, shownOld } from "./fillPreview";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalS },
  preview: {
    maxHeight: "360px",
    overflowY: "auto",
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  write: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, display: "grid", gridTemplateColumns: "minmax(0, 1fr)", overflowWrap: "anywhere" },
  changed: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorderActive}` },
  figures: { fontFamily: tokens.fontFamilyNumeric },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface PlanViewProps {
  plan: SubtotalPlan;
  /** The tables asked for that the workbook does not have (named, never "all agree"). */
  notFound: TableId[];
  /** Whether any table asked for was found. */
  foundAny: boolean;
  busy: boolean;
  onInsert: (missing: SubtotalPlan["missing"]) => void;
}

export function PlanView({ plan, notFound, foundAny, busy, onInsert }: PlanViewProps) {
  const styles = useStyles();
  const [onlyChanges, setOnlyChanges] = useState(false);
  const changed = plan.writes.filter(changesAmount);
  const shown = onlyChanges ? changed : plan.writes;
  return (
    <div className={styles.root}>
      {notFound.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            未找到 {notFound.map((id) => `${id} ${titleName(id)}`).join("、")}：这些表没有计算，也不会写入。
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.missing.map((m) => (
        <MessageBar key={`${m.table}${m.code}`} intent="warning" layout="multiline">
          <MessageBarBody>
            {m.table} 缺少上级科目 {m.code}
            {m.name ? ` ${m.name}` : "（科目目录中没有此编码）"}，其下 {m.children.length} 行暂计入更上一级：{m.children.join("、")}
          </MessageBarBody>
        </MessageBar>
      ))}
      {plan.missing.length > 0 && (
        <Button onClick={() => onInsert(plan.missing)} disabled={busy}>
          插入缺失的 {plan.missing.length} 行
        </Button>
      )}
      {plan.problems.map((p) => (
        <MessageBar key={p} intent="error" layout="multiline">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      {plan.writes.length > 0 ? (
        <>
          <Text data-testid="fill-counts">
            {plan.writes.length} 处写入，其中 {changed.length} 处改变金额
          </Text>
          <Switch label="只看改变金额的" checked={onlyChanges} onChange={(_, d) => setOnlyChanges(d.checked)} />
          <ul className={styles.preview} data-testid="fill-preview" tabIndex={0} aria-label="将写入的单元格">
            {shown.map((w) => (
              <li key={`${w.sheet}!${w.address}`} className={changesAmount(w) ? `${styles.write} ${styles.changed}` : styles.write} data-changed={changesAmount(w)}>
                <Caption1>
                  {w.sheet}!{w.address} · {w.what}
                </Caption1>
                <span className={styles.figures}>
                  {shownOld(w)} → {shownNew(w)}
                </span>
                {plan.mode === "formula" && <span className={styles.formula}>{w.formula}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : !foundAny ? (
        <Text>没有找到所选的任何一张表，什么也没有计算。请先在“校验”中查看识别结果。</Text>
      ) : notFound.length ? (
        <Text>找到的表中，小计都已与明细一致，没有需要写入的单元格。</Text>
      ) : (
        <Text>所选表的小计都已与明细一致，没有需要写入的单元格。</Text>
      )}
    </div>
  );
}
