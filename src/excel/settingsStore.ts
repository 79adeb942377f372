// A JSON value kept in the workbook's add-in settings (saved with the document).

export class SettingsStore<T> {
  constructor(
    private readonly settings: Office.Settings,
    private readonly key: string,
  ) {}

  load(): T | null {
    return (this.settings.get(this.key) as T | null) ?? null;
  }

  save(value: T | null): Promise<void> {
    if (value === null) this.settings.remove(this.key);
    else this.settings.set(this.key, value);
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((result) => {
        // "failed" is Office.AsyncResultStatus.Failed; compared as text so this module needs no Office global.
        if (result && String(result.status) === "failed") reject(new Error(`无法保存到工作簿：${result.error?.message ?? ""}`));
        else resolve();
      }),
    );
  }
}
