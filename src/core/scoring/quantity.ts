// Targets and actuals as people write them — ≥95%, ≤4小时, 10次/年, 4 次/季, ≥2 个, 24小时响应, 无漏洞,
// 因疫情原因未实施, 计划完成时效达62% — read into numbers, units and a direction.
import { Decimal, toHalfWidth } from "../money";

export type Direction = ">=" | "<=" | "=";

export interface Quantity {
  value: Decimal;
  /** `%`, `次`, `小时`, `次/季` …; empty for a bare number. */
  unit: string;
  /** Written before or after the number (≥, 不超过, 以上, 以内 …); null when not said. */
  direction: Direction | null;
  /** The words just before the number (合计, 共 …), to pick a total out of a sentence. */
  before: string;
}

export interface Reading {
  text: string;
  quantities: Quantity[];
  /** The text says it was not done (未实施, 未开展 …). */
  notDone: boolean;
  /** The text reports a shortfall (不合格, 未完成 …): a person must judge a qualitative target. */
  shortfall: boolean;
}

const UNITS = [
  "人次", "台次", "家次", "万元", "平方米", "公里", "小时", "分钟", "工作日",
  "次", "人", "个", "家", "期", "台", "套", "项", "起", "天", "日", "月", "年", "周", "件", "份", "篇", "场", "所", "户", "元", "米", "吨", "条", "本", "批", "部", "间", "座", "名", "户",
];
const PER = "(?:/(?:季|年|月|天|日|周|次|人))?";
const QUANTITY = new RegExp(
  `(≥|>=|＞|>|≤|<=|＜|<|=|不低于|不少于|不超过|不高于|不多于|达到|达)?\\s*(\\d+(?:\\.\\d+)?)\\s*(%|${UNITS.join("|")})?(${PER})\\s*(以上|以内|以下|内)?`,
  "g",
);
const NOT_DONE = /未实施|未开展|未执行|未启动|没有实施|暂停实施|取消/;
const SHORTFALL = /不合格|未完成|未达到|未达成|未按期|滞后|延期|失败|未通过/;
const NEGATIVE_CONTEXT = /响应|时长|时间|时限|用时|办结时|处理时|事故率|故障率|差错率|投诉率|失误率|成本|费用|不超过/;

function direction(before: string | undefined, after: string | undefined): Direction | null {
  if (before && /≥|>=|＞|>|不低于|不少于|达到|达/.test(before)) return ">=";
  if (before && /≤|<=|＜|<|不超过|不高于|不多于/.test(before)) return "<=";
  if (before === "=") return "=";
  if (after === "以上") return ">=";
  if (after && /以内|以下|内/.test(after)) return "<=";
  return null;
}

export function readQuantities(raw: unknown): Reading {
  const text = toHalfWidth(raw === null || raw === undefined ? "" : String(raw)).trim();
  const quantities: Quantity[] = [];
  // "扣1分", "得分92.3分" are scores, not measures of the indicator (分钟 is kept).
  const measured = text.replace(/(扣|得分?|计)?\s*\d+(?:\.\d+)?\s*分(?!钟)/g, (m) => " ".repeat(m.length));
  for (const m of measured.matchAll(QUANTITY)) {
    const index = m.index ?? 0;
    quantities.push({
      value: new Decimal(m[2]),
      unit: `${m[3] ?? ""}${m[4] ?? ""}`,
      direction: direction(m[1], m[5]),
      before: text.slice(Math.max(0, index - 4), index),
    });
  }
  return { text, quantities, notDone: NOT_DONE.test(text), shortfall: SHORTFALL.test(text) };
}

/** The direction an indicator is scored in: as written, else `<=` for times and rates of things to avoid. */
export function indicatorDirection(target: Reading, name = ""): Direction {
  const written = target.quantities.find((q) => q.direction)?.direction;
  if (written) return written;
  return NEGATIVE_CONTEXT.test(`${name}${target.text}`) && target.quantities.some((q) => /小时|分钟|天|日|工作日|%/.test(q.unit)) ? "<=" : ">=";
}

/** 次/季 and 次 measure the same thing; so do 人 and 人次? No: units must match before the "/". */
export function baseUnit(unit: string): string {
  return unit.split("/")[0];
}
