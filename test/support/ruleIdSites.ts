// Every place in src that names a rule id, found by reading the code with the TypeScript compiler (syntax and
// types), so that a rule added anywhere without a catalogue entry is found without running it:
// - a literal given as a `rule` property, or for a parameter named `rule`, whose type is a plain string
//   (the 评分标准 of a 自评表 row is also called `rule`, but it is a cell: nullable, never a plain string);
// - a literal compared with a finding's `.rule` (`f.rule === "MISSING"`);
// - any literal shaped like an id of the numbered families (`T7-1栏`, `X3`, `SE-得分`, `SET-年度`, `CAT-名称`),
//   wherever it is written (table-driven rules keep their ids in fields of other names).
// A template literal in a `rule` place cannot be read to its values: it comes back as a pattern.
// The 情况说明 check (src/core/narrative, src/cli/narrativeCheck.ts) is left out: its findings are of another
// type, with their own closed union of rule names (NarrativeRule in src/core/narrative/checkTypes.ts).
import { join, relative } from "node:path";
import ts from "typescript";

export type SiteKind = "property" | "argument" | "comparison" | "shape";

export interface RuleIdSite {
  id: string;
  where: string;
  how: SiteKind;
}

export interface RuleIdPattern {
  pattern: RegExp;
  where: string;
}

const FAMILY_SHAPE = /^(?:T[1-9]-[\p{L}\p{N}]+|X\d{1,2}|SE-[\p{L}\p{N}]+|SET-\p{L}+|CAT-\p{L}+)$/u;

/** Files that define rule ids rather than report them, and files outside the scope above. */
const SKIP = [/^src\/core\/rules\/catalogue\.ts$/, /^src\/core\/narrative\//, /^src\/cli\/narrativeCheck\.ts$/];

function isPlainString(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isPlainString);
  return (type.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral)) !== 0;
}

function literalText(node: ts.Node): string | null {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

function templatePattern(node: ts.TemplateExpression): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${esc(node.head.text)}${node.templateSpans.map((s) => `.+${esc(s.literal.text)}`).join("")}$`, "u");
}

export function scanRuleIds(root: string): { sites: RuleIdSite[]; patterns: RuleIdPattern[]; files: number } {
  const files = ts.sys.readDirectory(join(root, "src"), [".ts", ".tsx"]).filter((f) => !SKIP.some((re) => re.test(relative(root, f).replace(/\\/g, "/"))));
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const sites: RuleIdSite[] = [];
  const patterns: RuleIdPattern[] = [];

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} was not read`);
    const where = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const ruleValue = (node: ts.Expression, how: SiteKind): void => {
      if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return ruleValue(node.expression, how);
      if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse].forEach((e) => ruleValue(e, how));
      const text = literalText(node);
      if (text !== null) sites.push({ id: text, where: where(node), how });
      else if (ts.isTemplateExpression(node)) patterns.push({ pattern: templatePattern(node), where: where(node) });
    };

    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === "rule") {
        const objectType = checker.getContextualType(node.parent as ts.ObjectLiteralExpression);
        const declared = objectType?.getProperty("rule");
        const type = declared ? checker.getTypeOfSymbol(declared) : checker.getTypeAtLocation(node.initializer);
        if (isPlainString(type)) ruleValue(node.initializer, "property");
      }
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const signature = checker.getResolvedSignature(node);
        node.arguments?.forEach((arg, i) => {
          const param = signature?.getParameters()[i];
          if (param?.getName() === "rule" && isPlainString(checker.getTypeOfSymbol(param))) ruleValue(arg, "argument");
        });
      }
      if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)) {
        const isRule = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === "rule";
        if (isRule(node.left)) ruleValue(node.right, "comparison");
        if (isRule(node.right)) ruleValue(node.left, "comparison");
      }
      const text = literalText(node);
      if (text !== null && FAMILY_SHAPE.test(text)) sites.push({ id: text, where: where(node), how: "shape" });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { sites, patterns, files: files.length };
}
