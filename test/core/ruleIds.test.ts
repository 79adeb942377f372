// Every rule id any code path can report is in the rule catalogue (src/core/rules/catalogue.ts), so that
// docs/rules.md and the pane's tooltips know it: found by reading src (test/support/ruleIdSites.ts), and by
// running the command line (决算 tables, 自评表 and its own rules) on the samples, the odd-file corpus and a
// copy with a hidden table.
import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkFile } from "../../src/cli/checkFiles";
import { ALL_RULES, ofTheSet, ruleSpec } from "../../src/core/rules/catalogue";
import { explainRule } from "../../src/taskpane/ruleHelp";
import { makeCorpus } from "../corpus/makeCorpus";
import { type RuleIdSite, scanRuleIds } from "../support/ruleIdSites";
import { ROOT, WUHAN_XLSX, tempDir } from "../support/workbooks";

const uncatalogued = (sites: readonly RuleIdSite[]) => sites.filter((s) => !ruleSpec(s.id)).map((s) => `${s.id} (${s.how}, ${s.where})`);

describe("the rule ids written in src", () => {
  let scan: ReturnType<typeof scanRuleIds>;
  let ids: Set<string>;
  beforeAll(() => {
    scan = scanRuleIds(ROOT);
    ids = new Set(scan.sites.map((s) => s.id));
  }, 60_000);

  it("are found at every kind of emitter: diag.add, finding(), ck.flag, the 自评表's add, the command line's, table-driven ids", () => {
    expect(scan.files).toBeGreaterThan(80);
    for (const id of ["AMT", "REC", "MISSING", "NOTE", "X3", "T1-57", "T7-1栏", "CAT-名称", "SET-年度", "SE-未识别", "SE-得分", "SE-执行率", "NO-CACHE", "HIDDEN", "NO-TABLE"]) {
      expect({ id, found: ids.has(id) }).toEqual({ id, found: true });
    }
    // The 评分标准 of a 自评表 row is also called `rule` (a column letter, a cell): it is not taken for an id.
    expect(ids.has("G")).toBe(false);
  });

  it("are all in the catalogue", () => {
    expect(uncatalogued(scan.sites)).toEqual([]);
  });

  it("built from a template (T2-类 …) match catalogue ids; their values are checked by running, below", () => {
    expect(scan.patterns.length).toBeGreaterThan(0);
    const unmatched = scan.patterns.filter((p) => !ALL_RULES.some((r) => p.pattern.test(r.id))).map((p) => `${p.pattern} (${p.where})`);
    expect(unmatched).toEqual([]);
  });
});

describe("the rule ids the command line reports", () => {
  it("on the samples, the odd-file corpus and a hidden table are all in the catalogue", async () => {
    const dir = tempDir();
    const hidden = join(dir, "hidden.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(WUHAN_XLSX);
    wb.getWorksheet("表7")!.state = "hidden";
    await wb.xlsx.writeFile(hidden);
    const samples = readdirSync(join(ROOT, "samples")).filter((f) => f.endsWith(".xlsx")).map((f) => join(ROOT, "samples", f));
    // The heavy corpus files test the limits; they report no rule a light one does not.
    const corpus = (await makeCorpus(tempDir())).filter((f) => !f.heavy).map((f) => f.path);
    const sites: RuleIdSite[] = [];
    for (const file of [...samples, hidden, ...corpus]) {
      const { report } = await checkFile(file, {});
      for (const f of report.findings ?? []) sites.push({ id: f.rule, where: file, how: "property" });
    }
    const seen = new Set(sites.map((s) => s.id));
    // Each family reported at least once: 决算 (表内, 表间, 读取), 自评表, the command line's own.
    for (const id of ["T1-57", "X3", "AMT", "MISSING", "SE-得分", "NO-CACHE", "HIDDEN"]) expect({ id, seen: seen.has(id) }).toEqual({ id, seen: true });
    expect(uncatalogued(sites)).toEqual([]);
  }, 120_000);
});

describe("the catalogue's answers to its readers", () => {
  it("explains every rule in the pane from the catalogue, the 自评表 and command-line ones too", () => {
    const generic = explainRule("NO-SUCH-RULE");
    expect(ALL_RULES.filter((r) => explainRule(r.id) === generic).map((r) => r.id)).toEqual([]);
    expect(explainRule("SE-得分")).toBe("自评表：按这一行自己的评分标准重新计算的得分与填报得分不一致。");
    expect(explainRule("NO-CACHE")).toMatch(/^命令行：公式未保存计算结果/);
  });

  it("tells the rules about the set of tables (left out of =JUESUAN.CHECK(range)) from the rules of one table", () => {
    expect(["X1", "X11", "SET-年度", "MISSING"].map(ofTheSet)).toEqual([true, true, true, true]);
    expect(["T1-57", "T2-类", "AMT", "REC", "SE-得分", "HIDDEN", "NO-SUCH-RULE"].map(ofTheSet)).toEqual([false, false, false, false, false, false, false]);
  });
});
