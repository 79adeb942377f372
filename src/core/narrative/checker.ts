// The checker's state and the first pass: each figure of the text given its role and subject (by the words
// before it: its clause, then its sentence, then its paragraph).
import type { Severity } from "../findings";
import type { Fact, FactKey, TableFigures } from "./figures";
import type { NarrativeInputs } from "./inputs";
import { type ReadText, type TextFigure, sentenceText } from "./reading";
import { FigureIndex, byParagraph, countBelow, offsetsOf } from "./figureIndex";
import { NamedSubjects, type Subject } from "./subjects";
import { type Fig, type FigureStatus, type NarrativeFinding, type NarrativeRule, type Role, sectionNumber, written } from "./checkTypes";

/** Where a word last occurs in a clause (as `clause.lastIndexOf(word)`), or -1. */
export type LastIndexOf = (word: string) => number;

/**
 * A figure's role, by the words of its clause. Only the end of the clause is read (and `lastIndexOf` finds a
 * word in it from offsets found once): a clause without breaks may be as long as its paragraph.
 */
export function roleOf(f: TextFigure, clause: string, lastIndexOf: LastIndexOf = (w) => clause.lastIndexOf(w)): Pick<Fig, "role" | "base" | "decrease" | "denominator"> {
  // The words right before the figure, spaces aside (as `\s*$` would skip them): longer than any ending tested below.
  const end = clause.trimEnd().slice(-12);
  if (f.unit === "%") {
    // What follows the last 占 is the whole the share is of (占本年支出的 → 本年支出).
    const at = lastIndexOf("占");
    if (at >= 0) return { role: "share", denominator: withoutTrailing(withoutTrailing(clause.slice(at + 1).trimEnd(), "的").trimEnd(), "的").trim() };
    if (/(?:完成(?:年初)?预算的|执行率为?|完成率为?)$/.test(end)) return { role: "rate" };
    if (/(?:增长|下降|增加|减少)了?$/.test(end)) return { role: "changeRate" };
    return { role: "other" };
  }
  const change = /(增加|减少|节约|超支)了?$/.exec(end);
  if (change) return { role: "change", base: lastIndexOf("比年初预算") >= 0 ? "budget" : "last", decrease: change[1] === "减少" || change[1] === "节约" };
  if (/(?:年初预算|调整预算|预算)数?为?$/.test(end) && !/决算/.test(clause.slice(-6))) return { role: "budget" };
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

  /** Where `word` last occurs within `[from, to)` of paragraph `pi`, counted from `from` (-1: not there). */
  lastIndexIn(pi: number, word: string, from: number, to: number): number {
    const offsets = this.offsetsOf(pi, word);
    const at = offsets[countBelow(offsets, (n) => n, to - word.length + 1) - 1] ?? -1;
    return at >= from ? at - from : -1;
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
    readonly sentenceStart: number,
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

/**
 * The subject of a figure whose clause names none. A clause with words of its own (燃料费, 外省市接待) names
 * something else; only a bare 为/决算为/增加 inherits (and so does every figure that is not a level amount).
 */
function subjectOfWords(role: Role, clause: string, inherited: () => Subject | null, paragraphSubject: Subject | null): Subject | null {
  if (role !== "level") return inherited();
  const label = clause.replace(/^[\s(（]*(?:其中|\d+[.、]|\(\d+\))?[:：,]?\s*/, "").replace(/\s+/g, "");
  if (CONNECTOR.test(label)) return inherited();
  return label ? { tag: "other", name: label } : paragraphSubject;
}

export function classify(ck: Checker): void {
  let section = 0;
  const figures = byParagraph(ck.read.figures, ck.read.paragraphs.length);
  ck.read.paragraphs.forEach((p, pi) => {
    section = sectionNumber(p.text) ?? section;
    if (!figures[pi].length) return;
    let paragraphSubject: Subject | null = null;
    // The subjects named in the paragraph, found once: the words before each figure are asked for.
    const names = new NamedSubjects(p.text, section);
    let clauses: ClauseStarts | undefined;
    for (const f of figures[pi]) {
      const [s] = p.sentences[f.sentence];
      if (clauses?.sentenceStart !== s) clauses = new ClauseStarts(p.text, s);
      const clauseStart = clauses.before(f.start);
      const clause = p.text.slice(clauseStart, f.start);
      const role = roleOf(f, clause, (word) => ck.lastIndexIn(pi, word, clauseStart, f.start));
      const sentenceSubject = names.lastIn(s, f.start);
      const inherited = () => sentenceSubject ?? paragraphSubject ?? names.lastIn(0, s);
      const subject = names.lastIn(clauseStart, f.start) ?? subjectOfWords(role.role, clause, inherited, paragraphSubject);
      if (sentenceSubject) paragraphSubject = sentenceSubject;
      ck.figs.push({ ...f, ...role, subject, status: { kind: "unchecked", reason: "" } });
    }
  });
}
