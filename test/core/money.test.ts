import { couldBeAmount, readAmount } from "../../src/core/money";

function value(text: string | number): string {
  const read = readAmount(text);
  if (read.kind !== "amount") throw new Error(`${text} read as ${read.kind}`);
  return read.value.toString();
}

describe("readAmount: every way a published table writes an amount (docs/rules.md, 通则)", () => {
  it.each([
    ["23286.92", "23286.92"],
    ["23,286.92", "23286.92"],
    ["23, 286. 92", "23286.92"],
    ["２３２８６．９２", "23286.92"],
    ["２３，２８６．９２", "23286.92"],
    ["(12.30)", "-12.3"],
    ["（12.30）", "-12.3"],
    ["-5.00", "-5"],
    [" 610. 4 ", "610.4"],
  ])("%s → %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("keeps numbers exact and strips float noise from Excel doubles", () => {
    expect(value(610.4)).toBe("610.4");
    expect(value(23327.909999999996)).toBe("23327.91");
    expect(value(0.1 + 0.2)).toBe("0.3");
  });

  it("says how a text amount was read", () => {
    const read = readAmount("23, 286. 92");
    expect(read.kind === "amount" && read.note).toMatch(/文本.*空格/);
    const plain = readAmount(23286.92);
    expect(plain.kind === "amount" && plain.note).toBeUndefined();
  });

  it.each(["", "   ", null, "-", "—", "－"])("blank: %p", (text) => {
    expect(readAmount(text).kind).toBe("blank");
  });

  it("tells a dash from an empty cell", () => {
    expect(readAmount("-")).toEqual({ kind: "blank", dash: true });
    expect(readAmount("")).toEqual({ kind: "blank", dash: false });
  });

  it.each(["见附表", "#REF!", "#VALUE!", "12.3.4", "1,23.00", "abc", true])("invalid, never a silent 0: %p", (text) => {
    const read = readAmount(text);
    expect(read.kind).toBe("invalid");
    expect(read.kind === "invalid" && read.reason).toBeTruthy();
  });
});

describe("couldBeAmount: the quick test that spares reading a label as an amount", () => {
  // Characters of amounts and of everything else a table holds, in half and full width.
  const ALPHABET = [..."0123456789０１２３４５６７８９,.，．。()（）+-＋－ \u3000\t—/\\%e#款类项行政运行合计注"];

  it("is never false for a text readAmount reads as an amount (20,000 random texts)", () => {
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let amounts = 0;
    for (let i = 0; i < 20000; i++) {
      const length = 1 + Math.floor(next() * 8);
      // Mostly digits, so that many texts are amounts.
      const text = Array.from({ length }, () => (next() < 0.6 ? String(Math.floor(next() * 10)) : ALPHABET[Math.floor(next() * ALPHABET.length)])).join("");
      const read = readAmount(text);
      if (read.kind === "amount") {
        amounts++;
        expect([text, couldBeAmount(text)]).toEqual([text, true]);
      }
    }
    expect(amounts).toBeGreaterThan(2000);
  });

  it.each(["款20101", "类201", "2020年", "第1行", "1%", "1e5"])("is false for the label %s", (text) => {
    expect(couldBeAmount(text)).toBe(false);
    expect(readAmount(text).kind).not.toBe("amount");
  });
});
