// The badge and the stripe of each kind of finding: distinct colours and fills, so that 错误 and 尾差 are
// told apart at a glance (a filled red badge, a pale yellow one, a filled orange one, a blue outline).
import { Badge, tokens } from "@fluentui/react-components";
import { KIND_LABEL, KIND_UNIT, type Kind } from "./severity";

const BADGE = {
  error: { color: "danger", appearance: "filled" },
  rounding: { color: "warning", appearance: "tint" },
  warning: { color: "severe", appearance: "filled" },
  info: { color: "informative", appearance: "outline" },
} as const;

export const STRIPE: Record<Kind, string> = {
  error: tokens.colorPaletteRedBorderActive,
  rounding: tokens.colorPaletteYellowBorderActive,
  warning: tokens.colorPaletteDarkOrangeBorderActive,
  info: tokens.colorPaletteBlueBorderActive,
};

export function KindBadge({ kind, count, size = "medium" }: { kind: Kind; count?: number; size?: "small" | "medium" }) {
  const { color, appearance } = BADGE[kind];
  return (
    <Badge color={color} appearance={appearance} size={size} shape="rounded">
      {count === undefined ? KIND_LABEL[kind] : `${count} ${KIND_UNIT[kind]}${KIND_LABEL[kind]}`}
    </Badge>
  );
}

