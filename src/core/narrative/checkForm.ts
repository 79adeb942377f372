// Rules of form: a share without %, an old class name in a text of a later year, 小于 where the figures say
// 大于, and “无政府性基金…” where 表8 holds figures.
import { Decimal } from "../money";
import type { FactKey } from "./figures";
import { formatWan } from "./format";
import type { Checker } from "./checker";
import { describe, written } from "./checkTypes";
import type { TextFigure } from "./reading";
import { RENAMED_CLASSES } from "./subjects";

export function checkForm(ck: Checker): void {
  const year = Number(ck.tables.year ?? "0");
  ck.read.paragraphs.forEach((p, pi) => {
    for (const m of p.text.matchAll(/占[^\d%。;,]{0,16}?(\d+(?:\.\d+)?)(?![\d.]|\s*%|\s*[万亿元个家辆次人件期项台])/g)) {
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      const fake: TextFigure = { text: m[1], value: new Decimal(m[1]), unit: "count", countWord: "", decimals: 0, paragraph: pi, sentence: p.sentences.findIndex(([s, e]) => at >= s && at < e), start: at, end: at + m[1].length, nested: false };
      ck.flag(fake, "百分号", "error", "—", `${m[1]}%`, m[1], null, `占比 ${m[1]} 缺少百分号“%”`);
    }
    for (const r of RENAMED_CLASSES) {
      if (year < r.from) continue;
      for (const m of p.text.matchAll(new RegExp(`${r.old}(?:\\(类\\))?支出|${r.old}\\(类\\)`, "g"))) {
        const at = m.index ?? 0;
        const fake: TextFigure = { text: m[0], value: new Decimal(0), unit: "count", countWord: "", decimals: 0, paragraph: pi, sentence: p.sentences.findIndex(([s, e]) => at >= s && at < e), start: at, end: at + m[0].length, nested: false };
        ck.flag(fake, "科目名称", "warning", "科目名称", r.current, m[0], null, `“${m[0]}”是${r.from}年以前的类名称，${year}年度应为“${r.current}”`);
      }
    }
    // 支出决算数小于年初预算数: the word against the two figures of the paragraph.
    const word = /支出决算数(大于|小于|等于)年初预算数/.exec(p.text);
    if (word) {
      const budget = ck.figs.find((g) => g.paragraph === pi && g.role === "budget");
      const actual = ck.figs.find((g) => g.paragraph === pi && g.role === "level" && g.unit === "万元" && (!budget || g.start > budget.start));
      if (budget && actual) {
        const c = actual.value.comparedTo(budget.value);
        const right = c > 0 ? "大于" : c < 0 ? "小于" : "等于";
        if (right !== word[1]) ck.flag(actual, "大于小于", "error", describe(budget), right, word[1], null, `支出决算 ${written(actual)}${right}年初预算 ${written(budget)}，文中写“${word[1]}”`);
      }
    }
    const funds: [RegExp, FactKey, string][] = [
      [/无政府性基金预算财政拨款收入/, "t8.expense", "表8"],
      [/无国有资本经营预算财政拨款收入/, "t9.expense", "表9"],
    ];
    for (const [re, key, table] of funds) {
      const m = re.exec(p.text);
      const fact = ck.fact(key);
      if (m && fact && !fact.value.isZero()) {
        const at = m.index;
        const fake: TextFigure = { text: m[0], value: new Decimal(0), unit: "count", countWord: "", decimals: 0, paragraph: pi, sentence: p.sentences.findIndex(([s, e]) => at >= s && at < e), start: at, end: at, nested: false };
        ck.flag(fake, "无数据说明", "error", fact.cell, formatWan(fact.value), "无", null, `文中说没有这项资金，但${table}本年支出为 ${formatWan(fact.value)} 万元`);
      }
    }
  });
}
