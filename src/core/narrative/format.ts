// How figures are written in a 情况说明: 万元 with thousands separators, percentages half-up to one decimal
// (as the seed prints 43.3%, 100.0%), and share lists made to add up to 100.0% the way published texts do.
import { Decimal, cents } from "../money";

const HUNDRED = new Decimal(100);

/** `23327.91` → `23,327.91`. */
export function formatWan(d: Decimal): string {
  const [int, frac] = cents(d).toFixed(2).split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${sign}${groups.join(",")}.${frac}`;
}

/** A percentage half-up to `places` decimals, as a Decimal (43.28… → 43.3). */
export function percent(part: Decimal, whole: Decimal, places = 1): Decimal | null {
  if (whole.isZero()) return null;
  return part.div(whole).times(HUNDRED).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function formatPercent(p: Decimal, places = 1): string {
  return `${p.toFixed(places)}%`;
}

/**
 * Shares of a list that add up to exactly 100.0: each rounded half-up, then the rounding difference
 * given to the items with the largest remainders (the largest-remainder method published lists follow).
 * `adjusted` says whether any share differs from its own rounding.
 */
export function shareList(parts: readonly Decimal[], whole: Decimal): { shares: Decimal[]; adjusted: boolean } | null {
  if (whole.isZero()) return null;
  const exact = parts.map((p) => p.div(whole).times(HUNDRED));
  const rounded = exact.map((e) => e.toDecimalPlaces(1, Decimal.ROUND_HALF_UP));
  const sumParts = parts.reduce((a, b) => a.plus(b), new Decimal(0));
  // Only a list that is the whole (its parts add up to the total) is made to add up to 100.0.
  if (!sumParts.equals(whole)) return { shares: rounded, adjusted: false };
  const tenths = new Decimal(1000).minus(rounded.reduce((a, b) => a.plus(b), new Decimal(0)).times(10)).toNumber();
  if (tenths === 0) return { shares: rounded, adjusted: false };
  const floors = exact.map((e) => e.toDecimalPlaces(1, Decimal.ROUND_DOWN));
  const order = exact.map((e, i) => ({ i, rem: e.minus(floors[i]) })).sort((a, b) => b.rem.comparedTo(a.rem));
  const floorTenths = new Decimal(1000).minus(floors.reduce((a, b) => a.plus(b), new Decimal(0)).times(10)).toNumber();
  const shares = [...floors];
  for (let k = 0; k < floorTenths && k < order.length; k++) shares[order[k].i] = shares[order[k].i].plus("0.1");
  return { shares, adjusted: true };
}


/** Decimals written (`38.4` → 1, `100` → 0): a figure is compared at the precision it was printed with. */
export function decimalsOf(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}
