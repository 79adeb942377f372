// 表7: 1栏 = 2 + 3 + 6, 3栏 = 4 + 5 (预算数); 7栏 = 8 + 9 + 12, 9栏 = 10 + 11 (决算数).
import type { SanGongTable } from "../model";
import { SANGONG_LABEL } from "../tables/sangong";
import type { Checker } from "./checker";

export function checkTable7(t: SanGongTable, ck: Checker): void {
  const groups = [
    { cells: t.budget, name: "预算数", total: "T7-1栏", car: "T7-3栏" },
    { cells: t.final, name: "决算数", total: "T7-7栏", car: "T7-9栏" },
  ];
  for (const g of groups) {
    const c = g.cells;
    ck.sum({ rule: g.total, table: "表7", what: `表7 ${g.name}合计` }, c.total, [c.abroad, c.carSubtotal, c.reception], `${SANGONG_LABEL.abroad}、公务用车购置及运行费、${SANGONG_LABEL.reception}`);
    ck.sum({ rule: g.car, table: "表7", what: `表7 ${g.name}公务用车购置及运行费小计` }, c.carSubtotal, [c.carPurchase, c.carRunning], `${SANGONG_LABEL.carPurchase}与${SANGONG_LABEL.carRunning}`);
  }
}
