import { classCodeForLabel, codeLevel, parentCode, readCodeCell, readCodePart } from "../../src/core/codes";

describe("classification codes", () => {
  it("levels and parents", () => {
    expect(codeLevel("201")).toBe("类");
    expect(codeLevel("20103")).toBe("款");
    expect(codeLevel("2010301")).toBe("项");
    expect(codeLevel("2010")).toBeNull();
    expect(parentCode("2010301")).toBe("20103");
    expect(parentCode("20103")).toBe("201");
    expect(parentCode("201")).toBeNull();
  });

  it("reads a code in one cell, with or without its name, as number or text", () => {
    expect(readCodeCell(2010301)).toEqual({ code: "2010301", rest: "" });
    expect(readCodeCell("2010301 行政运行")).toEqual({ code: "2010301", rest: "行政运行" });
    expect(readCodeCell("２０１")?.code).toBe("201");
    expect(readCodeCell("20103011")).toBeNull();
    expect(readCodeCell("合计")).toBeNull();
  });

  it("pads split parts that Excel stored as numbers", () => {
    expect(readCodePart(6, 2)).toBe("06");
    expect(readCodePart("01", 2)).toBe("01");
    expect(readCodePart("123", 2)).toBeNull();
  });

  it("maps old and new class names to the same code", () => {
    expect(classCodeForLabel("卫生健康支出")).toBe("210");
    expect(classCodeForLabel("医疗卫生与计划生育支出")).toBe("210");
    expect(classCodeForLabel("抗疫特别国债安排的支出")).toBe("234");
    expect(classCodeForLabel("不存在的支出")).toBeNull();
  });
});
