// One way to bind a key in the console. Every shortcut names what it does with a translation
// key, so the "?" overlay lists exactly the shortcuts the current screen offers, in the
// advisor's language. Keys typed into a field never fire a shortcut (react-hotkeys-hook's
// default), except where a screen asks for it.
import { useHotkeys } from "react-hotkeys-hook";
import type { ShortcutLabel } from "../components/keyboard/shortcut-labels.ts";

export interface ShortcutOptions {
  enabled?: boolean;
  /** Fire inside inputs and text areas too (e.g. Escape to leave the composer). */
  inFields?: boolean;
}

export function useShortcut(
  keys: string,
  label: ShortcutLabel,
  handler: (event: KeyboardEvent) => void,
  options: ShortcutOptions = {},
): void {
  useHotkeys(
    keys,
    (event) => {
      event.preventDefault();
      handler(event);
    },
    {
      description: label,
      enabled: options.enabled ?? true,
      enableOnFormTags: options.inFields ?? false,
      // Match the character typed ("?", "/") whatever the keyboard layout.
      useKey: true,
    },
    [handler, options.enabled],
  );
}
