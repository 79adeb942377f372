// 表6: each 类 = Σ its 款; 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 309 + 310 + 312 + 399.
import { PERSONNEL_CLASSES, PUBLIC_CLASSES } from "../codes";
import type { EconTable } from "../model";
import type { Checker } from "./checker";

export function checkTable6(t: EconTable, ck: Checker): void {
  const classes = t.items.filter((i) => i.level === "类");
  for (const cls of classes) {
    const kuan = t.items.filter((i) => i.level === "款" && i.code.startsWith(cls.code));
    if (!kuan.length) continue;
    ck.sum({ rule: "T6-类", table: t.id, what: `表6 ${cls.code} ${cls.name}` }, cls.amount, kuan.map((k) => k.amount), "所属各款");
  }
  const pick = (codes: string[]) => classes.filter((c) => codes.includes(c.code));
  const personnel = pick(PERSONNEL_CLASSES);
  const pub = pick(PUBLIC_CLASSES);
  ck.sum({ rule: "T6-人员经费", table: t.id, what: "表6 人员经费合计" }, t.personnelTotal, personnel.map((c) => c.amount), personnel.map((c) => c.code).join("、") || "人员经费各类");
  ck.sum({ rule: "T6-公用经费", table: t.id, what: "表6 公用经费合计" }, t.publicTotal, pub.map((c) => c.amount), pub.map((c) => c.code).join("、") || "公用经费各类");
}
