// A page's title: names the browser tab and takes the focus after a navigation, so screen readers
// announce the new page.
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

type Props = { title: string; children?: ReactNode };

export function PageHeading({ title, children }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
