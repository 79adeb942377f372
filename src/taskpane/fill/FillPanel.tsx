// 填充小计: choose tables and mode, preview every write with the figure it leaves, apply in one batch, undo.
import { Button, Dropdown, Field, Option, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { TABLE_IDS, type TableId } from "../../core/findings";
import type { FillMode, SubtotalPlan } from "../../core/subtotals/plan";
import { titleName } from "../../core/tables/titles";
import { applyFill, previewFill } from "../../excel/fill";
import type { ExcelHost } from "../../excel/host";
import { insertMissingRows } from "../../excel/insertRows";
import { recognizedTables } from "../../excel/recognizedTables";
import { describeUndo, lastUndo, undoLast } from "../../excel/undo";
import type { CheckSession } from "../../shared/checkSession";
import { Busy, NoticeBar, useAction } from "../useAction";
import { CatalogImport } from "./CatalogImport";
import { PlanView } from "./PlanView";

const useStyles = makeStyles({
  panel: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  dropdown: { minWidth: 0, maxWidth: "100%" },
});

interface Preview {
  plan: SubtotalPlan;
  notFound: TableId[];
  foundAny: boolean;
}

export function FillPanel({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [tables, setTables] = useState<TableId[]>([...TABLE_IDS]);
  const [mode, setMode] = useState<FillMode>("formula");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [undoable, setUndoable] = useState(() => lastUndo(host()) !== null);
  const { busy, step, notice, run } = useAction(() => setUndoable(lastUndo(host()) !== null));
  const plan = async (): Promise<Preview> => {
    const recognized = await recognizedTables(host());
    const found = tables.filter((t) => recognized.tables.includes(t));
    return { plan: await previewFill(host(), { tables: found, mode }), notFound: tables.filter((t) => !found.includes(t)), foundAny: found.length > 0 };
  };
  const showPreview = () => run(async () => setPreview(await plan()), "正在计算小计…");
  const apply = () =>
    run(async () => {
      if (!preview) return;
      const n = await applyFill(host(), preview.plan);
      setPreview(null);
      session.markStale();
      return { intent: "success", text: `已写入 ${n} 个单元格。可点“撤销”恢复原值。` };
    }, "正在写入…");
  const undo = () =>
    run(async () => {
      const entry = await undoLast(host());
      setPreview(null);
      session.markStale();
      if (entry) return { intent: "info", text: describeUndo(entry) };
    }, "正在撤销…");
  const insert = (missing: SubtotalPlan["missing"]) =>
    run(async () => {
      const n = await insertMissingRows(host(), missing);
      session.markStale();
      setPreview(await plan());
      return { intent: "success", text: `已插入 ${n} 行（编码和目录名称），预览已更新。可点“撤销”删除。` };
    }, "正在插入行…");
  const label = tables.length === TABLE_IDS.length ? "全部 9 张表" : tables.length ? tables.join("、") : "未选择";

  return (
    <div className={styles.panel} aria-busy={busy}>
      <Text as="h2" size={400} weight="semibold">
        填充小计
      </Text>
      <Text>从项级数据计算款、类、合计和各表的合计行，写入前先预览。</Text>
      <Field label="要填充的表">
        <Dropdown
          className={styles.dropdown}
          multiselect
          value={label}
          selectedOptions={tables}
          onOptionSelect={(_, d) => setTables(TABLE_IDS.filter((id) => d.selectedOptions.includes(id)))}
        >
          {TABLE_IDS.map((id) => (
            <Option key={id} value={id} text={id}>
              {`${id} ${titleName(id)}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="写入方式">
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as FillMode)}>
          <Radio value="formula" label="写公式（=SUM…，随明细自动更新）" />
          <Radio value="value" label="写数值" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={showPreview} disabled={busy || !tables.length}>
          预览
        </Button>
        <Button onClick={apply} disabled={busy || !preview?.plan.writes.length}>
          应用{preview?.plan.writes.length ? `（${preview.plan.writes.length} 个单元格）` : ""}
        </Button>
        <Button onClick={undo} disabled={busy || !undoable}>
          撤销
        </Button>
      </div>
      <Busy step={step} />
      <NoticeBar notice={notice} />
      {preview && <PlanView plan={preview.plan} notFound={preview.notFound} foundAny={preview.foundAny} busy={busy} onInsert={insert} />}
      <CatalogImport host={host} />
    </div>
  );
}
