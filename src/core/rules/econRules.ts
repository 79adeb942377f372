// 表6: each 类 = Σ its 款; 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 309 + 310 + 312 + 399 (docs/rules.md).
import { type EconTable, absent } from "../model";
import { PERSONNEL_CLASSES, PUBLIC_CLASSES } from "./catalogue";
import type { Checker } from "./checker";
import { type Identity, checkIdentities } from "./identity";

export function table6Identities(t: EconTable): Identity[] {
  const out: Identity[] = [];
  const classes = t.items.filter((i) => i.level === "类");
  for (const cls of classes) {
    const kuan = t.items.filter((i) => i.level === "款" && i.code.startsWith(cls.code));
    if (!kuan.length) continue;
    out.push({ rule: "T6-类", table: t.id, what: `表6 ${cls.code} ${cls.name}`, fills: true, target: cls.amount, parts: kuan.map((k) => k.amount), partsWhat: "所属各款" });
  }
  const pick = (codes: string[]) => classes.filter((c) => codes.includes(c.code));
  const personnel = pick(PERSONNEL_CLASSES);
  const pub = pick(PUBLIC_CLASSES);
  const total = (label: string, amount: EconTable["personnelTotal"]) => amount ?? absent(`表6 ${label}`, "表中未找到该行或其金额");
  out.push({ rule: "T6-人员经费", table: t.id, what: "表6 人员经费合计", fills: true, target: total("人员经费合计", t.personnelTotal), parts: personnel.map((c) => c.amount), partsWhat: personnel.map((c) => c.code).join("、") || "人员经费各类" });
  out.push({ rule: "T6-公用经费", table: t.id, what: "表6 公用经费合计", fills: true, target: total("公用经费合计", t.publicTotal), parts: pub.map((c) => c.amount), partsWhat: pub.map((c) => c.code).join("、") || "公用经费各类" });
  return out;
}

export function checkTable6(t: EconTable, ck: Checker): void {
  checkIdentities(table6Identities(t), ck);
}
