// 复制全文: the Clipboard API where the pane may use it, else a selected hidden textarea and the copy command
// (an add-in's iframe may not be granted clipboard-write).
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through to the textarea
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("无法写入剪贴板：请在“情况说明”工作表中全选 A 列后复制");
}
