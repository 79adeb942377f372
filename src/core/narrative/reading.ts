// A written 情况说明 read for checking: normalised (half width, PDF artefacts such as `347. 11` or
// `23, 286. 92` mended), cut into paragraphs and sentences, and every figure with a unit found.
import { Decimal, toHalfWidth } from "../money";
import { decimalsOf } from "./format";

export type Unit = "万元" | "亿元" | "元" | "%" | "count";

export interface TextFigure {
  /** As written (`6,466.4`), without the unit. */
  text: string;
  value: Decimal;
  unit: Unit;
  /** The count's word (家, 个, 辆 …), for counts. */
  countWord: string;
  decimals: number;
  paragraph: number;
  sentence: number;
  /** Offsets in the paragraph's text. */
  start: number;
  end: number;
  /** Inside brackets: a detail of the figure before, not a part of the list it stands in. */
  nested: boolean;
}

export interface TextParagraph {
  text: string;
  /** The line (or sheet row) of the input where the paragraph starts, 0-based. */
  line: number;
  heading: boolean;
  /** Sentence boundaries: [start, end) offsets in `text`. */
  sentences: [number, number][];
}

export interface ReadText {
  paragraphs: TextParagraph[];
  figures: TextFigure[];
}

const HEADING = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|图\s*\d|附件)/;
const NUMBERED = /^(?:\d+[.、](?!\d)|\(\d+\)|[①-⑳])/;
const TERMINAL = /[。:;!?！？：；)"”]$/;

export function normalizeText(raw: string): string {
  return toHalfWidth(raw)
    .replace(/\r\n?/g, "\n")
    .replace(/(\d)\s*\.\s+(?=\d)/g, "$1.")
    .replace(/(\d)\s*,\s+(?=\d{3}(?!\d))/g, "$1,")
    .replace(/％/g, "%")
    // A PDF breaks lines inside words (支出 决算为): spaces between Chinese characters are not text.
    .replace(/([\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])/g, "$1");
}

/** Lines to paragraphs: a line broken off mid-sentence (PDF wrapping) is joined to the one before it. */
function paragraphsOf(lines: readonly string[], joinWrapped: boolean): TextParagraph[] {
  const out: TextParagraph[] = [];
  // The line last added: the paragraph ends as it does (testing the joined text would read it all again each line).
  let tail = "";
  lines.forEach((raw, line) => {
    const text = normalizeText(raw).replace(/^\s*[-•·]\s+/, "").trim();
    if (!text) return;
    const prev = out[out.length - 1];
    const joinable = joinWrapped && prev && !prev.heading && !TERMINAL.test(tail) && !HEADING.test(text) && !NUMBERED.test(text);
    if (joinable) prev.text += text;
    else out.push({ text, line, heading: HEADING.test(text) && text.length < 60 && !/。./.test(text), sentences: [] });
    tail = text;
  });
  for (const p of out) {
    p.sentences = [];
    let start = 0;
    for (let i = 0; i < p.text.length; i++) {
      if (p.text[i] === "。" || i === p.text.length - 1) {
        p.sentences.push([start, i + 1]);
        start = i + 1;
      }
    }
  }
  return out;
}

// A number, then its unit. Numbers glued to Latin letters (2.5K@13dBbps, 5G) are not figures.
const FIGURE =
  /(?<![\d.A-Za-z@])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|亿元|元|%|个|家|辆|台\(套\)|台套|批次|人次|场次|次|件|期|项|场|人)(?![A-Za-z])/g;

function figuresOf(p: TextParagraph, index: number): TextFigure[] {
  const figures: TextFigure[] = [];
  // Figures come in text order: the sentence and the bracket depth (from the sentence's start) are carried
  // forward, so that a paragraph is read once, whatever its length and its number of figures.
  let sentence = 0;
  let depth = 0;
  let scanned = p.sentences[0]?.[0] ?? 0;
  for (const m of p.text.matchAll(FIGURE)) {
    const start = m.index ?? 0;
    const text = m[1] + (m[2] ?? "");
    const word = m[3];
    const unit: Unit = word === "万元" || word === "亿元" || word === "元" || word === "%" ? word : "count";
    while (sentence < p.sentences.length && start >= p.sentences[sentence][1]) {
      sentence++;
      depth = 0;
      scanned = p.sentences[sentence]?.[0] ?? start;
    }
    for (; scanned < start; scanned++) {
      if (p.text[scanned] === "(") depth++;
      else if (p.text[scanned] === ")") depth--;
    }
    figures.push({
      text,
      value: new Decimal(text.replace(/,/g, "")),
      unit,
      countWord: unit === "count" ? word : "",
      decimals: decimalsOf(text),
      paragraph: index,
      sentence,
      start,
      end: start + m[0].length,
      nested: depth > 0,
    });
  }
  return figures;
}

/**
 * Read a written text. `joinWrapped` joins lines broken mid-sentence (text pasted from a PDF); a sheet's
 * rows are read one paragraph a row, so that a finding points at its row.
 */
export function readText(source: string | readonly string[], joinWrapped = typeof source === "string"): ReadText {
  const lines = typeof source === "string" ? source.split(/\r?\n/) : source;
  const paragraphs = paragraphsOf(lines, joinWrapped);
  return { paragraphs, figures: paragraphs.flatMap((p, i) => figuresOf(p, i)) };
}

/**
 * `text` without each span from `open` to the next `close` (as `/【[^】]*】/g` would remove them), in one
 * pass: the regex would scan to the end of the text again from every unclosed `open`.
 */
export function withoutSpans(text: string, open: string, close: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break; // no close after this open, nor after any later one
    out += text.slice(from, at);
    from = end + close.length;
  }
  return out + text.slice(from);
}

export function sentenceText(read: ReadText, f: Pick<TextFigure, "paragraph" | "sentence">): string {
  const p = read.paragraphs[f.paragraph];
  const [s, e] = p.sentences[f.sentence] ?? [0, p.text.length];
  return p.text.slice(s, e).trim();
}
