// Linear-time assertions for code that reads user text (issue 11: no super-linear parsing): the cost of a
// 1,000,000-character input against a 1,000-character one, as a ratio of times on the same machine.

/** `unit` repeated to exactly `n` characters. */
export const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Milliseconds per call: the median of `runs` timings of `batch` calls each. */
function timeOf(f: () => unknown, batch: number, runs = 5): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) f();
    times.push((performance.now() - start) / batch);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

// Linear growth is a ratio of about 1,000; quadratic would be about 1,000,000. The bound leaves room for
// garbage collection and caches on a shared machine, and is still 50 times below quadratic.
export const LINEAR_BOUND = 20_000;

/** How many times longer `call` takes on `unit` filled to 1,000,000 characters than to 1,000 (warmed up first). */
export function growthRatio(call: (text: string) => () => unknown, unit: string): number {
  const small = fill(unit, 1_000);
  const large = fill(unit, 1_000_000);
  timeOf(call(small), 50, 1);
  return timeOf(call(large), 1, 3) / timeOf(call(small), 200);
}
