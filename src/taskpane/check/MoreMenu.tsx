// The 校验 panel's “更多” menu: 重置标记记录, the escape for mark records nothing else can fix (a record left by an
// older version, marks copied to other cells). It is destructive — it forgets both checks' records and removes the
// add-in's part of every note — so it asks first.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { useState } from "react";
import type { CheckSession } from "../../shared/checkSession";
import type { Notice } from "../useAction";

export function MoreMenu({ session, busy, run }: { session: CheckSession; busy: boolean; run: (work: () => Promise<Notice | void>, step?: string) => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const reset = () => {
    setAsking(false);
    void run(async () => {
      const { restored, notesCleaned } = await session.resetMarks();
      return { intent: "success", text: `已重置标记记录：恢复了 ${restored} 个单元格的原格式，清理了 ${notesCleaned} 条批注中本加载项的内容。` };
    }, "正在重置标记记录…");
  };
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button disabled={busy} aria-label="更多操作">
            更多…
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => setAsking(true)}>重置标记记录…</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={asking} onOpenChange={(_, d) => setAsking(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>重置标记记录？</DialogTitle>
            <DialogContent>
              仅在“清除标记”无法清除时使用。将尽量恢复“校验”和“检查自评表”标记过的单元格，删除所有批注中本加载项添加的内容，并忘记两者的标记记录。无法恢复的填充色需手动清除；此操作不能撤销。
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={reset}>
                重置
              </Button>
              <Button onClick={() => setAsking(false)}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
