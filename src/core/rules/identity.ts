// An identity of a table: a target cell that must equal the signed sum of its parts. The checker verifies
// them; the subtotal planner (填充小计) writes the targets of those marked `fills`.
import type { Ref } from "../model";
import type { Checker, Part, Subject } from "./checker";

export interface Identity extends Subject {
  target: Ref;
  parts: Part[];
  partsWhat: string;
  /** A subtotal of the hierarchy or a printed total: 填充小计 may write it. */
  fills: boolean;
}

export function checkIdentities(identities: readonly Identity[], ck: Checker): void {
  for (const id of identities) ck.sum(id, id.target, id.parts, id.partsWhat);
}
