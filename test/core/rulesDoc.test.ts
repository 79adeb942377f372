// docs/rules.md is what the catalogue says, and every rule id the checker reports is in the catalogue.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ruleSpec } from "../../src/core/rules/catalogue";
import { validate } from "../../src/core/validate";
import { rulesMarkdown } from "../../scripts/rules-doc";
import { ROOT, SHANGHAI_XLSX, WUHAN_XLSX, readGrids, withCell } from "../support/workbooks";

describe("docs/rules.md", () => {
  it("is what npm run docs:rules makes from the catalogue (run it after changing a rule)", () => {
    expect(readFileSync(join(ROOT, "docs", "rules.md"), "utf8")).toBe(rulesMarkdown());
  });

  it("lists every rule id the samples and some broken copies of them produce", async () => {
    const wuhan = await readGrids(WUHAN_XLSX);
    const books = [
      wuhan,
      await readGrids(SHANGHAI_XLSX),
      withCell(wuhan, "表3", "D36", "#REF!"),
      withCell(wuhan, "表1", "F24", "见附表"),
      withCell(withCell(wuhan, "表8", "E6", 5), "表9", "E6", 3),
      wuhan.filter((g) => g.sheet !== "表6"),
    ];
    const ids = new Set(books.flatMap((b) => validate(b).findings.map((f) => f.rule)));
    expect(ids.size).toBeGreaterThan(10);
    expect([...ids].filter((id) => !ruleSpec(id))).toEqual([]);
  });
});
