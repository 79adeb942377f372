// Rules of form: a share without %, an old class name in a text of a later year, 小于 where the figures say
// 大于, and “无政府性基金…” where 表8 holds figures.
import { Decimal } from "../money";
import { countBelow } from "./figureIndex";
import type { FactKey } from "./figures";
import { formatWan } from "./format";
import type { Checker } from "./checker";
import { describe, written } from "./checkTypes";
import type { TextFigure, TextParagraph } from "./reading";
import { RENAMED_CLASSES } from "./subjects";

const SHARE_WITHOUT_PERCENT = /占[^\d%。;,]{0,16}?(\d+(?:\.\d+)?)(?![\d.]|\s*%|\s*[万亿元个家辆次人件期项台])/g;

const FUNDS: [RegExp, FactKey, string][] = [
  [/无政府性基金预算财政拨款收入/, "t8.expense", "表8"],
  [/无国有资本经营预算财政拨款收入/, "t9.expense", "表9"],
];

/** Words found in a paragraph, placed like a figure so that a finding can quote their sentence. */
function wordsAt(p: TextParagraph, paragraph: number, start: number, text: string): TextFigure {
  // By a binary search: a paragraph may hold many such words and many sentences.
  const found = countBelow(p.sentences, ([, e]) => e, start + 1);
  const sentence = found < p.sentences.length ? found : -1;
  return { text, value: new Decimal(0), unit: "count", countWord: "", decimals: 0, paragraph, sentence, start, end: start + text.length, nested: false };
}

export function checkForm(ck: Checker): void {
  const year = Number(ck.tables.year ?? "0");
  ck.read.paragraphs.forEach((p, pi) => {
    for (const m of p.text.matchAll(SHARE_WITHOUT_PERCENT)) {
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      ck.flag(wordsAt(p, pi, at, m[1]), "百分号", "error", "—", `${m[1]}%`, m[1], null, `占比 ${m[1]} 缺少百分号“%”`);
    }
    for (const r of RENAMED_CLASSES) {
      if (year < r.from) continue;
      for (const m of p.text.matchAll(new RegExp(`${r.old}(?:\\(类\\))?支出|${r.old}\\(类\\)`, "g"))) {
        const message = `“${m[0]}”是${r.from}年以前的类名称，${year}年度应为“${r.current}”`;
        ck.flag(wordsAt(p, pi, m.index ?? 0, m[0]), "科目名称", "warning", "科目名称", r.current, m[0], null, message);
      }
    }
    // 支出决算数小于年初预算数: the word against the two figures of the paragraph.
    const word = /支出决算数(大于|小于|等于)年初预算数/.exec(p.text);
    const budget = ck.index.in(pi).find((g) => g.role === "budget");
    const actual = ck.index.in(pi).find((g) => g.role === "level" && g.unit === "万元" && (!budget || g.start > budget.start));
    if (word && budget && actual) {
      const c = actual.value.comparedTo(budget.value);
      const right = c > 0 ? "大于" : c < 0 ? "小于" : "等于";
      const message = `支出决算 ${written(actual)}${right}年初预算 ${written(budget)}，文中写“${word[1]}”`;
      if (right !== word[1]) ck.flag(actual, "大于小于", "error", describe(budget), right, word[1], null, message);
    }
    for (const [re, key, table] of FUNDS) {
      const m = re.exec(p.text);
      const fact = ck.fact(key);
      if (!m || !fact || fact.value.isZero()) continue;
      const message = `文中说没有这项资金，但${table}本年支出为 ${formatWan(fact.value)} 万元`;
      ck.flag(wordsAt(p, pi, m.index, m[0]), "无数据说明", "error", fact.cell, formatWan(fact.value), "无", null, message);
    }
  });
}
