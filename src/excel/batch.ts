// Requests kept small by design. Excel on the web refuses a request or a response over 5 MB
// (RequestPayloadSizeLimitExceeded, https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
// so every large operation is cut into syncs of at most REQUEST_BUDGET estimated bytes. The estimate is what
// Office.js sends: an object path (about 100 bytes) for each proxy, an action (about 150 bytes) for each write or
// load, and the written values as JSON — rounded up here, so the estimate is never below the real size.

export const REQUEST_BUDGET = 2.5 * 1024 * 1024;

/** The budget in force; tests lower it to drive small workbooks through several syncs. */
export const limits = { request: REQUEST_BUDGET };
export const OBJECT_BYTES = 120;
export const ACTION_BYTES = 180;

/** Bytes of a value as JSON, counting three bytes for every character beyond ASCII (UTF-8 of CJK). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let extra = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) extra += 2;
  return s.length + extra;
}

/** Queues operations on a context and syncs whenever the next one would take the request past the budget. */
export class Batcher {
  private pending = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = limits.request,
  ) {}

  /** Call before queueing operations estimated at `bytes`. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}
