// "?" opens the list of the shortcuts the current screen offers; Escape or the button closes it
// and gives the focus back to where it was.
import { useRef, useState } from "react";
import { useHotkeysContext } from "react-hotkeys-hook";
import { useTranslation } from "react-i18next";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { isShortcutLabel } from "./shortcut-labels.ts";

export function ShortcutHelp() {
  const { t } = useTranslation();
  const { hotkeys } = useHotkeysContext();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useShortcut("shift+?", "shortcuts.help", () => {
    dialog.current?.showModal();
    setOpen(true);
  });

  const listed = hotkeys.filter((hotkey) => isShortcutLabel(hotkey.description));
  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      aria-labelledby="shortcut-help-title"
      onClose={() => setOpen(false)}
    >
      <h2 id="shortcut-help-title">{t("shortcuts.title")}</h2>
      {open && (
        <dl className="shortcut-help__list">
          {listed.map((hotkey) => (
            <div key={`${hotkey.hotkey}-${hotkey.description}`} className="shortcut-help__row">
              <dt>
                <kbd>{hotkey.keys?.join(" / ") ?? hotkey.hotkey}</kbd>
              </dt>
              <dd>{isShortcutLabel(hotkey.description) ? t(hotkey.description) : null}</dd>
            </div>
          ))}
        </dl>
      )}
      <form method="dialog">
        <button type="submit">{t("shortcuts.close")}</button>
      </form>
    </dialog>
  );
}
