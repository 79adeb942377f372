import { readAmount } from "../../src/core/money";

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
