// The command line on a workbook whose only content is a 自评 得分情况 summary (the 摘要版: 项目 | 设定分值 | 得分 |
// 得分率, read by src/core/scoring/readSummary.ts): it was checked, so the report says what was checked, never
// "没有进行任何校验", and the exit code is that of its findings. A workbook with nothing checked still exits 1.
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { Cell } from "../../scripts/samples/sheetSpec";
import { ROOT, writeTemp } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run(args, (t) => {
    out += t;
  });
  return { code, out };
}

/** The seed's 部门整体 得分情况 as the report prints it; `satisfied` is its printed 满意度 得分率. */
function summary(satisfied: string): Cell[][] {
  return [
    ["一、部门整体绩效自评得分", null, null, null],
    ["项目", "设定分值", "评价得分", "得分率"],
    ["预算管理", 20, 20, "100.00%"],
    ["产出指标", 30, 30, "100.00%"],
    ["效益指标", 20, 20, "100.00%"],
    ["满意度指标", 30, 28, satisfied],
    ["合计", 100, 98, "98.00%"],
  ];
}

const book = (rows: Cell[][], name = "摘要") => writeTemp([{ name, rows, merges: [], headerRows: [] }], "summary.xlsx");

describe("juesuan check on a workbook holding only a 自评 得分情况 summary", () => {
  it("a right summary: says it checked the summary, no MISSING, exits 0", async () => {
    const { code, out } = await cli("check", await book(summary("93.33%")));
    expect(out).toContain("✓ 自评得分情况 ← 工作表「摘要」：预算管理、产出指标、效益指标、满意度指标、合计，已核对各项得分率 = 得分/分值、合计得分 = 各项得分之和");
    expect(out).not.toMatch(/没有进行任何校验|MISSING|NO-TABLE|未识别为表1–表9/);
    expect(out).toMatch(/结果：未发现问题|结果：0 处错误/);
    expect(code).toBe(0);
  });

  it("a wrong 得分率 (91.67% for 28/30): that one error, exit 1, and still no MISSING", async () => {
    const { code, out } = await cli("check", await book(summary("91.67%")));
    expect(out).toMatch(/\[错误\] SE-得分率 摘要!D6：.*满意度指标得分率 91\.67% 与 28\.00\/30\.00 = 93\.33% 不符/);
    expect(out).not.toMatch(/没有进行任何校验|MISSING|NO-TABLE/);
    expect(code).toBe(1);
  });

  it("--json: the summary is listed with what was read; the only finding is the wrong rate", async () => {
    const { code, out } = await cli("check", await book(summary("91.67%")), "--json");
    const report = JSON.parse(out);
    expect(code).toBe(1);
    expect(report.selfEvalSummaries).toEqual([{ sheet: "摘要", project: "工作表「摘要」", items: ["预算管理", "产出指标", "效益指标", "满意度指标", "合计"] }]);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(["SE-得分率"]);
  });

  it("without a 得分率 column it is no summary: nothing was checked, exit 1 with MISSING", async () => {
    const rows = summary("93.33%").slice(1).map((r) => r.slice(0, 3));
    const { code, out } = await cli("check", await book(rows));
    expect(code).toBe(1);
    expect(out).toMatch(/\[错误\] MISSING：未找到表1–表9中的任何一张，没有进行任何校验/);
    expect(out).not.toContain("自评得分情况");
  });

  it("with its 自评 heading but no 得分率 column: the heading is named as not read (SE-未识别), exit 1", async () => {
    const rows = summary("93.33%").map((r) => r.slice(0, 3));
    const { code, out } = await cli("check", await book(rows));
    expect(code).toBe(1);
    expect(out).toMatch(/\[错误\] SE-未识别 摘要!A1：.*“一、部门整体绩效自评得分”.*无法读取/);
    expect(out).not.toContain("✓ 自评得分情况");
  });

  it("a 决算 workbook is reported as before: no 自评 line", async () => {
    const { out } = await cli("check", join(ROOT, "samples", "wuhan-2020.xlsx"));
    expect(out).not.toMatch(/自评得分情况|自评表/);
  });
});
