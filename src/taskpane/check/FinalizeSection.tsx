// 提交前定稿: the add-in's formulas become values, the marks of 校验 and 检查自评表 are cleared and 校验 runs
// again; 撤销定稿 puts the formulas back and runs again the checks whose marks were cleared (each check keeps its
// own mark record, src/excel/markStore.ts, so both come back as they were).
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { finalizeWorkbook, lastIsFinalize, markedChecks, undoFinalize } from "../../excel/finalize";
import type { ExcelHost } from "../../excel/host";
import { checkSelfEvalInExcel } from "../../excel/selfEval";
import { type CheckSession, describeNotRestored } from "../../shared/checkSession";
import { Busy, NoticeBar, useAction } from "../useAction";

const useStyles = makeStyles({
  section: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function FinalizeSection({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [undoable, setUndoable] = useState(() => lastIsFinalize(host()));
  const { busy, step, notice, run } = useAction(() => setUndoable(lastIsFinalize(host())));
  const finalize = () =>
    run(async () => {
      // The checks whose marks are on the workbook now, by their records (also those of a 校验 run from the ribbon).
      const result = await finalizeWorkbook(host(), markedChecks(host()));
      session.marksCleared();
      session.selfEvalMarksChanged(0);
      session.markStale();
      // Checked again to show that nothing broke, without marks: a finalised workbook goes out clean.
      await session.check({ mark: false });
      const kept = result.kept.length ? `；${result.kept.length} 个单元格的公式结果是错误值，保留了公式：${result.kept.map((k) => `${k.sheet}!${k.address}（${k.shown}）`).join("、")}` : "";
      const left = describeNotRestored(result.notRestored);
      return {
        intent: result.kept.length || left ? "warning" : "success",
        text: `定稿完成：${result.converted} 个 JUESUAN 公式已转为数值，${result.unmarked} 个单元格的标记已清除，并已重新校验（不加标记）${kept}。${left}可点“撤销定稿”恢复。`,
      };
    }, "正在定稿…");
  const undo = () =>
    run(async () => {
      const { restored, remark } = await undoFinalize(host());
      if (remark.includes("check")) await session.check();
      else session.markStale();
      if (remark.includes("selfEval")) session.selfEvalMarksChanged((await checkSelfEvalInExcel(host())).marked);
      return { intent: "info", text: `已撤销定稿：恢复了 ${restored} 个公式${remark.length ? "，标记已按重新检查的结果恢复" : ""}。` };
    }, "正在撤销定稿…");
  return (
    <section className={styles.section} aria-labelledby="finalize-heading" aria-busy={busy}>
      <Text as="h2" id="finalize-heading" size={400} weight="semibold">
        提交前定稿
      </Text>
      <Text>把本加载项的 JUESUAN 公式转为数值（财政部门没有安装加载项，否则会显示 #NAME?），清除所有标记，再校验一次（不加标记）。</Text>
      <div className={styles.row}>
        <Button onClick={finalize} disabled={busy}>
          定稿
        </Button>
        <Button onClick={undo} disabled={busy || !undoable}>
          撤销定稿
        </Button>
      </div>
      <Busy step={step} />
      <NoticeBar notice={notice} />
    </section>
  );
}
