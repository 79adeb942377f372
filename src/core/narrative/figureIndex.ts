// The figures of each paragraph in text order, and the last figure of a kind before a place in one. The
// rules look for a figure near another (the amount before a share, the budget before a rate, the total
// before a 其中); searching every figure of the text for each figure cost the square of the text's length,
// so each list is built once (on first use) and a query is a binary search in it.
import { type Fig, type Role, isAmount } from "./checkTypes";
import { type Subject, subjectKey } from "./subjects";

/** Items that come in paragraph order, grouped by paragraph (one pass). */
export function byParagraph<T extends { paragraph: number }>(items: readonly T[], paragraphs: number): T[][] {
  const out: T[][] = Array.from({ length: paragraphs }, () => []);
  for (const item of items) out[item.paragraph].push(item);
  return out;
}

/** How many of `items` (sorted by `key`) have a key below `limit`. */
export function countBelow<T>(items: readonly T[], key: (item: T) => number, limit: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every offset of `word` in `text`, in order (one pass, for binary searches). */
export function offsetsOf(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) out.push(at);
  return out;
}

const startOf = (g: Fig) => g.start;
const isPart = (g: Fig) => (g.role === "level" || g.unit === "count") && g.unit !== "%";

/** The kinds of figure a rule looks back for. */
const KINDS = {
  /** The amount a share or a rate is of (Checker.previousLevel). */
  levelAmount: (g: Fig) => g.role === "level" && !g.nested && isAmount(g),
  /** The text's own 年初预算 before a rate. */
  budget: (g: Fig) => g.role === "budget" && !g.nested,
  /** The total of a 其中 before an unnamed share. */
  shareTotal: (g: Fig) => g.role === "level" && g.unit !== "%" && !g.nested,
  /** The change before a 其中 (减少 7.73 万元，其中：…). */
  notPercent: (g: Fig) => g.unit !== "%",
  /** The total before a 其中, outside brackets or inside them. */
  partOuter: (g: Fig) => isPart(g) && !g.nested,
  partNested: (g: Fig) => isPart(g) && g.nested,
} satisfies Record<string, (g: Fig) => boolean>;

export type FigureKind = keyof typeof KINDS;

export class FigureIndex {
  private readonly paragraphs: Fig[][];
  private readonly position = new Map<Fig, number>();
  private readonly lastOfKind = new Map<string, (Fig | undefined)[]>();
  private readonly aboutLists = new Map<string, Map<string, Fig[]>>();
  private levelAmounts?: Map<string, Fig[]>;

  constructor(
    readonly figs: readonly Fig[],
    paragraphCount: number,
  ) {
    this.paragraphs = byParagraph(figs, paragraphCount);
    for (const list of this.paragraphs) list.forEach((g, i) => this.position.set(g, i));
  }

  /** The figures of paragraph `pi`, in text order. */
  in(pi: number): readonly Fig[] {
    return this.paragraphs[pi] ?? [];
  }

  /** The figure after `f` in its paragraph. */
  next(f: Fig): Fig | undefined {
    return this.paragraphs[f.paragraph][(this.position.get(f) ?? -1) + 1];
  }

  /** How many figures of paragraph `pi` start before `offset`. */
  countBefore(pi: number, offset: number): number {
    return countBelow(this.in(pi), startOf, offset);
  }

  /** The last figure of paragraph `pi` of `kind` that starts before `offset`. */
  lastBefore(pi: number, offset: number, kind: FigureKind): Fig | undefined {
    const n = this.countBefore(pi, offset);
    return n ? this.lastOf(pi, kind)[n - 1] : undefined;
  }

  /** For each figure of the paragraph, the last figure of `kind` up to it (built in one pass, on first use). */
  private lastOf(pi: number, kind: FigureKind): (Fig | undefined)[] {
    const key = `${kind}:${pi}`;
    let list = this.lastOfKind.get(key);
    if (!list) {
      let last: Fig | undefined;
      list = this.in(pi).map((g) => (last = KINDS[kind](g) ? g : last));
      this.lastOfKind.set(key, list);
    }
    return list;
  }

  /** The last figure before `f` in its paragraph with `role`, not nested, about `subject` (Checker.own). */
  lastAbout(f: Fig, role: Role, subject: Subject | null): Fig | undefined {
    if (!subject) return undefined;
    const key = `${f.paragraph}:${role}`;
    let bySubject = this.aboutLists.get(key);
    if (!bySubject) {
      bySubject = groupBySubject(this.in(f.paragraph).filter((g) => g.role === role && !g.nested));
      this.aboutLists.set(key, bySubject);
    }
    const list = bySubject.get(subjectKey(subject)) ?? [];
    const n = countBelow(list, startOf, f.start);
    return n ? list[n - 1] : undefined;
  }

  /**
   * The last level amount about `subject` (nested or not, other than `part`) before `f` as the share rule
   * reads "before": in `f`'s paragraph (`here`), or else in an earlier one at a smaller offset in its
   * paragraph than `f` has in its own.
   */
  lastLevelAmount(f: Fig, subject: Subject, part: Fig, here: boolean): Fig | undefined {
    this.levelAmounts ??= this.groupLevelAmounts();
    const list = this.levelAmounts.get(subjectKey(subject)) ?? [];
    const order = (g: Fig) => g.paragraph * 2 ** 32 + g.start;
    for (let i = countBelow(list, order, order(f)) - 1; i >= 0; i--) {
      const g = list[i];
      if (g.paragraph === f.paragraph) {
        if (here && g !== part) return g;
      } else if (here) return undefined;
      else if (g.start < f.start) return g;
    }
    return undefined;
  }

  private groupLevelAmounts(): Map<string, Fig[]> {
    return groupBySubject(this.figs.filter((g) => g.role === "level" && isAmount(g)));
  }
}

/** Figures by subject (figures without one left out), each list in the order given. */
function groupBySubject(figs: readonly Fig[]): Map<string, Fig[]> {
  const out = new Map<string, Fig[]>();
  for (const g of figs) {
    if (!g.subject) continue;
    const key = subjectKey(g.subject);
    const list = out.get(key);
    if (list) list.push(g);
    else out.set(key, [g]);
  }
  return out;
}
