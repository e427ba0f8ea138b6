// The Cc field of a reply: addresses separated by commas; the ones that are not addresses named.
import { useId } from "react";
import { useTranslation } from "react-i18next";

type Props = { value: string; invalid: string[]; onChange: (value: string) => void };

export function CopiesField({ value, invalid, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="composer__cc">
      <label htmlFor={`${id}-cc`}>{t("composer.cc")}</label>
      <input
        id={`${id}-cc`}
        type="text"
        inputMode="email"
        autoComplete="off"
        value={value}
        aria-describedby={`${id}-cc-hint`}
        aria-invalid={invalid.length > 0}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-cc-hint`} className="composer__hint">
        {invalid.length > 0
          ? t("composer.ccInvalid", { addresses: invalid.join(", ") })
          : t("composer.ccHint")}
      </span>
    </div>
  );
}
