// Proxy objects with the Excel JavaScript API's semantics: methods return proxies at once, property writes and
// loads are queued, `sync()` runs the queue in order, and reading a property that was not loaded and synced
// throws PropertyNotLoaded, as Excel does.
import type { Rect } from "../../src/core/grid";
import { a1, parseA1 } from "../../src/core/grid";
import type { CellValue } from "../../src/core/money";
import { type FakeFill, FakeSheet, type FakeWorkbook, NO_FILL } from "./state";
import { FakeChartCollection } from "./charts";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export class FakeContext {
  private queue: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly state: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.state.syncCount++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
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

  constructor(readonly context: FakeContext) {}

  /** Read a property's current value from the workbook state (runs at sync time). */
  protected abstract read(prop: string): unknown;

  /** Whether the object exists, for *OrNullObject proxies (runs at sync time). */
  protected exists(): boolean {
    return true;
  }

  load(props?: unknown): this {
    const list = propertyList(props);
    this.context.enqueue(() => this.loadNow(list));
    return this;
  }

  /** Take the values now: the queued part of `load`, also used by collections for their items. */
  loadNow(list: string[]): void {
    this.nullObject = !this.exists();
    if (this.nullObject) return;
    for (const p of list) this.loaded.set(p.split("/")[0], this.read(p));
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

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new FakeOfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available until the object is loaded and synced.");
    return this.nullObject;
  }

  protected write(op: () => void): void {
    this.context.enqueue(() => {
      if (!this.exists()) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      op();
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
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
  const s = ctx.state.sheet(name());
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
    });
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
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
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
  private merged(): Rect[] {
    const r = this.range.rect();
    return this.range.sheet().merges.filter((m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left);
  }
  protected override exists(): boolean {
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
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
    /** Worked out when an operation runs: a used range depends on the state at that point of the batch. */
    readonly rect: () => Rect,
    private readonly present: () => boolean = () => true,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
  }

  sheet(): FakeSheet {
    return sheetOf(this.context, this.sheetName);
  }

  override exists(): boolean {
    return this.context.state.sheet(this.sheetName()) !== undefined && this.present();
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

  protected read(prop: string): unknown {
    const r = this.rect();
    const sheet = this.sheet();
    switch (prop) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${rectAddress(r)}`;
      case "values":
        return this.grid((a) => sheet.peek(a)?.value ?? "");
      case "formulas":
        return this.grid((a) => sheet.peek(a)?.formula ?? sheet.peek(a)?.value ?? "");
      case "numberFormat":
        return this.grid((a) => sheet.peek(a)?.numberFormat ?? "General");
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
      if (data.length !== r.bottom - r.top + 1 || data.some((row) => row.length !== r.right - r.left + 1)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      data.forEach((row, i) => row.forEach((v, j) => apply(a1(r.top + i, r.left + j), v)));
    });
  }

  set values(data: CellValue[][]) {
    this.writeGrid(data, (address, v) => {
      const cell = this.sheet().cell(address);
      if (typeof v === "string" && v.startsWith("=")) {
        cell.formula = v;
        cell.value = null;
      } else {
        delete cell.formula;
        cell.value = v === "" ? null : (v as CellValue);
      }
    });
  }

  set formulas(data: CellValue[][]) {
    this.values = data;
  }

  set numberFormat(data: string[][]) {
    this.writeGrid(data, (address, v) => (this.sheet().cell(address).numberFormat = String(v)));
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write(() => {
      for (const a of this.addresses()) this.sheet().cell(a).hyperlink = link;
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col };
    });
  }

  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => {
      const r = this.rect();
      return { ...r, bottom: r.bottom + rows, right: r.right + cols };
    });
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
    const s = this.context.state.sheet(this.sheetName());
    return !!s && s.notes.has(this.address());
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
    this.write(() => sheetOf(this.context, this.sheetName).notes.set(this.address(), v));
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
    if (!this.context.state.excelApi || Number(this.context.state.excelApi.split(".")[1]) < 18) {
      throw new FakeOfficeError("ApiNotFound", "The notes API needs ExcelApi 1.18.");
    }
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
      s.notes.set(a, content);
    });
    return new FakeNote(this.context, sheet, address);
  }

  getItemOrNullObject(key: string): FakeNote {
    const { sheet, address } = splitAddress(this.context, key, this.sheetName);
    return new FakeNote(this.context, sheet, address);
  }

  getItem(key: string): FakeNote {
    return this.getItemOrNullObject(key);
  }
}

export class FakeWorksheet extends ClientObject {
  readonly notes: FakeNoteCollection;
  /** Chart recording lives in ./charts.ts. */
  readonly charts: FakeChartCollection;

  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
  ) {
    super(ctx);
    this.notes = new FakeNoteCollection(ctx, sheetName);
    this.charts = new FakeChartCollection(ctx, sheetName);
  }
  protected override exists(): boolean {
    return this.context.state.sheet(this.sheetName()) !== undefined;
  }
  protected read(prop: string): unknown {
    const s = sheetOf(this.context, this.sheetName);
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    if (prop === "position") return this.context.state.sheets.indexOf(s);
    return null;
  }
  get name(): string {
    return this.value("name");
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
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const rect = () => sheetOf(this.context, this.sheetName).usedRect(valuesOnly);
    return new FakeRange(this.context, this.sheetName, () => rect() ?? { top: 0, left: 0, bottom: 0, right: 0 }, () => rect() !== null);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.sheetName, () => sheetOf(this.context, this.sheetName).usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  activate(): void {
    this.write(() => (this.context.state.activeSheet = this.sheetName()));
  }
  delete(): void {
    this.write(() => {
      const s = sheetOf(this.context, this.sheetName);
      this.context.state.sheets = this.context.state.sheets.filter((x) => x !== s);
    });
  }
}

export class FakeWorksheetCollection extends ClientObject {
  private itemsLoaded: FakeWorksheet[] | undefined;

  protected read(): unknown {
    return null;
  }
  override load(props?: unknown): this {
    const fields = propertyList(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue(() => {
      this.itemsLoaded = this.context.state.sheets.map((s) => new FakeWorksheet(this.context, () => s.name));
      for (const ws of this.itemsLoaded) ws.loadNow(fields);
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load and sync first.");
    return this.itemsLoaded;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => name);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.activeSheet);
  }
  add(name: string): FakeWorksheet {
    this.context.enqueue(() => {
      if (this.context.state.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      this.context.state.sheets.push(new FakeSheet(name));
    });
    return new FakeWorksheet(this.context, () => name);
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
