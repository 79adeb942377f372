// Workbook names SCORE.INDICATOR, SCORE.BUDGET, SCORE.BAND, SCORE.QUALITATIVE and SCORE.GRADE, each a LAMBDA over
// its JUESUAN function, so that `=SCORE.INDICATOR(B5,C5,D5)` works as typed where Excel has LAMBDA (the long form
// `=JUESUAN.SCORE.INDICATOR(…)` works everywhere).
// - A defined name may contain periods: "Remaining characters in the name can be letters, numbers, periods, and
//   underscore characters" (Microsoft, "Define and use names in formulas"; ECMA-376 Part 1 §18.17 "Names").
// - NamedItemCollection.add(name, reference, comment) takes a formula as its reference (ExcelApi 1.4,
//   https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemcollection).
// - Adding a LAMBDA name through Office.js is reported to fail on some builds ("I want to make them available to
//   user as a named function … addFormulaLocal fails", OfficeDev/office-js#2895), and Excel without LAMBDA cannot
//   evaluate one: each name is added in its own sync, and every name that could not be added is said, never hidden.
import type { ExcelHost } from "./host";

export interface ScoreName {
  name: string;
  /** The JUESUAN function it stands for (its id in functions.json). */
  target: string;
  params: string[];
  /** Trailing parameters that may be left out (LAMBDA's [param]). */
  optional: string[];
  comment: string;
}

export const SCORE_NAMES: ScoreName[] = [
  { name: "SCORE.INDICATOR", target: "JUESUAN.SCORE.INDICATOR", params: ["target", "actual", "weight"], optional: ["method"], comment: "绩效指标得分（决算助手）" },
  { name: "SCORE.BUDGET", target: "JUESUAN.SCORE.BUDGET", params: ["budget", "executed"], optional: ["weight"], comment: "预算执行得分（决算助手）" },
  { name: "SCORE.BAND", target: "JUESUAN.SCORE.BAND", params: ["actual", "rule"], optional: [], comment: "按分档计分（决算助手）" },
  { name: "SCORE.QUALITATIVE", target: "JUESUAN.SCORE.QUALITATIVE", params: ["grade", "weight"], optional: [], comment: "定性指标得分（决算助手）" },
  { name: "SCORE.GRADE", target: "JUESUAN.SCORE.GRADE", params: ["total"], optional: [], comment: "绩效等级（决算助手）" },
];

/**
 * `=LAMBDA(target,actual,weight,[method],IF(ISOMITTED(method),JUESUAN.SCORE.INDICATOR(target,actual,weight),
 * JUESUAN.SCORE.INDICATOR(target,actual,weight,method)))`: an omitted optional argument stays omitted.
 */
export function lambdaFormula(n: ScoreName): string {
  const call = (args: string[]) => `${n.target}(${args.join(",")})`;
  const head = [...n.params, ...n.optional.map((p) => `[${p}]`)].join(",");
  let body = call([...n.params, ...n.optional]);
  // Innermost first: with every optional argument given, else without the last, and so on.
  for (let i = n.optional.length - 1; i >= 0; i--) body = `IF(ISOMITTED(${n.optional[i]}),${call([...n.params, ...n.optional.slice(0, i)])},${body})`;
  return `=LAMBDA(${head},${body})`;
}

export interface DefinedNames {
  added: string[];
  /** Already defined as this add-in defines them. */
  present: string[];
  /** Defined by someone else with another formula: left as they are. */
  kept: string[];
  failed: string[];
}

/** Adds the SCORE.* names that are missing; one sync to look, then one per name added. */
export async function defineScoreNames(host: ExcelHost): Promise<DefinedNames> {
  return host.run(async (context) => {
    const names = context.workbook.names;
    const existing = SCORE_NAMES.map((n) => names.getItemOrNullObject(n.name).load("formula"));
    await context.sync();
    const result: DefinedNames = { added: [], present: [], kept: [], failed: [] };
    for (const [i, n] of SCORE_NAMES.entries()) {
      const item = existing[i];
      const formula = lambdaFormula(n);
      if (!item.isNullObject) {
        (sameFormula(item.formula, formula) ? result.present : result.kept).push(n.name);
        continue;
      }
      try {
        names.add(n.name, formula, n.comment);
        await context.sync();
        result.added.push(n.name);
      } catch {
        result.failed.push(n.name);
      }
    }
    return result;
  });
}

/** Excel may give a name's formula back with other spacing or case. */
function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, "").toUpperCase();
  return norm(a) === norm(b);
}

/** What happened, in words for the pane. */
export function describeScoreNames(r: DefinedNames): { intent: "success" | "warning" | "error"; text: string } {
  const parts = [
    r.added.length ? `已定义 ${r.added.join("、")}` : "",
    r.present.length ? `${r.present.join("、")} 已存在` : "",
    r.kept.length ? `${r.kept.join("、")} 已被本工作簿用作其他名称，未覆盖` : "",
    r.failed.length ? `${r.failed.join("、")} 无法定义（此版本的 Excel 可能不支持 LAMBDA 名称）：请使用完整写法，如 =JUESUAN.SCORE.INDICATOR(…)` : "",
  ].filter(Boolean);
  const intent = r.failed.length ? (r.added.length + r.present.length ? "warning" : "error") : r.kept.length ? "warning" : "success";
  return { intent, text: `${parts.join("；")}。` };
}
