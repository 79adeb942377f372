// 表7: 1栏 = 2 + 3 + 6, 3栏 = 4 + 5 (预算数); 7栏 = 8 + 9 + 12, 9栏 = 10 + 11 (决算数) (docs/rules.md). Where the
// table also prints 会议费 and 培训费, 合计 is tried with and without them, and the reading that holds is said.
import { type Amount, type Ref, type SanGongTable, absent, amountValue } from "../model";
import { Decimal } from "../money";
import { SANGONG_LABEL, SANGONG_REQUIRED, type SanGongItem } from "./catalogue";
import type { Checker } from "./checker";
import { type Identity, checkIdentities } from "./identity";

type Group = { cells: SanGongTable["budget"]; name: "预算数" | "决算数"; total: string; car: string };

const groups = (t: SanGongTable): Group[] => [
  { cells: t.budget, name: "预算数", total: "T7-1栏", car: "T7-3栏" },
  { cells: t.final, name: "决算数", total: "T7-7栏", car: "T7-9栏" },
];

/** An item's cell; an item every 表7 prints and that was not read makes the rule say it could not run. */
export function sangongCell(t: SanGongTable, group: "预算数" | "决算数", item: SanGongItem): Ref {
  const cell = (group === "预算数" ? t.budget : t.final)[item];
  return cell ?? absent(`表7 ${group} ${SANGONG_LABEL[item]}`, "表中未找到该栏", !SANGONG_REQUIRED.includes(item));
}

/** 会议费 and 培训费 are in 合计 when the table prints them and 合计 adds up only with them. */
function includesExtras(g: Group): boolean {
  const extras = [g.cells.meeting, g.cells.training].filter((a): a is Amount => a !== undefined);
  if (!extras.length) return false;
  const value = (a: Amount | undefined) => (a ? amountValue(a) : new Decimal(0));
  const total = value(g.cells.total);
  const base = [g.cells.abroad, g.cells.carSubtotal ?? undefined, g.cells.reception].map(value);
  if (!g.cells.carSubtotal) base.push(value(g.cells.carPurchase), value(g.cells.carRunning));
  const all = [...base, ...extras.map(value)];
  if (total === undefined || all.some((v) => v === undefined)) return false;
  const sum = (vs: (Decimal | undefined)[]) => vs.reduce<Decimal>((s, v) => s.plus(v ?? 0), new Decimal(0));
  return !sum(base).eq(total) && sum(all).eq(total);
}

export function table7Identities(t: SanGongTable): Identity[] {
  // The 小计 first: the 合计 is made of it. Without a 小计 column, 合计 takes 购置费 and 运行费 directly.
  return groups(t).flatMap((g): Identity[] => {
    const cell = (item: SanGongItem) => sangongCell(t, g.name, item);
    const car = g.cells.carSubtotal ? [cell("carSubtotal")] : [cell("carPurchase"), cell("carRunning")];
    const extras = includesExtras(g) ? (["meeting", "training"] as const).filter((i) => g.cells[i]).map(cell) : [];
    return [
      { rule: g.car, table: "表7", what: `表7 ${g.name}公务用车购置及运行费小计`, fills: true, target: cell("carSubtotal"), parts: [cell("carPurchase"), cell("carRunning")], partsWhat: `${SANGONG_LABEL.carPurchase}与${SANGONG_LABEL.carRunning}` },
      {
        rule: g.total,
        table: "表7",
        what: `表7 ${g.name}合计`,
        fills: true,
        target: cell("total"),
        parts: [cell("abroad"), ...car, cell("reception"), ...extras],
        partsWhat: `${SANGONG_LABEL.abroad}、公务用车购置及运行费、${SANGONG_LABEL.reception}${extras.length ? "、会议费、培训费" : ""}`,
      },
    ];
  });
}

export function checkTable7(t: SanGongTable, ck: Checker): void {
  for (const g of groups(t)) {
    if (!g.cells.meeting && !g.cells.training) continue;
    const total = g.cells.total;
    const holds = includesExtras(g) ? "含会议费、培训费" : "不含会议费、培训费";
    if (total) ck.flag({ rule: "T7-口径", table: "表7", what: "" }, "info", total, `表7 印有会议费、培训费栏；${g.name}合计按“${holds}”的口径校验`);
  }
  checkIdentities(table7Identities(t), ck);
}
