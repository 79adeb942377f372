// 导入科目目录: a CSV (编码,名称) kept in the workbook and used by 校验 and 填充小计.
import { Caption1, Field, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { importCatalog, importedCount } from "../../excel/catalogStore";
import type { ExcelHost } from "../../excel/host";

export function CatalogImport({ host }: { host: () => ExcelHost }) {
  const [count, setCount] = useState(() => importedCount(host()));
  const [message, setMessage] = useState<{ intent: "success" | "warning" | "error"; text: string } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await importCatalog(host(), await file.text());
      setCount(importedCount(host()));
      const bad = result.rejected.map((r) => `第${r.line}行：${r.reason}`).join("；");
      setMessage({ intent: result.rejected.length ? "warning" : "success", text: `导入 ${result.entries.length} 个科目${bad ? `；未导入：${bad}` : ""}` });
    } catch (err) {
      setMessage({ intent: "error", text: `导入失败：${err instanceof Error ? err.message : String(err)}` });
    }
  };
  return (
    <Field label="科目目录" hint="内置部分科目；可导入更完整的目录（CSV：编码,名称），保存在本工作簿中。">
      <input type="file" accept=".csv,text/csv" onChange={(e) => onFile(e.target.files?.[0])} />
      <Caption1>已导入 {count} 个科目</Caption1>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </Field>
  );
}
