// The translation keys a shortcut may carry as its description (see use-shortcut.ts).
import type { ParseKeys } from "i18next";

export type ShortcutLabel = Extract<ParseKeys, `shortcuts.${string}`>;

export function isShortcutLabel(value: string | undefined): value is ShortcutLabel {
  return value?.startsWith("shortcuts.") === true;
}
