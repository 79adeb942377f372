// One finding: its kind, where it is and what is wrong; the rule behind it in a tooltip. A click (or Enter)
// selects its cell in the workbook; the selected finding is marked on the item itself (aria-current).
import { Caption1, Tooltip, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/findings";
import { explainRule } from "../ruleHelp";
import { KindBadge, STRIPE } from "./KindBadge";
import { kindOf } from "./severity";

const useStyles = makeStyles({
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected } },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  text: { overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/** The message without the group's name in front (a table's "表1 ", a project's "行政运行工作经费："): the
 *  list is already grouped by it. */
function shortMessage(f: Finding, group: string | null): string {
  if (!group) return f.message;
  for (const prefix of [`${group} `, `${group}：`]) if (f.message.startsWith(prefix)) return f.message.slice(prefix.length);
  return f.message;
}

export interface FindingItemProps {
  f: Finding;
  current: boolean;
  onSelect: (f: Finding) => void;
  /** The name the list is grouped by (a table, a project): left out of the message. */
  group?: string | null;
  id?: string;
}

export function FindingItem({ f, current, onSelect, group = null, id }: FindingItemProps) {
  const styles = useStyles();
  const kind = kindOf(f);
  const where = f.cells.length ? `${f.sheet}!${f.cells.join(", ")}` : "";
  return (
    <Tooltip relationship="description" content={`${explainRule(f.rule)}（规则 ${f.rule}）`} positioning="below-start" withArrow>
      <button
        id={id}
        type="button"
        className={mergeClasses(styles.item, current && styles.current)}
        style={{ borderLeftColor: STRIPE[kind] }}
        aria-current={current ? "true" : undefined}
        onClick={() => onSelect(f)}
        data-rule={f.rule}
        data-cell={f.cells[0] ?? ""}
        data-kind={kind}
      >
        <span className={styles.head}>
          <KindBadge kind={kind} size="small" />
          {kind === "error" && f.rounding && <KindBadge kind="rounding" size="small" />}
          {where && <Caption1 className={styles.where}>{where}</Caption1>}
        </span>
        <span className={styles.text}>{shortMessage(f, group)}</span>
      </button>
    </Tooltip>
  );
}
