// Rows inserted or deleted move the references of every formula that points at or below them, as in Excel:
// =SUM(C9:C12) becomes =SUM(C10:C13) after a row is inserted above row 9, grows to C9:C13 when it is inserted
// inside the range, and a reference to a deleted cell becomes #REF!.
// https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246

const REF = /((?:'(?:[^']|'')+'|[A-Za-z0-9_\u4e00-\u9fff.-]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(])/g;

function sheetOf(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
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
        : part.replace(REF, (whole: string, prefix: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
            const target = sheetOf(prefix) ?? home;
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
              if (top >= at && bottom < end) return `${prefix ?? ""}#REF!`;
              newTop = top >= end ? top + count : top >= at ? at : top;
              newBottom = bottom >= end ? bottom + count : bottom >= at ? at - 1 : bottom;
            }
            const p = prefix ?? "";
            const first = `${d1}${c1}${d2}${newTop + 1}`;
            return r2 ? `${p}${first}:${d3 ?? ""}${c2}${d4 ?? ""}${newBottom + 1}` : `${p}${first}`;
          }),
    )
    .join("");
}
