// The SCORE.* workbook names: LAMBDAs whose parameters are the JUESUAN functions' own, and how adding them is
// reported on a stand-in for Office.js's NamedItemCollection (the shared fake host has no names).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExcelHost } from "../../src/excel/host";
import { SCORE_NAMES, defineScoreNames, describeScoreNames, lambdaFormula } from "../../src/excel/scoreNames";
import { ROOT } from "../support/workbooks";

/** `@customfunction SCORE.BUDGET …` and its `@param` names, from the JSDoc the metadata is generated from. */
function declaredParams(): Map<string, string[]> {
  const source = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");
  const out = new Map<string, string[]>();
  for (const block of source.split("/**").slice(1)) {
    const id = /@customfunction (\S+)/.exec(block)?.[1];
    if (!id) continue;
    out.set(`JUESUAN.${id}`, [...block.matchAll(/@param (\[?)(\w+)/g)].map((m) => m[2]).filter((p) => p !== "invocation"));
  }
  return out;
}

describe("SCORE.* names", () => {
  it("take the parameters of the function they stand for, optional ones last", () => {
    const declared = declaredParams();
    for (const n of SCORE_NAMES) expect([...n.params, ...n.optional]).toEqual(declared.get(n.target));
  });

  it.each([
    ["SCORE.INDICATOR", "=LAMBDA(target,actual,weight,[method],IF(ISOMITTED(method),JUESUAN.SCORE.INDICATOR(target,actual,weight),JUESUAN.SCORE.INDICATOR(target,actual,weight,method)))"],
    ["SCORE.BUDGET", "=LAMBDA(budget,executed,[weight],IF(ISOMITTED(weight),JUESUAN.SCORE.BUDGET(budget,executed),JUESUAN.SCORE.BUDGET(budget,executed,weight)))"],
    ["SCORE.BAND", "=LAMBDA(actual,rule,JUESUAN.SCORE.BAND(actual,rule))"],
    ["SCORE.QUALITATIVE", "=LAMBDA(grade,weight,JUESUAN.SCORE.QUALITATIVE(grade,weight))"],
    ["SCORE.GRADE", "=LAMBDA(total,JUESUAN.SCORE.GRADE(total))"],
  ])("%s is %s", (name, formula) => {
    const n = SCORE_NAMES.find((x) => x.name === name);
    expect(n && lambdaFormula(n)).toBe(formula);
  });

  it("are valid defined names: a letter first, then letters, digits, periods; not a cell reference", () => {
    for (const n of SCORE_NAMES) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
    }
  });
});

/** Office.js's names as far as defineScoreNames uses them: queued until sync, a failing add throws at its sync. */
function namesHost(initial: Record<string, string>, refuse: string[] = []) {
  const defined = new Map(Object.entries(initial));
  let pending: (() => void)[] = [];
  const state = { syncs: 0, defined };
  const context = {
    workbook: {
      names: {
        getItemOrNullObject(name: string) {
          const item = { isNullObject: true, formula: "", load: () => item };
          pending.push(() => {
            const f = defined.get(name);
            item.isNullObject = f === undefined;
            item.formula = f ?? "";
          });
          return item;
        },
        add(name: string, formula: string) {
          pending.push(() => {
            if (refuse.includes(name)) throw new Error("InvalidArgument");
            defined.set(name, formula);
          });
        },
      },
    },
    async sync() {
      state.syncs++;
      const run = pending;
      pending = [];
      for (const f of run) f();
    },
  };
  const host = { run: (batch: (c: never) => Promise<unknown>) => batch(context as never) } as unknown as ExcelHost;
  return { host, state };
}

describe("defineScoreNames", () => {
  it("adds the five names in a workbook that has none: one sync to look, one per name", async () => {
    const { host, state } = namesHost({});
    const r = await defineScoreNames(host);
    expect(r).toEqual({ added: SCORE_NAMES.map((n) => n.name), present: [], kept: [], failed: [] });
    expect(state.syncs).toBe(6);
    expect(state.defined.get("SCORE.GRADE")).toBe("=LAMBDA(total,JUESUAN.SCORE.GRADE(total))");
    expect(describeScoreNames(r)).toEqual({ intent: "success", text: "已定义 SCORE.INDICATOR、SCORE.BUDGET、SCORE.BAND、SCORE.QUALITATIVE、SCORE.GRADE。" });
  });

  it("leaves a user's own name alone, knows its own, and says which could not be added", async () => {
    const grade = SCORE_NAMES[4];
    const { host, state } = namesHost({ "SCORE.BAND": "=Sheet1!$A$1", "SCORE.GRADE": lambdaFormula(grade).toLowerCase() }, ["SCORE.QUALITATIVE"]);
    const r = await defineScoreNames(host);
    expect(r).toEqual({ added: ["SCORE.INDICATOR", "SCORE.BUDGET"], present: ["SCORE.GRADE"], kept: ["SCORE.BAND"], failed: ["SCORE.QUALITATIVE"] });
    expect(state.defined.get("SCORE.BAND")).toBe("=Sheet1!$A$1");
    const said = describeScoreNames(r);
    expect(said.intent).toBe("warning");
    expect(said.text).toMatch(/SCORE\.QUALITATIVE 无法定义（此版本的 Excel 可能不支持 LAMBDA 名称）：请使用完整写法/);
    expect(said.text).not.toMatch(/InvalidArgument/);
  });
});
