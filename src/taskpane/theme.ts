// Fluent's light theme with Chinese fonts in its stacks: Segoe UI has no CJK glyphs, so each stack names the
// Chinese UI font of each platform (Windows, Mac) and Noto Sans SC (Linux, and the browser test's page).
import { type Theme, webLightTheme } from "@fluentui/react-components";

const CJK = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans SC'";

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `'Segoe UI', ${CJK}, sans-serif`,
  fontFamilyNumeric: `Bahnschrift, 'Segoe UI', ${CJK}, sans-serif`,
  fontFamilyMonospace: `Consolas, 'Courier New', ${CJK}, monospace`,
};
