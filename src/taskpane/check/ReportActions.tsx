// 生成校验报告 (asking before it replaces an existing report) and 导出 CSV.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../core/findings";
import { REPORT_SHEET } from "../../core/reportRows";
import type { ExcelHost } from "../../excel/host";
import { reportSheetExists, writeReportSheet } from "../../excel/reportSheet";
import type { Notice } from "../useAction";
import { downloadCsv, reportCsv } from "./reportCsv";

export interface ReportActionsProps {
  host: () => ExcelHost;
  findings: readonly Finding[];
  at: Date;
  strict: boolean;
  counts: string;
  busy: boolean;
  run: (work: () => Promise<Notice | void>, step?: string) => Promise<void>;
}

export function ReportActions({ host, findings, at, strict, counts, busy, run }: ReportActionsProps) {
  const [asking, setAsking] = useState(false);
  const writeAs = async (replace: boolean): Promise<Notice> => {
    const name = await writeReportSheet(host(), findings, { at, strict, counts, replace });
    return { intent: "success", text: `已生成工作表「${name}」（${findings.length} 行）。` };
  };
  const write = (replace: boolean) => {
    setAsking(false);
    return run(() => writeAs(replace), "正在生成校验报告…");
  };
  // Never overwrite a sheet without asking: an existing report opens the dialog instead.
  const start = () =>
    run(async () => {
      if (!(await reportSheetExists(host()))) return writeAs(false);
      setAsking(true);
    }, "正在生成校验报告…");
  const stamp = `${at.getFullYear()}${String(at.getMonth() + 1).padStart(2, "0")}${String(at.getDate()).padStart(2, "0")}-${String(at.getHours()).padStart(2, "0")}${String(at.getMinutes()).padStart(2, "0")}`;
  return (
    <>
      <Button onClick={start} disabled={busy}>
        生成校验报告
      </Button>
      <Button onClick={() => downloadCsv(`校验报告-${stamp}.csv`, reportCsv(findings))} disabled={busy}>
        导出 CSV
      </Button>
      <Dialog open={asking} onOpenChange={(_, d) => setAsking(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>已有工作表「{REPORT_SHEET}」</DialogTitle>
            <DialogContent>替换原来的报告，还是另建一张新的工作表？原报告中手工添加的内容在替换后无法恢复。</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => write(false)}>
                另建新表
              </Button>
              <Button onClick={() => write(true)}>替换</Button>
              <Button onClick={() => setAsking(false)}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
