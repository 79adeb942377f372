// 绩效自评: build a 自评表 with live SCORE formulas from an indicator list (a template to start from), or check
// filled ones — one accordion item per project, those with errors first — and clear the marks.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Finding } from "../../core/findings";
import { formatAmount } from "../../core/money";
import { clearMarksReport } from "../../excel/check";
import type { ExcelHost } from "../../excel/host";
import { insertIndicatorTemplate } from "../../excel/indicatorTemplate";
import { selectCells } from "../../excel/navigate";
import { describeScoreNames, defineScoreNames } from "../../excel/scoreNames";
import { type BuiltSheet, type SelfEvalCheck, buildSelfEvalSheet, checkSelfEvalInExcel } from "../../excel/selfEval";
import { describeUndo, lastUndo, undoLast } from "../../excel/undo";
import { type CheckSession, describeNotRestored } from "../../shared/checkSession";
import { FindingItem } from "../check/FindingItem";
import { KindBadge } from "../check/KindBadge";
import { KINDS, byWeight, countKinds } from "../check/severity";
import { Busy, NoticeBar, useAction } from "../useAction";

const useStyles = makeStyles({
  panel: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalM },
  section: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { overflowWrap: "anywhere" },
  list: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: "2px", margin: 0, padding: 0, listStyleType: "none" },
  wrap: { overflowWrap: "anywhere" },
});

type Checked = SelfEvalCheck & { marked: number };
type Project = Checked["tables"][number];

const errorsOf = (p: Project) => p.result.findings.filter((f) => f.severity === "error").length;

function ProjectResults({ checked, current, onSelect }: { checked: Checked; current: string | null; onSelect: (f: Finding, key: string) => void }) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const projects = [...checked.tables].sort((a, b) => Number(errorsOf(b) > 0) - Number(errorsOf(a) > 0));
  const [open, setOpen] = useState<string[]>(() => projects.filter((p) => errorsOf(p)).slice(0, 1).map((p) => p.sheet));
  return (
    <div {...arrows}>
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
        {projects.map(({ project, sheet, result }) => {
          const c = countKinds(result.findings);
          const rows = (status: string) => result.rows.filter((r) => r.status === status).length;
          return (
            <AccordionItem key={sheet} value={sheet} data-testid="self-eval-table">
              <AccordionHeader as="h3" size="small">
                <span className={styles.header}>
                  <span className={styles.title}>{project}</span>
                  {KINDS.filter((k) => c[k]).map((k) => (
                    <KindBadge key={k} kind={k} count={c[k]} size="small" />
                  ))}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <Caption1 className={styles.wrap} block>
                  总分 {formatAmount(result.total)}（{result.grade ?? "超出 0–100"}）；按评分标准 {formatAmount(result.ruleTotal)}；{rows("match")} 行一致，{rows("disagree")} 行不符，{rows("unscorable")} 行需人工判断
                </Caption1>
                <ul className={styles.list}>
                  {[...result.findings].sort(byWeight).map((f, i) => {
                    const key = `${sheet}\u0000${i}`;
                    return (
                      <li key={key}>
                        <FindingItem f={f} group={project} current={key === current} onSelect={(x) => onSelect(x, key)} />
                      </li>
                    );
                  })}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}

export function SelfEvalPanel({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [built, setBuilt] = useState<BuiltSheet | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [marked, setMarked] = useState(session.selfEvalMarked);
  useEffect(() => session.subscribe(() => setMarked(session.selfEvalMarked)), [session]);
  const [undoable, setUndoable] = useState(() => lastUndo(host())?.kind === "sheet");
  const [withNames, setWithNames] = useState(false);
  const [seedLayout, setSeedLayout] = useState(false);
  // SCORE.INDICATOR etc. as workbook names (LAMBDA over JUESUAN.SCORE.*), so the short form works as typed.
  const defineNames = async () => describeScoreNames(await defineScoreNames(host()));
  const build = useAction(() => setUndoable(lastUndo(host())?.kind === "sheet"));
  const check = useAction();
  // Selecting a cell shows no progress and no notice when it works: nothing above the list moves.
  const selecting = useAction();
  const select = (f: Finding, key: string) => {
    setCurrent(key);
    if (f.cells.length) void selecting.run(() => selectCells(host(), f.sheet, f.cells));
  };

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="build-heading" aria-busy={build.busy}>
        <Text as="h2" id="build-heading" size={400} weight="semibold">
          生成自评表
        </Text>
        <Text className={styles.wrap}>
          在当前工作表列出指标（一级指标、二级指标、三级指标、年初目标值、实际完成值、分值，可加评分标准、计分方法；第一行为预算执行率）。生成的新工作表中得分是 JUESUAN.SCORE 公式，随数据自动更新。
        </Text>
        <div className={styles.row}>
          <Button appearance="primary" disabled={build.busy} onClick={() => build.run(async () => {
                setBuilt(await buildSelfEvalSheet(host(), seedLayout ? "seed" : "national"));
                if (withNames) return defineNames();
              }, "正在生成自评表…")}>
            生成自评表
          </Button>
          <Button
            disabled={build.busy}
            onClick={() =>
              build.run(async () => {
                const name = await insertIndicatorTemplate(host());
                return { intent: "success", text: `已插入工作表「${name}」：按示例填写指标后，在该表上点“生成自评表”。` };
              }, "正在插入模板…")
            }
          >
            插入指标清单模板
          </Button>
          <Button
            disabled={build.busy || !undoable}
            onClick={() =>
              build.run(async () => {
                const entry = await undoLast(host());
                setBuilt(null);
                session.markStale();
                if (entry) return { intent: "info", text: describeUndo(entry) };
              }, "正在撤销…")
            }
          >
            撤销
          </Button>
        </div>
        <Checkbox checked={seedLayout} onChange={(_, d) => setSeedLayout(d.checked === true)} label="按种子表格式（湖北/武汉：年初目标值、设置分值、评分标准），默认为财预〔2020〕10号附件1" />
        <Checkbox checked={withNames} onChange={(_, d) => setWithNames(d.checked === true)} label="同时定义简写函数名（SCORE.INDICATOR 等）" />
        <div className={styles.row}>
          <Button disabled={build.busy} onClick={() => build.run(defineNames, "正在定义简写函数名…")}>
            定义简写函数名
          </Button>
          <Caption1 className={styles.wrap}>定义后可直接写 =SCORE.INDICATOR(目标值, 实际值, 分值)；需要支持 LAMBDA 的 Excel，否则请用 =JUESUAN.SCORE.INDICATOR(…)。</Caption1>
        </div>
        <Busy step={build.step} />
        <NoticeBar notice={build.notice} />
        {built && (
          <MessageBar intent={built.attention.length ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              已生成工作表「{built.sheet}」（{built.rows} 行指标）。
              {built.attention.length ? ` ${built.attention.length} 行需人工评分（已标黄）：${built.attention.map((a) => `${a.address} ${a.note}`).join("；")}` : ""}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section} aria-labelledby="check-self-heading" aria-busy={check.busy}>
        <Text as="h2" id="check-self-heading" size={400} weight="semibold">
          检查自评表
        </Text>
        <Text className={styles.wrap}>按每一行自己的评分标准重算得分，标出不符的得分、缺少的偏差原因和对不上的分值合计。</Text>
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={check.busy}
            onClick={() =>
              check.run(async () => {
                const result = await checkSelfEvalInExcel(host());
                setChecked(result);
                setCurrent(null);
                session.selfEvalMarksChanged(result.marked);
              }, "正在检查自评表…")
            }
          >
            检查自评表
          </Button>
          <Button
            disabled={check.busy || !marked}
            onClick={() =>
              check.run(async () => {
                // Only 检查自评表's marks: 校验 keeps its own (src/excel/markStore.ts).
                const { restored, notRestored } = await clearMarksReport(host(), "selfEval");
                session.selfEvalMarksChanged(0);
                const left = describeNotRestored(notRestored);
                return left ? { intent: "warning", text: `已清除 ${restored} 个单元格的标记；${left}` } : { intent: "success", text: `已清除 ${restored} 个单元格的标记，原格式和批注已恢复。` };
              }, "正在清除标记…")
            }
          >
            清除标记
          </Button>
        </div>
        <Busy step={check.step} />
        <NoticeBar notice={check.notice} />
        {checked && checked.summaries.length > 0 && (
          <Text>
            已核对 {checked.summaries.length} 个得分情况摘要（{[...new Set(checked.summaries.map((s) => `工作表「${s.sheet}」`))].join("、")}）：各项得分率 = 得分/分值，合计 = 各项得分之和。
          </Text>
        )}
        {checked && !checked.tables.length && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>没有找到已填写的自评表：需要含“一级指标、三级指标、年度指标值（或年初目标值、指标值）、实际完成值、得分”列的表格。</MessageBarBody>
          </MessageBar>
        )}
        {checked?.unread.map((u) => (
          <MessageBar key={`unread-${u.sheet}-${u.cell ?? ""}`} intent="error" layout="multiline">
            <MessageBarBody>工作表「{u.sheet}」：{u.reason}</MessageBarBody>
          </MessageBar>
        ))}
        {checked && checked.tables.length > 0 && (
          <>
            <Text>
              {checked.tables.length} 张自评表，{checked.tables.filter((t) => errorsOf(t)).length} 张有错误；已标记 {marked} 个单元格。
            </Text>
            <NoticeBar notice={selecting.notice} />
            <ProjectResults key={checked.tables.map((t) => t.sheet).join()} checked={checked} current={current} onSelect={select} />
          </>
        )}
      </section>
    </div>
  );
}
