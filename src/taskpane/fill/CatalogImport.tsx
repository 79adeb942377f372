// 导入科目目录: a CSV (编码,名称) kept in the workbook and used by 校验 and 填充小计, chosen through a labelled
// Fluent button (the file input itself stays hidden).
import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { importCatalog, importedCount } from "../../excel/catalogStore";
import type { ExcelHost } from "../../excel/host";
import { describeError } from "../../shared/errors";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
  hidden: { display: "none" },
  text: { overflowWrap: "anywhere" },
});

export function CatalogImport({ host }: { host: () => ExcelHost }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
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
      setMessage({ intent: "error", text: `导入失败：${describeError(err).text}` });
    } finally {
      if (input.current) input.current.value = "";
    }
  };
  return (
    <section className={styles.root} aria-labelledby="catalog-heading">
      <Text as="h3" id="catalog-heading" weight="semibold">
        科目目录
      </Text>
      <Caption1 className={styles.text}>内置部分科目；可导入更完整的目录（CSV：编码,名称），保存在本工作簿中。已导入 {count} 个科目。</Caption1>
      <input ref={input} className={styles.hidden} type="file" accept=".csv,text/csv" aria-label="选择科目目录 CSV 文件" tabIndex={-1} onChange={(e) => onFile(e.target.files?.[0])} />
      <Button onClick={() => input.current?.click()}>导入科目目录（CSV）…</Button>
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
