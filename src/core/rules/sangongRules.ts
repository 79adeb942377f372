// 表7: 1栏 = 2 + 3 + 6, 3栏 = 4 + 5 (预算数); 7栏 = 8 + 9 + 12, 9栏 = 10 + 11 (决算数).
import type { SanGongTable } from "../model";
import { SANGONG_LABEL } from "../tables/sangong";
import type { Checker } from "./checker";
import { type Identity, checkIdentities } from "./identity";

export function table7Identities(t: SanGongTable): Identity[] {
  const groups = [
    { cells: t.budget, name: "预算数", total: "T7-1栏", car: "T7-3栏" },
    { cells: t.final, name: "决算数", total: "T7-7栏", car: "T7-9栏" },
  ];
  // The 小计 first: the 合计 is made of it.
  return groups.flatMap(({ cells: c, name, total, car }): Identity[] => [
    { rule: car, table: "表7", what: `表7 ${name}公务用车购置及运行费小计`, fills: true, target: c.carSubtotal, parts: [c.carPurchase, c.carRunning], partsWhat: `${SANGONG_LABEL.carPurchase}与${SANGONG_LABEL.carRunning}` },
    { rule: total, table: "表7", what: `表7 ${name}合计`, fills: true, target: c.total, parts: [c.abroad, c.carSubtotal, c.reception], partsWhat: `${SANGONG_LABEL.abroad}、公务用车购置及运行费、${SANGONG_LABEL.reception}` },
  ]);
}

export function checkTable7(t: SanGongTable, ck: Checker): void {
  checkIdentities(table7Identities(t), ck);
}
