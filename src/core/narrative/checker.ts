// The checker's state and the first pass: each figure of the text given its role and subject (by the words
// before it: its clause, then its sentence, then its paragraph).
import type { Severity } from "../findings";
import type { Fact, FactKey, TableFigures } from "./figures";
import type { NarrativeInputs } from "./inputs";
import { type ReadText, type TextFigure, sentenceText } from "./reading";
import { FigureIndex, byParagraph, offsetsOf } from "./figureIndex";
import { NamedSubjects, type Subject } from "./subjects";
import { type Fig, type FigureStatus, type NarrativeFinding, type NarrativeRule, type Role, sectionNumber, written } from "./checkTypes";

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

  private figureIndex?: FigureIndex;

  /** The figures by paragraph, for the rules after `classify` (built on first use: the figures are known then). */
  get index(): FigureIndex {
    this.figureIndex ??= new FigureIndex(this.figs, this.read.paragraphs.length);
    return this.figureIndex;
  }

  private readonly wordOffsets = new Map<string, number[]>();

  /** Every offset of `word` in paragraph `pi`: found once, for rules that would search back for it from each figure. */
  offsetsOf(pi: number, word: string): number[] {
    const key = `${pi}:${word}`;
    let list = this.wordOffsets.get(key);
    if (!list) {
      list = offsetsOf(this.read.paragraphs[pi].text, word);
      this.wordOffsets.set(key, list);
    }
    return list;
  }

  /** The text's own figure for a subject in this paragraph, before `f` (a level or budget amount). */
  own(f: Fig, role: Role, subject: Subject | null): Fig | undefined {
    return this.index.lastAbout(f, role, subject);
  }

  /**
   * The nearest level amount before `f` in its sentence (then its paragraph): the last one before it in the
   * paragraph, as figures come in order (when it is in an earlier sentence, none is in `f`'s).
   */
  previousLevel(f: Fig): Fig | undefined {
    return this.index.lastBefore(f.paragraph, f.start, "levelAmount");
  }
}

const CONNECTOR = /^(?:支出决算|决算|年初预算|调整预算|预算|执行|实际支出|开支|支出)?数?(?:为|是|达)?$/;
const BREAKS = ",;:，；：";
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/**
 * Where the clause before each figure of a sentence starts: after the last clause break before it (a comma
 * between digits is a thousands separator, not a break). Found moving forward once through the sentence:
 * reading back from every figure would cost the square of a long sentence's length.
 */
class ClauseStarts {
  private scanned: number;
  private lastBreak = -1;

  constructor(
    private readonly text: string,
    private readonly sentenceStart: number,
  ) {
    this.scanned = sentenceStart;
  }

  /** For a figure at `at` (figures in order). */
  before(at: number): number {
    // A comma before `at - 1` has both its neighbours in the words before any later figure: settled now.
    for (; this.scanned < at - 1; this.scanned++) {
      const i = this.scanned;
      const ch = this.text[i];
      const separator = ch === "," && i > this.sentenceStart && isDigit(this.text[i - 1]) && isDigit(this.text[i + 1]);
      if (BREAKS.includes(ch) && !separator) this.lastBreak = i;
    }
    // Right before the figure nothing follows in the words before it: a comma there is a break.
    if (at - 1 >= this.sentenceStart && BREAKS.includes(this.text[at - 1])) return at;
    return this.lastBreak >= 0 ? this.lastBreak + 1 : this.sentenceStart;
  }
}

/** The words of the sentence a figure stands in: its mentions and clauses, read once for all its figures. */
interface SentenceWords {
  sentence: number;
  names: NamedSubjects;
  clauses: ClauseStarts;
}

export function classify(ck: Checker): void {
  let section = 0;
  const figures = byParagraph(ck.read.figures, ck.read.paragraphs.length);
  ck.read.paragraphs.forEach((p, pi) => {
    section = sectionNumber(p.text) ?? section;
    let paragraphSubject: Subject | null = null;
    // The paragraph's mentions, for a figure whose sentence names nothing (built on first use).
    let paragraphNames: NamedSubjects | undefined;
    let words: SentenceWords | undefined;
    for (const f of figures[pi]) {
      const [s, e] = p.sentences[f.sentence];
      if (words?.sentence !== f.sentence) words = { sentence: f.sentence, names: new NamedSubjects(p.text.slice(s, e), section), clauses: new ClauseStarts(p.text, s) };
      const clauseStart = words.clauses.before(f.start);
      const clause = p.text.slice(clauseStart, f.start);
      const role = roleOf(f, clause);
      const own = words.names.lastIn(clauseStart - s, f.start - s);
      // A clause with words of its own (燃料费, 外省市接待) names something else; only a bare 为/决算为/增加 inherits.
      const label = clause.replace(/^[\s(（]*(?:其中|\d+[.、]|\(\d+\))?[:：,]?\s*/, "").replace(/\s+/g, "");
      const inherits = role.role !== "level" || CONNECTOR.test(label);
      const sentenceSubject = words.names.lastIn(0, f.start - s);
      const inherited = () => sentenceSubject ?? paragraphSubject ?? (paragraphNames ??= new NamedSubjects(p.text, section)).lastIn(0, s);
      const subject = own ?? (inherits ? inherited() : label ? { tag: "other" as const, name: label } : paragraphSubject);
      if (sentenceSubject) paragraphSubject = sentenceSubject;
      ck.figs.push({ ...f, ...role, subject, status: { kind: "unchecked", reason: "" } });
    }
  });
}
