// Findings grouped by table, errors first; a click selects the cell in the workbook.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { type Finding, TABLE_IDS, type TableId, severityLabel } from "../../core/findings";
import { titleName } from "../../core/tables/titles";

const useStyles = makeStyles({
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
  where: { color: tokens.colorNeutralForeground3 },
  list: { display: "grid", gap: "2px" },
});

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** One finding as a button: severity, message, rule and cell; a click selects the cell. */
export function FindingItem({ f, onSelect }: { f: Finding; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  return (
    <button className={styles.item} onClick={() => onSelect(f)} data-rule={f.rule} data-cell={f.cells[0] ?? ""} title={f.cells.length ? "在工作簿中选中此单元格" : undefined}>
      <Badge appearance="tint" color={COLOR[f.severity]}>
        {severityLabel(f)}
      </Badge>
      <span>
        {f.message}
        <br />
        <Caption1 className={styles.where}>
          {f.rule}
          {f.cells.length ? ` · ${f.sheet}!${f.cells.join(",")}` : ""}
        </Caption1>
      </span>
    </button>
  );
}

export function FindingList({ findings, onSelect }: { findings: readonly Finding[]; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const groups: (TableId | null)[] = [null, ...TABLE_IDS];
  const present = groups.filter((t) => findings.some((f) => f.table === t));
  const open = present.filter((t) => findings.some((f) => f.table === t && f.severity === "error")).map(String);
  return (
    <Accordion multiple collapsible defaultOpenItems={open.length ? open : present.slice(0, 1).map(String)} data-testid="findings">
      {present.map((table) => {
        const items = findings.filter((f) => f.table === table).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
        const errors = items.filter((f) => f.severity === "error").length;
        return (
          <AccordionItem key={String(table)} value={String(table)}>
            <AccordionHeader>
              {table ? `${table} ${titleName(table)}` : "整个工作簿"}&nbsp;
              {errors ? <Badge color="danger">{errors} 错误</Badge> : <Badge color="informative">{items.length}</Badge>}
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.list}>
                {items.map((f, i) => (
                  <FindingItem key={i} f={f} onSelect={onSelect} />
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
