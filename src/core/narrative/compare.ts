// The generated 情况说明 against a written one, sentence by sentence: each written sentence with figures is
// paired with the generated sentence most like it (same section, words alike), and each of its figures is
// found there or listed as a difference with the reason.
import { PLACEHOLDER } from "./document";
import { byParagraph } from "./figureIndex";
import { type ReadText, type TextFigure, readText, sentenceText, withoutSpans } from "./reading";

export interface FigureDifference {
  written: string;
  generated: string | null;
  why: string;
}

export interface SentencePair {
  section: string;
  written: string;
  generated: string | null;
  same: string[];
  differences: FigureDifference[];
}

interface Sentence {
  section: string;
  text: string;
  /** The paragraph's first sentence (`2. 科学技术支出(类)。`) when it is another: what the sentence is about. */
  lead: string;
  figures: TextFigure[];
}

function sentences(read: ReadText): Sentence[] {
  const out: Sentence[] = [];
  let section = "";
  const byPara = byParagraph(read.figures, read.paragraphs.length);
  read.paragraphs.forEach((p, pi) => {
    const m = /^([一二三四五六七八九十]+)、/.exec(p.text);
    if (m) section = m[1];
    // The paragraph's figures by sentence, in one pass (not a search of every figure for each sentence).
    const bySentence: TextFigure[][] = p.sentences.map(() => []);
    for (const f of byPara[pi]) if (f.unit !== "count") bySentence[f.sentence].push(f);
    p.sentences.forEach((_, si) => {
      const figures = bySentence[si];
      const lead = si > 0 ? sentenceText(read, { paragraph: pi, sentence: 0 }) : "";
      out.push({ section, text: sentenceText(read, { paragraph: pi, sentence: si }), lead, figures });
    });
  });
  return out;
}

function bigrams(text: string): Set<string> {
  const bare = withoutSpans(text, "【", "】").replace(/[\d.,%\s]/g, "").replace(/[，。；：、,;:]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < bare.length; i++) out.add(bare.slice(i, i + 2));
  return out;
}

function likeness(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const shown = (f: TextFigure) => `${f.text}${f.unit === "count" ? f.countWord : f.unit}`;

/** Compare a written text with the generated one, for the sections the tables write (一 to 九 by default). */
export function compareNarratives(writtenText: string, generatedText: string, sections = "一二三四五六七八九"): SentencePair[] {
  const written = sentences(readText(writtenText)).filter((s) => s.figures.length && sections.includes(s.section));
  const generated = sentences(readText(generatedText, false));
  // Each sentence is paired with every candidate of its section: its bigrams are found once, not once a pair.
  const grams = new Map<string, Set<string>>();
  const gramsOf = (text: string) => {
    let found = grams.get(text);
    if (!found) grams.set(text, (found = bigrams(text)));
    return found;
  };
  const bySection = new Map<string, Sentence[]>();
  for (const g of generated) {
    if (!g.figures.length && !g.text.includes("【待")) continue;
    const list = bySection.get(g.section);
    if (list) list.push(g);
    else bySection.set(g.section, [g]);
  }
  return written.map((w) => {
    let best: Sentence | null = null;
    let score = 0.25;
    for (const g of bySection.get(w.section) ?? []) {
      // The paragraph's lead tells the 类 paragraphs apart; the sentence itself must still be alike.
      if (likeness(gramsOf(w.text), gramsOf(g.text)) < 0.2) continue;
      const l = likeness(gramsOf(w.lead + w.text), gramsOf(g.lead + g.text));
      if (l > score) [best, score] = [g, l];
    }
    const same: string[] = [];
    const differences: FigureDifference[] = [];
    const used = new Set<TextFigure>();
    for (const f of w.figures) {
      const match = best?.figures.find((g) => !used.has(g) && g.unit === f.unit && g.value.equals(f.value));
      if (match) {
        used.add(match);
        same.push(shown(f));
        continue;
      }
      if (!best) {
        differences.push({ written: shown(f), generated: null, why: "生成稿没有对应的句子" });
        continue;
      }
      const holes = [...best.text.matchAll(PLACEHOLDER)].map((m) => m[0]);
      const other = best.figures.find((g) => !used.has(g) && g.unit === f.unit && !w.figures.some((x) => x.value.equals(g.value)));
      const review = holes.find((h) => h.startsWith("【待核对"));
      const fill = holes.find((h) => h.startsWith("【待填写"));
      if (other) {
        used.add(other);
        differences.push({ written: shown(f), generated: shown(other), why: review ? `表中数字有误：${review}` : "表中数字与文中不同" });
      } else if (review) differences.push({ written: shown(f), generated: null, why: `表中数字有误：${review}` });
      else if (fill) differences.push({ written: shown(f), generated: null, why: `${/表\d/.test(fill) ? "表中的数算不出这个数" : "表中没有这个数"}，生成稿留${fill}` });
      else differences.push({ written: shown(f), generated: null, why: "生成稿这一句没有这个数" });
    }
    // A 待核对 in the generated sentence is a difference even where every figure agrees: the tables disagree.
    for (const h of best ? [...best.text.matchAll(PLACEHOLDER)].map((m) => m[0]).filter((x) => x.startsWith("【待核对")) : []) {
      if (!differences.some((d) => d.why.includes(h))) differences.push({ written: "", generated: h, why: `表中数字有误：${h}` });
    }
    return { section: w.section, written: w.text, generated: best?.text ?? null, same, differences };
  });
}
