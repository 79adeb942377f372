// Proxy objects with the Excel JavaScript API's semantics: methods return proxies at once, property writes and
// loads are queued, `sync()` runs the queue in order, and reading a property that was not loaded and synced
// throws PropertyNotLoaded, as Excel does.
import type { Rect } from "../../src/core/grid";
import { a1, parseA1 } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { coerceInput, displayText } from "./coerce";
import { type Computed, calculate } from "./engine";
import { type FakeFill, FakeSheet, type FakeWorkbook, NO_FILL } from "./state";
import { FakeChartCollection } from "./charts";

/**
 * What a request costs, in bytes of its JSON: Office.js sends each object path and each action with ids, types
 * and names (about 100 and 150 bytes) and the arguments as JSON; the response carries the loaded values as JSON.
 * Counted here so that the 5 MB limit of Excel on the web is met as the real request would meet it:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */
const OBJECT_PATH_BYTES = 100;
const ACTION_BYTES = 150;

/** UTF-8 length without Node's Buffer: the fake host also runs in the browser (the pane's tests, the demo). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  return utf8Bytes(JSON.stringify(v) ?? "");
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** Excel.ChangedEventDetail: the one cell's value and type before and after the edit. */
export interface FakeChangedEventDetail {
  valueBefore: unknown;
  valueAfter: unknown;
  valueTypeBefore: string;
  valueTypeAfter: string;
}

export class FakeContext {
  private queue: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;
  /** Who the writes of this context stand for, in the change events: "ThisLocalAddin" or "Unknown" (a person). */
  triggerSource: "ThisLocalAddin" | "Unknown" = "ThisLocalAddin";
  /** `details` of this context's change events. Excel gives it for an edit of one cell only ("If the changed
   *  event is triggered on multiple cells, this property cannot be retrieved", Excel.WorksheetChangedEventArgs,
   *  https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs): left out unless set. */
  changeDetails: FakeChangedEventDetail | undefined = undefined;
  /** Leave triggerSource out of this context's change events, as an Excel older than ExcelApi 1.14 does. */
  omitTriggerSource = false;
  /** Bytes of the request being built, and of the response being filled while the batch runs. */
  requestBytes = 0;
  responseBytes = 0;
  /** Computed values for this sync, worked out on the first read of a formula cell. */
  private computed: Map<string, Map<string, Computed>> | null = null;

  constructor(readonly state: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(op: () => void, args?: unknown): void {
    this.requestBytes += ACTION_BYTES + jsonBytes(args);
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** A formula cell's value as Excel has calculated it (writes earlier in the batch included). */
  computedValue(sheet: FakeSheet, address: string): Computed {
    this.computed ??= calculate(this.state.sheets);
    return this.computed.get(sheet.name)?.get(address) ?? "";
  }

  /** Called by every write: the next read of a formula recalculates, and change events fire after the sync. */
  invalidate(): void {
    this.computed = null;
    this.changed = true;
  }
  private changed = false;

  async sync(): Promise<void> {
    this.state.syncCount++;
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.computed = null;
    const fault = this.state.fault;
    if (fault) fault.at--;
    const failing = fault && fault.at === 0 ? fault.mode : null;
    if (failing) this.state.fault = null;
    const record = { request, response: 0 };
    this.state.syncs.push(record);
    if (request > this.state.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    if (failing === "before") throw new FakeOfficeError("GeneralException", "Injected failure before the batch ran.");
    // A batch runs in order; an operation that fails stops it, and what ran before stays (there is no rollback).
    const upTo = failing === "half" ? Math.floor(ops.length / 2) : ops.length;
    this.changed = false;
    try {
      for (const op of ops.slice(0, upTo)) op();
    } finally {
      // Excel raises worksheet events after it applied the changes, whatever became of the request.
      // Excel.WorksheetChangedEventArgs: the fake's writes come through the API, so from an add-in unless the
      // context says it stands for the user typing (triggerSource, ExcelApi 1.14).
      const args = {
        type: "WorksheetChanged",
        source: "Local",
        changeType: "RangeEdited",
        ...(this.omitTriggerSource ? {} : { triggerSource: this.triggerSource }),
        ...(this.changeDetails ? { details: this.changeDetails } : {}),
      };
      if (this.changed) for (const handler of this.state.changeHandlers) void handler(args);
    }
    record.response = this.responseBytes;
    if (failing === "half") throw new FakeOfficeError("GeneralException", `Injected failure after ${upTo} of ${ops.length} operations.`);
    if (failing === "replyLost") throw new FakeOfficeError("GeneralException", "Injected failure: the batch ran, its reply was lost.");
    if (this.responseBytes > this.state.payloadLimit) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
  }
}

function propertyList(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(propertyList);
  if (typeof props === "object" && props && "select" in props) return propertyList((props as { select: unknown }).select);
  return [];
}

abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(readonly context: FakeContext) {
    context.requestBytes += OBJECT_PATH_BYTES;
  }

  /** Read a property's current value from the workbook state (runs at sync time). */
  protected abstract read(prop: string): unknown;

  /** Whether the object exists, for *OrNullObject proxies (runs at sync time). */
  protected exists(): boolean {
    return true;
  }

  load(props?: unknown): this {
    const list = propertyList(props);
    this.context.enqueue(() => this.loadNow(list), list);
    return this;
  }

  /** Take the values now: the queued part of `load`, also used by collections for their items. */
  loadNow(list: string[]): void {
    this.nullObject = !this.exists();
    this.context.responseBytes += 40;
    if (this.nullObject) return;
    for (const p of list) {
      const v = this.read(p);
      this.context.responseBytes += p.length + 4 + jsonBytes(v);
      this.loaded.set(p.split("/")[0], v);
    }
  }

  /** The sheet a write goes to, when the object is on one (a protected sheet refuses it). */
  protected target(): FakeSheet | undefined {
    return undefined;
  }

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** *OrNullObject: whether the object exists is known after the next sync, loaded or not. */
  checkExists(): this {
    this.context.enqueue(() => {
      this.nullObject = !this.exists();
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new FakeOfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available until the object is loaded and synced.");
    return this.nullObject;
  }

  protected write(op: () => void, args?: unknown): void {
    this.context.enqueue(() => {
      if (!this.exists()) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection
      if (this.target()?.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      this.context.invalidate();
      op();
    }, args);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Whether the host claims ExcelApi `version` (office.ts can narrow it to what the manifest declares). */
export function apiAtLeast(ctx: FakeContext, version: string): boolean {
  const [a, b] = ctx.state.excelApi.split(".").map(Number);
  const [c, d] = version.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

/**
 * Excel's rules for a sheet name: 1–31 characters, none of \\ / ? * [ ] :, not starting or ending with an
 * apostrophe, not "History", and unique regardless of case.
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function checkSheetName(state: FakeWorkbook, name: string, except?: FakeSheet): void {
  const bad = !name || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history";
  if (bad) throw new FakeOfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
  const other = state.sheet(name);
  if (other && other !== except) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(r: Rect): string {
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}

function parseRect(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = bare.replace(/\$/g, "").split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function sheetOf(ctx: FakeContext, name: () => string): FakeSheet {
  const s = ctx.state.sheetByKey(name());
  if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet '${name()}' doesn't exist.`);
  return s;
}

export class FakeRangeFill extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  protected override target(): FakeSheet {
    return this.range.sheet();
  }

  private fills(): FakeFill[] {
    return this.range.addresses().map((a) => this.range.sheet().peek(a)?.fill ?? NO_FILL);
  }

  protected read(prop: string): unknown {
    const values = this.fills().map((f) => f[prop as keyof FakeFill]);
    return values.every((v) => v === values[0]) ? values[0] : null;
  }

  private setAll(patch: Partial<FakeFill>): void {
    this.write(() => {
      for (const a of this.range.addresses()) {
        const cell = this.range.sheet().cell(a);
        // Setting a colour on an unfilled cell makes a solid fill, as in Excel.
        const base = cell.fill ?? { ...NO_FILL, pattern: "Solid" };
        cell.fill = { ...base, ...patch };
      }
    }, patch);
  }

  get color(): string {
    return this.value("color");
  }
  set color(v: string) {
    this.setAll({ color: v.toUpperCase() });
  }
  get pattern(): string {
    return this.value("pattern");
  }
  set pattern(v: string) {
    this.setAll({ pattern: v });
  }
  get patternColor(): string {
    return this.value("patternColor");
  }
  set patternColor(v: string) {
    this.setAll({ patternColor: v.toUpperCase() });
  }
  get tintAndShade(): number {
    return this.value("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.setAll({ tintAndShade: v });
  }
  get patternTintAndShade(): number {
    return this.value("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.setAll({ patternTintAndShade: v });
  }

  clear(): void {
    this.write(() => {
      for (const a of this.range.addresses()) {
        const cell = this.range.sheet().peek(a);
        if (cell) delete cell.fill;
      }
    });
  }
}

export class FakeRangeFont extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected override target(): FakeSheet {
    return this.range.sheet();
  }
  protected read(prop: string): unknown {
    return prop === "bold" ? this.range.addresses().every((a) => this.range.sheet().peek(a)?.bold) : null;
  }
  set bold(v: boolean) {
    this.write(() => this.range.addresses().forEach((a) => (this.range.sheet().cell(a).bold = v)));
  }
  get bold(): boolean {
    return this.value("bold");
  }
}

export class FakeRangeFormat extends ClientObject {
  private fillProxy: FakeRangeFill | null = null;
  private fontProxy: FakeRangeFont | null = null;
  // Navigation proxies are made when first used, as Office.js makes them: each costs an object path.
  get fill(): FakeRangeFill {
    this.fillProxy ??= new FakeRangeFill(this.context, this.range);
    return this.fillProxy;
  }
  get font(): FakeRangeFont {
    this.fontProxy ??= new FakeRangeFont(this.context, this.range);
    return this.fontProxy;
  }
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected override target(): FakeSheet {
    return this.range.sheet();
  }
  protected read(): unknown {
    return null;
  }
  set columnWidth(_v: number) {
    this.write(() => undefined);
  }
  set wrapText(_v: boolean) {
    this.write(() => undefined);
  }
  autofitColumns(): void {
    this.write(() => undefined);
  }
}

export class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  /**
   * Only the merged areas whose top-left cell is in the range (office-js issue #3611, "GetMergedAreasOrNullObject
   * only works on top left of merge"); more than 512 and the call fails ("if the merged areas count in this range
   * is more than 512, then this method will fail to return the result", Excel.Range.getMergedAreasOrNullObject).
   * It needs ExcelApi 1.13.
   */
  private merged(): Rect[] {
    const r = this.range.rect();
    const found = this.range.sheet().merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
    if (found.length > 512) throw new FakeOfficeError("GeneralException", "There are more than 512 merged areas in the range.");
    return found;
  }
  protected override exists(): boolean {
    if (!apiAtLeast(this.context, "1.13")) throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13.");
    return this.range.exists() && this.merged().length > 0;
  }
  protected read(prop: string): unknown {
    if (prop === "address") return this.merged().map((m) => `${quoteSheetName(this.range.sheet().name)}!${rectAddress(m)}`).join(",");
    if (prop === "areaCount") return this.merged().length;
    return null;
  }
  get address(): string {
    return this.value("address");
  }
}

export class FakeRange extends ClientObject {
  private formatProxy: FakeRangeFormat | null = null;
  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.context, this);
    return this.formatProxy;
  }

  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
    /** Worked out when an operation runs: a used range depends on the state at that point of the batch. */
    readonly rect: () => Rect,
    private readonly present: () => boolean = () => true,
  ) {
    super(ctx);
  }

  sheet(): FakeSheet {
    return sheetOf(this.context, this.sheetName);
  }

  override exists(): boolean {
    return this.context.state.sheetByKey(this.sheetName()) !== undefined && this.present();
  }

  addresses(): string[] {
    const r = this.rect();
    const out: string[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(a1(row, col));
    return out;
  }

  private grid<T>(f: (address: string) => T): T[][] {
    const r = this.rect();
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, j) => f(a1(r.top + i, r.left + j))));
  }

  protected override target(): FakeSheet {
    return this.sheet();
  }

  /** What `values` reports for a cell: a formula's calculated value, "" for an empty cell. */
  private valueAt(sheet: FakeSheet, address: string): CellValue {
    const c = sheet.peek(address);
    if (!c) return "";
    if (c.formula) return this.context.computedValue(sheet, address);
    return c.value ?? "";
  }

  protected read(prop: string): unknown {
    const r = this.rect();
    const sheet = this.sheet();
    switch (prop) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${rectAddress(r)}`;
      case "values":
        return this.grid((a) => this.valueAt(sheet, a));
      case "formulas":
        return this.grid((a) => sheet.peek(a)?.formula ?? sheet.peek(a)?.value ?? "");
      case "numberFormat":
        return this.grid((a) => sheet.peek(a)?.numberFormat ?? "General");
      case "text":
        return this.grid((a) => {
          const v = this.valueAt(sheet, a);
          return displayText(v === "" ? null : v, sheet.peek(a)?.numberFormat);
        });
      case "valueTypes":
        return this.grid((a) => {
          const v = this.valueAt(sheet, a);
          if (v === "" || v === null) return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(v) && sheet.peek(a)?.formula ? "Error" : "String";
        });
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      default:
        throw new FakeOfficeError("InvalidArgument", `The fake host does not know the range property '${prop}'.`);
    }
  }

  get address(): string {
    return this.value("address");
  }
  get values(): CellValue[][] {
    return this.value("values");
  }
  get formulas(): CellValue[][] {
    return this.value("formulas");
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  get text(): string[][] {
    return this.value("text");
  }
  get valueTypes(): string[][] {
    return this.value("valueTypes");
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }

  private writeGrid(data: unknown[][], apply: (address: string, v: unknown) => void): void {
    this.write(() => {
      const r = this.rect();
      // A single value is written to every cell of the range, as Excel does with a non-array value.
      const grid = Array.isArray(data) ? data : Array.from({ length: r.bottom - r.top + 1 }, () => Array<unknown>(r.right - r.left + 1).fill(data));
      if (grid.length !== r.bottom - r.top + 1 || grid.some((row) => row.length !== r.right - r.left + 1)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      grid.forEach((row, i) => row.forEach((v, j) => apply(a1(r.top + i, r.left + j), v)));
    }, data);
  }

  /** `values` and `formulas` take what is written as typed: see coerce.ts. */
  private store(data: unknown[][]): void {
    this.writeGrid(data, (address, v) => {
      const cell = this.sheet().cell(address);
      const stored = coerceInput(v, cell.numberFormat);
      cell.value = stored.value;
      if (stored.formula) cell.formula = stored.formula;
      else delete cell.formula;
      if (stored.quoted) cell.quoted = true;
      else delete cell.quoted;
      if (stored.numberFormat && (cell.numberFormat === undefined || cell.numberFormat === "General")) cell.numberFormat = stored.numberFormat;
    });
  }

  set values(data: CellValue[][]) {
    this.store(data);
  }

  set formulas(data: CellValue[][]) {
    this.store(data);
  }

  set numberFormat(data: string[][]) {
    this.writeGrid(data, (address, v) => {
      const cell = this.sheet().cell(address);
      if (v === "General") delete cell.numberFormat;
      else cell.numberFormat = String(v);
    });
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write(() => {
      for (const a of this.addresses()) this.sheet().cell(a).hyperlink = link;
    }, link);
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col };
    });
  }

  getRow(row: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left, bottom: r.top + row, right: r.right };
    }, () => this.exists());
  }

  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => {
      const r = this.rect();
      return { ...r, bottom: r.bottom + rows, right: r.right + cols };
    }, () => this.exists());
  }

  merge(): void {
    this.write(() => this.sheet().merges.push(this.rect()));
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => {
      const r = this.rect();
      return { top: r.top, left: 0, bottom: r.bottom, right: 16383 };
    });
  }

  /** Whole rows only (what the adapter inserts and deletes). */
  insert(shift: string): void {
    this.write(() => {
      const r = this.rect();
      if (shift !== "Down" || r.left !== 0 || r.right !== 16383) throw new FakeOfficeError("InvalidArgument", "The fake host inserts whole rows only.");
      this.sheet().shiftRows(r.top, r.bottom - r.top + 1);
    });
  }

  delete(shift: string): void {
    this.write(() => {
      const r = this.rect();
      if (shift !== "Up" || r.left !== 0 || r.right !== 16383) throw new FakeOfficeError("InvalidArgument", "The fake host deletes whole rows only.");
      this.sheet().shiftRows(r.top, -(r.bottom - r.top + 1));
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this);
  }

  select(): void {
    this.write(() => {
      requireVisible(this.sheet());
      this.context.state.selection = { sheet: this.sheet().name, address: rectAddress(this.rect()) };
      this.context.state.activeSheet = this.sheet().name;
    });
  }

  clear(): void {
    this.write(() => {
      for (const a of this.addresses()) this.sheet().cells.delete(a);
    });
  }
}

/** A hidden sheet cannot be activated, nor a cell on it selected (Excel.Worksheet.activate fails on it). */
function requireVisible(sheet: FakeSheet): void {
  if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `The worksheet '${sheet.name}' is hidden and cannot be activated.`);
}

/** A note, found by its cell. */
export class FakeNote extends ClientObject {
  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
    readonly address: () => string,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    const s = this.context.state.sheetByKey(this.sheetName());
    return !!s && s.notes.has(this.address());
  }
  protected override target(): FakeSheet | undefined {
    return this.context.state.sheetByKey(this.sheetName());
  }
  protected read(prop: string): unknown {
    if (prop === "content") return sheetOf(this.context, this.sheetName).notes.get(this.address());
    if (prop === "authorName") return "决算助手";
    return null;
  }
  get content(): string {
    return this.value("content");
  }
  set content(v: string) {
    this.write(() => sheetOf(this.context, this.sheetName).notes.set(this.address(), v), v);
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => parseRect(this.address()));
  }
  delete(): void {
    this.write(() => sheetOf(this.context, this.sheetName).notes.delete(this.address()));
  }
}

function splitAddress(ctx: FakeContext, cellAddress: string | FakeRange, defaultSheet?: () => string): { sheet: () => string; address: () => string } {
  if (typeof cellAddress !== "string") return { sheet: cellAddress.sheetName, address: () => rectAddress(cellAddress.rect()) };
  const bang = cellAddress.lastIndexOf("!");
  const sheet = bang >= 0 ? cellAddress.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : undefined;
  const address = bang >= 0 ? cellAddress.slice(bang + 1) : cellAddress;
  return {
    sheet: sheet !== undefined ? () => sheet : (defaultSheet ?? (() => ctx.state.activeSheet)),
    address: () => rectAddress(parseRect(address)),
  };
}

export class FakeNoteCollection extends ClientObject {
  private itemsLoaded: FakeNote[] | undefined;

  constructor(
    ctx: FakeContext,
    private readonly sheetName?: () => string,
  ) {
    super(ctx);
  }

  private requireApi(): void {
    if (!apiAtLeast(this.context, "1.18")) throw new FakeOfficeError("ApiNotFound", "The notes API needs ExcelApi 1.18.");
  }

  protected read(): unknown {
    return null;
  }

  override load(props?: unknown): this {
    this.context.enqueue(() => {
      this.requireApi();
      const sheets = this.sheetName ? [sheetOf(this.context, this.sheetName)] : this.context.state.sheets;
      this.itemsLoaded = sheets.flatMap((s) => [...s.notes.keys()].map((a) => new FakeNote(this.context, () => s.name, () => a)));
      const fields = propertyList(props).map((p) => p.replace(/^items\//, ""));
      for (const note of this.itemsLoaded) note.loadNow(fields);
    });
    return this;
  }

  get items(): FakeNote[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load and sync first.");
    return this.itemsLoaded;
  }

  add(cellAddress: string | FakeRange, content: string): FakeNote {
    const { sheet, address } = splitAddress(this.context, cellAddress, this.sheetName);
    this.context.enqueue(() => {
      this.requireApi();
      const s = sheetOf(this.context, sheet);
      const a = address();
      if (a.includes(":")) throw new FakeOfficeError("InvalidArgument", "A note must be on a single cell.");
      if (s.notes.has(a)) throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      s.notes.set(a, content);
    }, content);
    return new FakeNote(this.context, sheet, address);
  }

  getItemOrNullObject(key: string): FakeNote {
    const { sheet, address } = splitAddress(this.context, key, this.sheetName);
    return new FakeNote(this.context, sheet, address).checkExists();
  }

  getItem(key: string): FakeNote {
    return this.getItemOrNullObject(key);
  }
}

export class FakeWorksheet extends ClientObject {
  private notesProxy: FakeNoteCollection | null = null;
  private chartsProxy: FakeChartCollection | null = null;
  get notes(): FakeNoteCollection {
    this.notesProxy ??= new FakeNoteCollection(this.context, this.sheetName);
    return this.notesProxy;
  }
  /** Chart recording lives in ./charts.ts. */
  get charts(): FakeChartCollection {
    this.chartsProxy ??= new FakeChartCollection(this.context, this.sheetName);
    return this.chartsProxy;
  }

  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.context.state.sheetByKey(this.sheetName()) !== undefined;
  }
  protected override target(): FakeSheet | undefined {
    return this.context.state.sheetByKey(this.sheetName());
  }
  protected read(prop: string): unknown {
    const s = sheetOf(this.context, this.sheetName);
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    if (prop === "visibility") return s.visibility;
    if (prop === "position") return this.context.state.sheets.indexOf(s);
    return null;
  }
  get name(): string {
    return this.value("name");
  }
  set name(v: string) {
    this.context.enqueue(() => {
      const s = sheetOf(this.context, this.sheetName);
      checkSheetName(this.context.state, v, s);
      s.name = v;
    }, v);
  }
  get id(): string {
    return this.value("id");
  }
  get visibility(): string {
    return this.value("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.write(() => (sheetOf(this.context, this.sheetName).visibility = v));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => (address ? parseRect(address) : { top: 0, left: 0, bottom: 1048575, right: 16383 }));
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => ({ top: row, left: column, bottom: row, right: column }));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => ({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const rect = () => sheetOf(this.context, this.sheetName).usedRect(valuesOnly);
    return new FakeRange(this.context, this.sheetName, () => rect() ?? { top: 0, left: 0, bottom: 0, right: 0 }, () => rect() !== null);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => sheetOf(this.context, this.sheetName).usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  activate(): void {
    this.context.enqueue(() => {
      const s = sheetOf(this.context, this.sheetName);
      requireVisible(s);
      this.context.state.activeSheet = s.name;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = sheetOf(this.context, this.sheetName);
      if (this.context.state.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.context.invalidate();
      this.context.state.sheets = this.context.state.sheets.filter((x) => x !== s);
    });
  }
}

/** worksheets.onChanged and its kin: the handlers are kept by the workbook and called after a changing sync. */
export class FakeEvent {
  constructor(private readonly context: FakeContext) {}
  add(handler: (args: unknown) => Promise<unknown>): { remove(): void } {
    this.context.enqueue(() => this.context.state.changeHandlers.push(handler));
    return { remove: () => (this.context.state.changeHandlers = this.context.state.changeHandlers.filter((h) => h !== handler)) };
  }
}

export class FakeWorksheetCollection extends ClientObject {
  private itemsLoaded: FakeWorksheet[] | undefined;
  readonly onChanged = new FakeEvent(this.context);
  readonly onAdded = new FakeEvent(this.context);
  readonly onDeleted = new FakeEvent(this.context);

  protected read(): unknown {
    return null;
  }
  override load(props?: unknown): this {
    const fields = propertyList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      // Each item follows its sheet, renamed or not: its key is the sheet's live name.
      this.itemsLoaded = this.context.state.sheets.map((s) => new FakeWorksheet(this.context, () => s.name));
      for (const ws of this.itemsLoaded) ws.loadNow(fields);
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load and sync first.");
    return this.itemsLoaded;
  }
  /** By name (any case) or id; the proxy then follows the sheet by its live name. */
  private byKey(key: string): () => string {
    return () => this.context.state.sheetByKey(key)?.name ?? key;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byKey(key));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.byKey(key)).checkExists();
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.activeSheet);
  }
  add(name: string): FakeWorksheet {
    let added: FakeSheet | null = null;
    this.context.enqueue(() => {
      checkSheetName(this.context.state, name);
      this.context.invalidate();
      added = this.context.state.addSheet(new FakeSheet(name));
    }, name);
    return new FakeWorksheet(this.context, () => (added as FakeSheet | null)?.name ?? name);
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly notes: FakeNoteCollection;

  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.notes = new FakeNoteCollection(context);
  }

  getSelectedRange(): FakeRange {
    const sel = () => this.context.state.selection ?? { sheet: this.context.state.activeSheet, address: "A1" };
    return new FakeRange(this.context, () => sel().sheet, () => parseRect(sel().address));
  }
}
