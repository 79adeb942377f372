// 校对's findings, errors first, each quoting its sentence; a click selects the paragraph's row.
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { severityLabel } from "../../core/findings";
import type { CheckedFinding } from "../../excel/narrative";

const useStyles = makeStyles({
  list: { display: "grid", gap: "2px" },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    background: "none",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  sentence: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function NarrativeFindings({ findings, onSelect }: { findings: readonly CheckedFinding[]; onSelect: (f: CheckedFinding) => void }) {
  const styles = useStyles();
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
  return (
    <div className={styles.list} data-testid="narrative-findings">
      {sorted.map((f, i) => (
        <button key={i} className={styles.item} onClick={() => onSelect(f)} data-rule={f.rule} data-cell={`${f.sheet}!${f.address}`} title="在工作表中选中这一段">
          <Badge appearance="tint" color={COLOR[f.severity]}>
            {severityLabel(f)}
          </Badge>
          <span>
            {f.message}
            <br />
            <Caption1>
              {f.rule} · {f.address} · 对照 {f.comparedWith}
              {f.expected !== null ? `；应为 ${f.expected}，文中 ${f.found ?? "—"}` : ""}
              {f.difference ? `，差额 ${f.difference}` : ""}
            </Caption1>
            <br />
            <Caption1 className={styles.sentence}>“{f.sentence}”</Caption1>
          </span>
        </button>
      ))}
    </div>
  );
}
