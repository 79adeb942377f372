// The checker's state and the first pass: each figure of the text given its role and subject (by the words
// before it: its clause, then its sentence, then its paragraph).
import type { Severity } from "../findings";
import type { Fact, FactKey, TableFigures } from "./figures";
import type { NarrativeInputs } from "./inputs";
import { type ReadText, type TextFigure, sentenceText } from "./reading";
import { type Subject, lastSubject, sameSubject } from "./subjects";
import { type Fig, type FigureStatus, type NarrativeFinding, type NarrativeRule, type Role, isAmount, sectionNumber, written } from "./checkTypes";

export function roleOf(f: TextFigure, clause: string): Pick<Fig, "role" | "base" | "decrease" | "denominator"> {
  if (f.unit === "%") {
    // What follows the last 占 is the whole the share is of (占本年支出的 → 本年支出).
    const at = clause.lastIndexOf("占");
    if (at >= 0) return { role: "share", denominator: withoutTrailing(withoutTrailing(clause.slice(at + 1).trimEnd(), "的").trimEnd(), "的").trim() };
    if (/(?:完成(?:年初)?预算的|执行率为?|完成率为?)\s*$/.test(clause)) return { role: "rate" };
    if (/(?:增长|下降|增加|减少)了?\s*$/.test(clause)) return { role: "changeRate" };
    return { role: "other" };
  }
  const change = /(增加|减少|节约|超支)了?\s*$/.exec(clause);
  if (change) return { role: "change", base: /比年初预算/.test(clause) ? "budget" : "last", decrease: change[1] === "减少" || change[1] === "节约" };
  if (/(?:年初预算|调整预算|预算)数?为?\s*$/.test(clause) && !/决算/.test(clause.slice(-6))) return { role: "budget" };
  return { role: "level" };
}

function withoutTrailing(text: string, suffix: string): string {
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

/** The table figure a level or budget amount stands for. */
export function tableKey(fig: Fig): FactKey | null {
  const s = fig.subject;
  if (!s) return null;
  if (fig.role === "level") {
    if (s.tag === "fact") return s.key;
    if (s.tag === "class") return `t5.class.${s.code}`;
    if (s.tag === "sangong") return `t7.final.${s.item}`;
  }
  if (fig.role === "budget" && s.tag === "sangong") return `t7.budget.${s.item}`;
  return null;
}

export class Checker {
  readonly findings: NarrativeFinding[] = [];
  readonly figs: Fig[] = [];
  constructor(
    readonly read: ReadText,
    readonly tables: TableFigures,
    readonly inputs: NarrativeInputs | undefined,
  ) {}

  /** A finding on `f`'s sentence; `related` are the figures it was compared with, whose sentences are quoted too. */
  flag(
    f: TextFigure,
    rule: NarrativeRule,
    severity: Severity,
    comparedWith: string,
    expected: string | null,
    found: string | null,
    difference: string | null,
    message: string,
    related: TextFigure[] = [],
  ) {
    const sentence = sentenceText(this.read, f);
    const also = [...new Set(related.map((g) => sentenceText(this.read, g)))].filter((x) => x !== sentence);
    const where = { paragraph: f.paragraph, line: this.read.paragraphs[f.paragraph].line, sentence, figure: written(f) };
    this.findings.push({ rule, severity, ...where, comparedWith, expected, found, difference, message, ...(also.length ? { also } : {}) });
  }

  mark(f: Fig, status: FigureStatus) {
    if (f.status.kind === "table") return;
    if (status.kind === "unchecked" && f.status.kind === "self") return;
    f.status = status;
  }

  fact(key: FactKey | null): Fact | undefined {
    return key ? this.tables.facts.get(key) : undefined;
  }

  /** The text's own figure for a subject in this paragraph, before `f` (a level or budget amount). */
  own(f: Fig, role: Role, subject: Subject | null): Fig | undefined {
    return this.figs.filter((g) => g.paragraph === f.paragraph && g.start < f.start && g.role === role && !g.nested && sameSubject(g.subject, subject)).pop();
  }

  /** The nearest level amount before `f` in its sentence (then its paragraph). */
  previousLevel(f: Fig): Fig | undefined {
    const before = this.figs.filter((g) => g.paragraph === f.paragraph && g.start < f.start && g.role === "level" && !g.nested && isAmount(g));
    return before.filter((g) => g.sentence === f.sentence).pop() ?? before.pop();
  }
}

const CONNECTOR = /^(?:支出决算|决算|年初预算|调整预算|预算|执行|实际支出|开支|支出)?数?(?:为|是|达)?$/;

/** The words after the last clause break (a comma between digits is a thousands separator, not a break). */
function lastClause(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === "," && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
    if (",;:，；：".includes(ch)) return text.slice(i + 1);
  }
  return text;
}

export function classify(ck: Checker): void {
  let section = 0;
  ck.read.paragraphs.forEach((p, pi) => {
    section = sectionNumber(p.text) ?? section;
    let paragraphSubject: Subject | null = null;
    for (const f of ck.read.figures.filter((x) => x.paragraph === pi)) {
      const [s] = p.sentences[f.sentence];
      const sentenceBefore = p.text.slice(s, f.start);
      const clause = lastClause(sentenceBefore);
      const role = roleOf(f, clause);
      const own = lastSubject(clause, section);
      // A clause with words of its own (燃料费, 外省市接待) names something else; only a bare 为/决算为/增加 inherits.
      const label = clause.replace(/^[\s(（]*(?:其中|\d+[.、]|\(\d+\))?[:：,]?\s*/, "").replace(/\s+/g, "");
      const inherits = role.role !== "level" || CONNECTOR.test(label);
      const inherited = () => lastSubject(sentenceBefore, section) ?? paragraphSubject ?? lastSubject(p.text.slice(0, s), section);
      const subject = own ?? (inherits ? inherited() : label ? { tag: "other" as const, name: label } : paragraphSubject);
      const sentenceSubject = lastSubject(sentenceBefore, section);
      if (sentenceSubject) paragraphSubject = sentenceSubject;
      ck.figs.push({ ...f, ...role, subject, status: { kind: "unchecked", reason: "" } });
    }
  });
}
