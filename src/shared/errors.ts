// What went wrong, in words an accountant can act on: Office's error codes in Chinese, the add-in's own
// (already Chinese) messages as they are, anything else as one Chinese sentence — the original text only in
// the details that 复制错误详情 copies, never on the screen.

export interface Described {
  /** Chinese, for the screen. */
  text: string;
  /** Code and original message, for 复制错误详情; absent when the text already says everything. */
  detail?: string;
}

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再试一次。",
  AccessDenied: "工作表受保护，无法写入：请取消保护后再试。",
  ProtectedWorksheet: "工作表受保护，无法写入：请取消保护后再试。",
  ItemNotFound: "要找的工作表或单元格已不存在（可能被删除或改名）：请重新校验后再试。",
  RequestPayloadSizeLimitExceeded: "工作簿太大，一次请求超过了 Excel 的限制：请分几次处理，或在桌面版 Excel 中操作。",
  ResponsePayloadSizeLimitExceeded: "工作簿太大，一次请求超过了 Excel 的限制：请分几次处理，或在桌面版 Excel 中操作。",
  GeneralException: "Excel 内部出错，操作未能完成：请稍后再试；如果反复出现，请复制错误详情发给技术支持。",
  Conflict: "工作簿正被他人同时修改，操作未能完成：请稍后再试。",
  EditModeCellEditing: "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再试一次。",
};

const CHINESE = /[\u4e00-\u9fff]/;

export function describeError(err: unknown): Described {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  const detail = [typeof code === "string" ? `code: ${code}` : "", message ? `message: ${message}` : "", err instanceof Error && err.stack ? err.stack : ""].filter(Boolean).join("\n");
  if (typeof code === "string" && BY_CODE[code]) return { text: BY_CODE[code], detail };
  // The add-in's own messages are Chinese and say what to do.
  if (typeof code !== "string" && CHINESE.test(message)) return { text: message };
  return { text: "操作未能完成，原因不明：请重试；如果反复出现，请复制错误详情发给技术支持。", detail };
}
