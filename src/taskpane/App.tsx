import { FluentProvider, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ExcelHost } from "../excel/host";
import type { CheckSession } from "../shared/checkSession";
import { CheckPanel } from "./check/CheckPanel";
import { FillPanel } from "./fill/FillPanel";
import { SelfEvalPanel } from "./selfEval/SelfEvalPanel";
import { paneTheme } from "./theme";
import { NarrativePanel } from "./narrative/NarrativePanel";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalM },
});

type PanelId = "check" | "fill" | "selfEval" | "narrative";

export function App({ session, host }: { session: CheckSession; host: () => ExcelHost }) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>("check");
  return (
    <FluentProvider theme={paneTheme}>
      <div className={styles.root}>
        <TabList selectedValue={panel} onTabSelect={(_, d) => setPanel(d.value as PanelId)}>
          <Tab value="check">校验</Tab>
          <Tab value="fill">填充小计</Tab>
          <Tab value="selfEval">绩效自评</Tab>
          <Tab value="narrative">情况说明</Tab>
        </TabList>
        {panel === "check" && <CheckPanel session={session} host={host} />}
        {panel === "fill" && <FillPanel host={host} />}
        {panel === "selfEval" && <SelfEvalPanel host={host} />}
        {panel === "narrative" && <NarrativePanel host={host} />}
      </div>
    </FluentProvider>
  );
}
