// The findings of a check: a filter by kind (with counts), 上一个/下一个错误, and the findings grouped by
// table, each group headed by its counts per kind, the weightiest first. Arrow keys move through the list.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  ToggleButton,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { type Finding, TABLE_IDS, type TableId } from "../../core/findings";
import { titleName } from "../../core/tables/titles";
import { FindingItem } from "./FindingItem";
import { KindBadge } from "./KindBadge";
import { KINDS, KIND_LABEL, type Kind, byWeight, countKinds, kindOf } from "./severity";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: tokens.spacingVerticalS },
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { overflowWrap: "anywhere" },
  list: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", rowGap: "2px", margin: 0, padding: 0, listStyleType: "none" },
});

export type Filter = "all" | Kind;

/** Findings shown per group before 再显示. */
const PAGE = 100;

/** 尾差 shows every rounding difference, also those 严格模式 counts as errors. */
function matches(f: Finding, filter: Filter): boolean {
  if (filter === "all") return true;
  if (filter === "rounding") return !!f.rounding;
  return kindOf(f) === filter;
}

interface Group {
  key: string;
  table: TableId | null;
  items: { f: Finding; key: string }[];
}

/** Findings grouped by table in template order (the workbook as a whole first), weightiest first. */
function groupFindings(findings: readonly Finding[]): Group[] {
  const keyed = findings.map((f, i) => ({ f, key: String(i) }));
  return ([null, ...TABLE_IDS] as (TableId | null)[])
    .map((table) => ({ key: table ?? "workbook", table, items: keyed.filter((k) => k.f.table === table).sort((a, b) => byWeight(a.f, b.f)) }))
    .filter((g) => g.items.length);
}

export interface FindingListProps {
  findings: readonly Finding[];
  /** The key of the finding last selected (its index in `findings`). */
  current: string | null;
  onSelect: (f: Finding, key: string) => void;
}

export function FindingList({ findings, current, onSelect }: FindingListProps) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const [filter, setFilter] = useState<Filter>("all");
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = useMemo(() => ({ ...countKinds(findings), rounding: findings.filter((f) => f.rounding).length }), [findings]);
  const shown = groups
    .map((g) => ({ ...g, items: g.items.filter((i) => matches(i.f, filter)) }))
    .filter((g) => g.items.length);
  // A group of thousands of findings (a whole table of wrong 类 rows) shows them a page at a time.
  const [limits, setLimits] = useState<Record<string, number>>({});
  const limitOf = (group: string) => limits[group] ?? PAGE;
  const [open, setOpen] = useState<string[]>(() => {
    const withErrors = groups.filter((g) => g.items.some((i) => kindOf(i.f) === "error")).map((g) => g.key);
    return withErrors.length ? withErrors : groups.slice(0, 1).map((g) => g.key);
  });
  // The errors in the order shown: what 上一个/下一个错误 walk through.
  const errors = groups.flatMap((g) => g.items.filter((i) => kindOf(i.f) === "error").map((i) => ({ ...i, group: g.key })));
  const at = errors.findIndex((e) => e.key === current);

  const go = (step: 1 | -1) => {
    const next = errors[at < 0 ? (step > 0 ? 0 : errors.length - 1) : (at + step + errors.length) % errors.length];
    if (!next) return;
    const keepFilter = filter === "all" || matches(next.f, filter);
    if (!keepFilter) setFilter("all");
    setOpen((o) => (o.includes(next.group) ? o : [...o, next.group]));
    const position = (groups.find((g) => g.key === next.group)?.items ?? []).filter((i) => !keepFilter || matches(i.f, filter)).findIndex((i) => i.key === next.key);
    if (position >= limitOf(next.group)) setLimits((l) => ({ ...l, [next.group]: Math.ceil((position + 1) / PAGE) * PAGE }));
    onSelect(next.f, next.key);
    // After the group has opened: bring the item into view (focus stays on the button, for the next press).
    requestAnimationFrame(() => document.getElementById(`finding-${next.key}`)?.scrollIntoView({ block: "nearest" }));
  };

  return (
    <div className={styles.root}>
      <div className={styles.tools} role="group" aria-label="按级别筛选">
        <ToggleButton size="small" checked={filter === "all"} onClick={() => setFilter("all")}>
          全部 {findings.length}
        </ToggleButton>
        {KINDS.filter((k) => counts[k]).map((k) => (
          <ToggleButton key={k} size="small" checked={filter === k} onClick={() => setFilter(k)}>
            {KIND_LABEL[k]} {counts[k]}
          </ToggleButton>
        ))}
      </div>
      {errors.length > 0 && (
        <div className={styles.tools}>
          <Button size="small" onClick={() => go(-1)}>
            上一个错误
          </Button>
          <Button size="small" onClick={() => go(1)}>
            下一个错误
          </Button>
          <Caption1 aria-live="polite">{at >= 0 ? `第 ${at + 1}/${errors.length} 个错误` : `共 ${errors.length} 个错误`}</Caption1>
        </div>
      )}
      <div {...arrows}>
        <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))} data-testid="findings">
          {shown.map((g) => {
            const c = countKinds(g.items.map((i) => i.f));
            return (
              <AccordionItem key={g.key} value={g.key}>
                <AccordionHeader as="h3" size="small">
                  <span className={styles.header}>
                    <span className={styles.title}>{g.table ? `${g.table} ${titleName(g.table)}` : "整个工作簿"}</span>
                    {KINDS.filter((k) => c[k]).map((k) => (
                      <KindBadge key={k} kind={k} count={c[k]} size="small" />
                    ))}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {g.items.slice(0, limitOf(g.key)).map(({ f, key }) => (
                      <li key={key}>
                        <FindingItem id={`finding-${key}`} f={f} group={g.table} current={key === current} onSelect={(x) => onSelect(x, key)} />
                      </li>
                    ))}
                  </ul>
                  {g.items.length > limitOf(g.key) && (
                    <Button appearance="subtle" size="small" onClick={() => setLimits((l) => ({ ...l, [g.key]: limitOf(g.key) + PAGE }))}>
                      再显示 {Math.min(PAGE, g.items.length - limitOf(g.key))} 条（已显示 {limitOf(g.key)}/{g.items.length} 条）
                    </Button>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      </div>
    </div>
  );
}
