// First run and help: a three-step quick start, and what 尾差, 容差 and 严格模式 mean (a popover).
import { Button, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "grid", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  surface: { maxWidth: "260px", display: "grid", rowGap: tokens.spacingVerticalS },
});

export function QuickStart() {
  const styles = useStyles();
  return (
    <section aria-labelledby="quick-start" data-testid="quick-start">
      <Text as="h3" id="quick-start" weight="semibold" size={300} block>
        三步开始
      </Text>
      <ol className={styles.steps}>
        <li>在 Excel 中打开填好的决算表（表1–表9 可以在同一个工作簿的不同工作表中）。</li>
        <li>点“校验”：各表表内、表间的勾稽关系逐一核对，有问题的单元格着色并加批注，数值不会被修改。</li>
        <li>点下面列出的问题，跳到对应单元格修改；改完再点“重新校验”。提交前可“清除标记”或“定稿”。</li>
      </ol>
    </section>
  );
}

export function RoundingHelp() {
  const styles = useStyles();
  return (
    <Popover withArrow positioning="below">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small">
          什么是尾差？
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label="什么是尾差" className={styles.surface}>
        <Text weight="semibold">尾差</Text>
        <Text>
          决算表以万元列示，各项分别四舍五入后再相加，合计与各项之和可能相差 0.01–0.02 万元。这样的差额叫尾差，是舍入造成的，不是错数。
        </Text>
        <Text weight="semibold">容差</Text>
        <Text>决算助手允许的尾差上限：两数相等的核对为 0.01；求和的核对按加数个数放宽（每个加数 0.005，加上合计本身）。超过容差的差额算错误。</Text>
        <Text weight="semibold">严格模式</Text>
        <Text>打开后，所有差额（尾差也算）都按错误标出，仍注明哪些是尾差。</Text>
      </PopoverSurface>
    </Popover>
  );
}
