// docs/rules.md, written from the rule catalogue (src/core/rules/catalogue.ts). Run: npm run docs:rules
// test/core/rulesDoc.test.ts fails when the committed file is not what this makes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_RULES, type PrintedNote, type RuleKind, type RuleSpec } from "../src/core/rules/catalogue";
import { TABLE_IDS } from "../src/core/findings";
import { titleName } from "../src/core/tables/titles";

const SEVERITY: Record<RuleSpec["severity"], string> = { error: "错误", warning: "警告", info: "提示" };

function note(n: PrintedNote | undefined): string {
  if (!n) return "";
  const terms = n.terms.length > 4 ? `${n.terms[0]}+…+${n.terms[n.terms.length - 1]}` : n.terms.map((t, i) => (t < 0 ? `-${-t}` : i ? `+${t}` : `${t}`)).join("");
  return `${n.lhs}${n.unit}=(${terms})${n.unit}`;
}

function severity(r: RuleSpec): string {
  // A difference of an equality within the 尾差 envelope is a rounding warning, not an error.
  return r.severity === "error" && (r.kind === "表内" || r.kind === "表间") ? "错误（尾差范围内为尾差）" : SEVERITY[r.severity];
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** The columns of a section's table: only 决算 rules have printed notes; 自评表 rules are reported on the 自评表's own sheet. */
type Layout = "决算" | "表间" | "命令行" | "自评表";

function table(rules: readonly RuleSpec[], layout: Layout): string[] {
  const head = layout === "自评表" ? ["编号", "检查内容", "级别"] : ["编号", "检查内容", "报告在", ...(layout === "表间" ? ["需要的表"] : []), "级别", ...(layout === "命令行" ? [] : ["表下公式"])];
  const rows = rules.map((r) => {
    const where = r.tables.length === TABLE_IDS.length ? "各表" : r.tables.join("、") || "整个工作簿";
    const cells =
      layout === "自评表" ? [r.id, r.text, severity(r)] : [r.id, r.text, where, ...(layout === "表间" ? [r.needs?.join("、") ?? ""] : []), severity(r), ...(layout === "命令行" ? [] : [note(r.note)])];
    return `| ${cells.map(cell).join(" | ")} |`;
  });
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows];
}

export function rulesMarkdown(): string {
  const byKind = (k: RuleKind) => ALL_RULES.filter((r) => r.kind === k);
  const out: string[] = [
    "# 校验规则",
    "",
    "<!-- 由 scripts/rules-doc.ts 根据 src/core/rules/catalogue.ts 生成，请勿手工修改：npm run docs:rules -->",
    "",
    "决算助手对表1–表9逐表、逐表间校验。每条规则有一个编号，出现在单元格批注、任务窗格、校验报告和命令行输出中。",
    "",
    "## 通则",
    "",
    "- **金额精确到分**：按十进制精确计算（decimal.js），比较前四舍五入到 0.01。",
    "- **空白即为 0**：空白单元格以及“-”“—”等在每条规则中都按 0 计算（X9 也是如此：表7 决算数空白即上限为 0）。",
    "- **尾差**：等式两边相差不超过容差时报“尾差”（警告），超过时报“错误”。求和的容差为 0.005 ×（非零加数个数 + 1），向下取到分；两处应相同的数容差为 0.01。严格模式下任何差额都是错误。",
    "- **未能校验**：规则需要的某个数未读到（该行、该栏不在表中）或无法读取（错误值、文字），规则不静默通过，而是以该规则的编号报一条警告“未能校验”，说明是哪个数、为什么；同一规则同一个数只报一次。",
    "- **不适用**：模板本身不印某一栏或某一行（如表9 没有年末结转和结余栏），依赖它的规则对该表不适用，在结果中列出一次，不作为问题报告。",
    "- **读全**：识别出的每张表，其区域内（表头以下、表下注释以上，表头所及各栏）的每个金额要么读入，要么在“未能读取”类结果中点名。",
    "- **表以标题为准**：表是什么由标题决定，不论它印在第几张、编号为“公开几表”；九张表以外的表（项目支出决算表、机关运行经费等）列为“未校验的表”。",
    "",
    "## 九张表",
    "",
    "| 表 | 标题 |",
    "|---|---|",
    ...TABLE_IDS.map((id) => `| ${id} | ${titleName(id)} |`),
    "",
    "## 读取与识别",
    "",
    ...table(byKind("读取"), "决算"),
    "",
    "## 全套表的一致性",
    "",
    ...table(byKind("一致性"), "决算"),
    "",
    "## 表内规则",
    "",
  ];
  for (const id of TABLE_IDS) {
    const rules = byKind("表内").filter((r) => r.tables.includes(id));
    if (!rules.length) continue;
    out.push(`### ${id} ${titleName(id)}`, "", ...table(rules, "决算"), "");
  }
  out.push("## 表间规则", "", "需要的表中有一张未找到时，该规则不执行，“未找到”一条会列出受影响的规则。", "", ...table(byKind("表间"), "表间"), "");
  out.push(
    "## 命令行读取文件时",
    "",
    "命令行（juesuan check）自己读取 .xlsx 文件，读取时另外报告以下几条。",
    "",
    ...table(byKind("命令行"), "命令行"),
    "",
    "## 项目支出绩效自评表",
    "",
    "“检查自评表”（任务窗格）和命令行对每张自评表按它自己的评分标准逐行重新计分，并核对分值、得分和总分；结果报告在自评表所在的工作表上。",
    "",
    ...table(byKind("自评表"), "自评表"),
    "",
  );
  return out.join("\n");
}

if (require.main === module) {
  const path = join(__dirname, "..", "docs", "rules.md");
  writeFileSync(path, rulesMarkdown());
  console.log(`${path} written (${ALL_RULES.length} rules)`);
}
