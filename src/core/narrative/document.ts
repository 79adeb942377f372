// A generated 情况说明: paragraphs made of text, figures (with the cell they come from) and visible
// 【待填写】 placeholders, so that the pane can highlight what a person still has to write.
export type Part =
  | { kind: "text"; text: string }
  | { kind: "figure"; text: string; source: string }
  | { kind: "placeholder"; text: string };

export interface Paragraph {
  /** A section or sub-section title (一、…, (一)…). */
  heading: boolean;
  parts: Part[];
}

export interface Narrative {
  paragraphs: Paragraph[];
  /** What the reader should know about how it was written (a share list adjusted to add up, a table missing). */
  notes: string[];
}

export const PLACEHOLDER_OPEN = "【待填写";
/** Every placeholder, 【待填写…】 and 【待核对…】, as the pane highlights them. */
export const PLACEHOLDER = /【待(?:填写|核对)[^】]*】/g;

export function paragraphText(p: Paragraph): string {
  return p.parts.map((x) => x.text).join("");
}

export function narrativeText(n: Narrative): string {
  return n.paragraphs.map(paragraphText).join("\n");
}

export function placeholderCount(n: Narrative): number {
  return n.paragraphs.reduce((k, p) => k + p.parts.filter((x) => x.kind === "placeholder").length, 0);
}
