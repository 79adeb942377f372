// 填充小计: choose tables and mode, preview every write (cell, old → new), apply in one batch, undo.
import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { TABLE_IDS, type TableId } from "../../core/findings";
import { formatAmount } from "../../core/money";
import type { FillMode, SubtotalPlan } from "../../core/subtotals/plan";
import { titleName } from "../../core/tables/titles";
import { applyFill, previewFill } from "../../excel/fill";
import { insertMissingRows } from "../../excel/insertRows";
import { describeUndo, lastUndo, undoLast } from "../../excel/undo";
import type { ExcelHost } from "../../excel/host";
import { NoticeBar, useAction } from "../useAction";
import { CatalogImport } from "./CatalogImport";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  tables: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
  preview: { maxHeight: "360px", overflowY: "auto" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

function shownOld(w: SubtotalPlan["writes"][number]): string {
  if (w.oldFormula) return w.oldFormula;
  return w.old === null || w.old === "" ? "（空）" : String(w.old);
}

export function FillPanel({ host }: { host: () => ExcelHost }) {
  const styles = useStyles();
  const [tables, setTables] = useState<TableId[]>([...TABLE_IDS]);
  const [mode, setMode] = useState<FillMode>("formula");
  const [plan, setPlan] = useState<SubtotalPlan | null>(null);
  const [undoable, setUndoable] = useState(() => lastUndo(host()) !== null);
  const { busy, notice, run } = useAction(() => setUndoable(lastUndo(host()) !== null));
  const preview = () =>
    run(async () => {
      setPlan(await previewFill(host(), { tables, mode }));
    });
  const apply = () =>
    run(async () => {
      if (!plan) return;
      const n = await applyFill(host(), plan);
      setPlan(null);
      return { intent: "success", text: `已写入 ${n} 个单元格。可点“撤销”恢复原值。` };
    });
  const undo = () =>
    run(async () => {
      const entry = await undoLast(host());
      setPlan(null);
      if (entry) return { intent: "info", text: describeUndo(entry) };
    });
  const insert = (missing: SubtotalPlan["missing"]) =>
    run(async () => {
      const n = await insertMissingRows(host(), missing);
      setPlan(await previewFill(host(), { tables, mode }));
      return { intent: "success", text: `已插入 ${n} 行（编码和目录名称），预览已更新。可点“撤销”删除。` };
    });

  return (
    <div className={styles.panel}>
      <Text>从项级数据计算款、类、合计和各表的合计行（表1、表4、表6、表7），写入前先预览。</Text>
      <div className={styles.tables}>
        {TABLE_IDS.map((id) => (
          <Checkbox
            key={id}
            label={`${id} ${titleName(id)}`}
            checked={tables.includes(id)}
            onChange={(_, d) => setTables((t) => (d.checked ? [...t, id].sort() : t.filter((x) => x !== id)))}
          />
        ))}
      </div>
      <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as FillMode)}>
        <Radio value="formula" label="写公式（=SUM…，随明细自动更新）" />
        <Radio value="value" label="写数值" />
      </RadioGroup>
      <div className={styles.row}>
        <Button appearance="primary" onClick={preview} disabled={busy || !tables.length}>
          预览
        </Button>
        <Button onClick={apply} disabled={busy || !plan?.writes.length}>
          应用 {plan?.writes.length ? `（${plan.writes.length} 个单元格）` : ""}
        </Button>
        <Button onClick={undo} disabled={busy || !undoable}>
          撤销
        </Button>
      </div>
      <NoticeBar notice={notice} />
      {plan && <PlanView plan={plan} />}
      <CatalogImport host={host} />
    </div>
  );

  function PlanView({ plan }: { plan: SubtotalPlan }) {
    return (
      <>
        {plan.missing.map((m) => (
          <MessageBar key={`${m.table}${m.code}`} intent="warning">
            <MessageBarBody>
              {m.table} 缺少上级科目 {m.code}
              {m.name ? ` ${m.name}` : "（科目目录中没有此编码）"}，其下 {m.children.length} 行暂计入更上一级：{m.children.join("、")}
            </MessageBarBody>
          </MessageBar>
        ))}
        {plan.missing.length > 0 && (
          <Button onClick={() => insert(plan.missing)} disabled={busy}>
            插入缺失的 {plan.missing.length} 行
          </Button>
        )}
        {plan.problems.map((p) => (
          <MessageBar key={p} intent="error">
            <MessageBarBody>{p}</MessageBarBody>
          </MessageBar>
        ))}
        {plan.writes.length ? (
          <div className={styles.preview} data-testid="fill-preview">
            <Table size="extra-small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>单元格</TableHeaderCell>
                  <TableHeaderCell>项目</TableHeaderCell>
                  <TableHeaderCell>原 → 新</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {plan.writes.map((w) => (
                  <TableRow key={`${w.sheet}!${w.address}`}>
                    <TableCell>
                      {w.sheet}!{w.address}
                    </TableCell>
                    <TableCell>
                      <Caption1>{w.what}</Caption1>
                    </TableCell>
                    <TableCell className={styles.mono}>
                      {shownOld(w)} → {plan.mode === "formula" ? w.formula : w.value === null ? "（空）" : formatAmount(w.value)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : (
          <Text>所选表的小计都已与明细一致，没有需要写入的单元格。</Text>
        )}
      </>
    );
  }
}
