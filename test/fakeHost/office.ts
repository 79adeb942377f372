// The `Office` and `Excel` globals of the fake host: Excel.run, document settings that persist only when saved,
// requirement sets, and the shared-runtime calls the ribbon command makes.
import { FakeContext } from "./proxies";
import type { FakeWorkbook } from "./state";

export interface FakeHost {
  Excel: { run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> };
  Office: FakeOffice;
  CustomFunctions: FakeCustomFunctions;
  state: FakeWorkbook;
}

/** The custom-functions runtime's global: what functions.js associates is kept, to be called or inspected. */
export interface FakeCustomFunctions {
  associated: Record<string, (...args: unknown[]) => unknown>;
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void;
  Error: new (code: string, message?: string) => { code: string; message?: string };
  ErrorCode: Record<string, string>;
}

class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface FakeOffice {
  HostType: { Excel: string };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    document: { settings: FakeSettings };
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
  addin: { showAsTaskpane(): Promise<void>; shown: number };
  actions: { associate(name: string, fn: (...args: unknown[]) => unknown): void; handlers: Record<string, (...args: unknown[]) => unknown> };
  AsyncResultStatus: { Succeeded: string; Failed: string };
}

export class FakeSettings {
  private values: Record<string, unknown>;

  constructor(private readonly state: FakeWorkbook) {
    // A new session starts from what was saved in the document.
    this.values = JSON.parse(JSON.stringify(state.savedSettings)) as Record<string, unknown>;
  }
  get(name: string): unknown {
    return this.values[name] ?? null;
  }
  set(name: string, value: unknown): void {
    this.values[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.values[name];
  }
  /**
   * Saved only when the whole of the settings fits: past about 1 MB Excel fails the save with "The argument is
   * invalid or missing or has an incorrect format" (office-js issues #3957 and #621).
   */
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void {
    const json = JSON.stringify(this.values);
    const failed = this.state.failSettingsSave || new TextEncoder().encode(json).length > this.state.settingsLimit;
    this.state.failSettingsSave = false;
    if (!failed) this.state.savedSettings = JSON.parse(json) as Record<string, unknown>;
    setTimeout(() => callback?.(failed ? { status: "failed", error: { message: "The argument is invalid or missing or has an incorrect format." } } : { status: "succeeded" }), 0);
  }
}

/**
 * Report only the requirement sets the manifest declares (the oldest Excel the add-in says it runs on): the
 * ExcelApi version drops to the declared one, so that calls newer than it fail as on that Excel.
 */
export function declaredOnly(state: FakeWorkbook, manifestXml: string): void {
  const sets = Object.fromEntries([...manifestXml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]));
  state.excelApi = sets.ExcelApi ?? "1.1";
  state.requirementSets = Object.fromEntries(Object.entries(sets).filter(([name]) => name !== "ExcelApi"));
}

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2 = 0] = want.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** A host over `state`; a second host over the same state is the workbook closed and opened again. */
export function createFakeHost(state: FakeWorkbook): FakeHost {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  const info = { host: "Excel", platform: "OfficeOnline" };
  const office: FakeOffice = {
    HostType: { Excel: "Excel" },
    onReady: (callback) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      document: { settings: new FakeSettings(state) },
      requirements: {
        isSetSupported: (name, version = "1.1") => {
          const have = name === "ExcelApi" ? state.excelApi : state.requirementSets[name];
          return have !== undefined && versionAtLeast(have, version);
        },
      },
    },
    addin: {
      shown: 0,
      showAsTaskpane() {
        this.shown++;
        return Promise.resolve();
      },
    },
    actions: { handlers, associate: (name, fn) => (handlers[name] = fn) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  const associated: FakeCustomFunctions["associated"] = {};
  const customFunctions: FakeCustomFunctions = {
    associated,
    associate(id, fn) {
      if (typeof id === "string") associated[id] = fn as (...args: unknown[]) => unknown;
      else Object.assign(associated, id);
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };
  return {
    state,
    CustomFunctions: customFunctions,
    Office: office,
    Excel: {
      async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
        const context = new FakeContext(state);
        const result = await batch(context);
        // Excel.run sends what is still queued when the batch returns.
        if (context.pending) await context.sync();
        return result;
      },
    },
  };
}
