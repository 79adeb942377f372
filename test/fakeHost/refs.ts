// Rows inserted or deleted move the references of every formula that points at or below them, as in Excel:
// =SUM(C9:C12) becomes =SUM(C10:C13) after a row is inserted above row 9, grows to C9:C13 when it is inserted
// inside the range, and a reference to a deleted cell becomes #REF!.
// https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(])/g;

/** The sheet a reference at `at` is qualified with ('My sheet'! or 表3!), and where that prefix starts. */
function prefixOf(text: string, at: number): { sheet: string; start: number } | null {
  if (text[at - 1] !== "!") return null;
  let i = at - 2;
  if (text[i] === "'") {
    // Back to the opening quote; '' inside the name is an escaped quote.
    i--;
    while (i >= 0 && !(text[i] === "'" && text[i - 1] !== "'")) i -= text[i] === "'" ? 2 : 1;
    return { sheet: text.slice(i + 1, at - 2).replace(/''/g, "'"), start: i };
  }
  while (i >= 0 && /[\w.\u4e00-\u9fff-]/.test(text[i])) i--;
  return { sheet: text.slice(i + 1, at - 1), start: i + 1 };
}

/**
 * The formula `formula`, written on sheet `home`, after `count` rows were inserted (count > 0) or deleted
 * (count < 0) at 0-based row `at` of sheet `changed`.
 */
export function shiftFormula(formula: string, home: string, changed: string, at: number, count: number): string {
  // Strings inside the formula are left alone.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(REF, (whole: string, d1: string, c1: string, d2: string, r1: string, d3: string | undefined, c2: string | undefined, d4: string | undefined, r2: string | undefined, offset: number) => {
            // A letter or digit just before it makes it part of a name (LOG10, 表3A1), not a reference.
            if (offset > 0 && /[A-Za-z0-9_.$]/.test(part[offset - 1])) return whole;
            const prefix = prefixOf(part, offset);
            const target = prefix?.sheet ?? home;
            if (target !== changed) return whole;
            const top = Number(r1) - 1;
            const bottom = r2 ? Number(r2) - 1 : top;
            let newTop = top;
            let newBottom = bottom;
            if (count > 0) {
              if (top >= at) newTop += count;
              if (bottom >= at) newBottom += count;
            } else {
              const end = at - count; // first row after the deleted block
              if (top >= at && bottom < end) return "#REF!";
              newTop = top >= end ? top + count : top >= at ? at : top;
              newBottom = bottom >= end ? bottom + count : bottom >= at ? at - 1 : bottom;
            }
            const first = `${d1}${c1}${d2}${newTop + 1}`;
            return r2 ? `${first}:${d3 ?? ""}${c2}${d4 ?? ""}${newBottom + 1}` : first;
          }),
    )
    .join("");
}
