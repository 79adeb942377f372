// The pane: a header, the tabs, and the panels. Every panel stays mounted (the others hidden), so that what a
// panel shows survives a switch of tab.
import { AriaLiveAnnouncer, FluentProvider, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import type { ExcelHost } from "../excel/host";
import type { CheckSession } from "../shared/checkSession";
import { CheckPanel } from "./check/CheckPanel";
import { FillPanel } from "./fill/FillPanel";
import { SelfEvalPanel } from "./selfEval/SelfEvalPanel";
import { paneTheme } from "./theme";
import { NarrativePanel } from "./narrative/NarrativePanel";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    width: "100%",
    minWidth: 0,
  },
  header: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  tabs: { flexWrap: "wrap" },
  main: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", minWidth: 0 },
});

export function App({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [panel, setPanel] = useState("check");
  const tabs: { id: string; label: string; content: ReactNode }[] = [
    { id: "check", label: "校验", content: <CheckPanel session={session} host={host} /> },
    { id: "fill", label: "填充小计", content: <FillPanel session={session} host={host} /> },
    { id: "selfEval", label: "绩效自评", content: <SelfEvalPanel session={session} host={host} /> },
    { id: "narrative", label: "情况说明", content: <NarrativePanel host={host} /> },
  ];
  return (
    <FluentProvider theme={paneTheme}>
      <AriaLiveAnnouncer>
        <div className={styles.root} data-testid="pane-root">
          <header className={styles.header}>
            <Text as="h1" size={500} weight="semibold">
              决算助手
            </Text>
            <Text size={200}>部门决算表1–表9 与绩效自评表</Text>
          </header>
          <TabList className={styles.tabs} selectedValue={panel} onTabSelect={(_, d) => setPanel(String(d.value))} aria-label="功能">
            {tabs.map((t) => (
              <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
                {t.label}
              </Tab>
            ))}
          </TabList>
          <main className={styles.main}>
            {tabs.map((t) => (
              <div key={t.id} id={`panel-${t.id}`} role="tabpanel" aria-labelledby={`tab-${t.id}`} hidden={panel !== t.id}>
                {t.content}
              </div>
            ))}
          </main>
        </div>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
