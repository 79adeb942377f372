// A JSON value kept in the workbook's add-in settings (saved with the document).

export class SettingsStore<T> {
  constructor(
    private readonly settings: Office.Settings,
    private readonly key: string,
  ) {}

  load(): T | null {
    return (this.settings.get(this.key) as T | null) ?? null;
  }

  /** Save with the document; on failure the value in memory goes back to what the document holds. */
  save(value: T | null): Promise<void> {
    const before = this.load();
    const put = (v: T | null) => (v === null ? this.settings.remove(this.key) : this.settings.set(this.key, v));
    put(value);
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((result) => {
        // "failed" is Office.AsyncResultStatus.Failed; compared as text so this module needs no Office global.
        if (result && String(result.status) === "failed") {
          put(before);
          reject(new Error(`无法保存到工作簿：${result.error?.message ?? ""}`));
        } else resolve();
      }),
    );
  }
}
