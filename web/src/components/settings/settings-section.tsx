// One settings screen: the list of a resource as a table, a "New" button, and the editor of the row
// being created or changed. After a save the list shows the saved row and says so; after a save or
// a cancel the focus goes back to the button that opened the editor.
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { listSettings, type SettingsResource, type SettingsResources } from "../../api/settings.ts";
import { useAsync } from "../../hooks/use-async.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import "./settings.css";

type Item<R extends SettingsResource> = SettingsResources[R];

export type EditorSlot<R extends SettingsResource> = {
  item: Item<R> | null;
  onSaved: (saved: Item<R>) => void;
  /** For what the API lets delete: drops the row and says so. */
  onDeleted: (gone: Item<R>) => void;
  onCancel: () => void;
};

type Props<R extends SettingsResource> = {
  resource: R;
  title: string;
  intro?: ReactNode;
  /** Narrows the list (a language, say), with the control that chooses above the table. */
  filter?: { control: ReactNode; keep: (item: Item<R>) => boolean };
  headers: string[];
  row: (item: Item<R>) => ReactNode[];
  /** The row's name, for the "Edit …" button's accessible name and the saved notice. */
  nameOf: (item: Item<R>) => string;
  /** Admins only when left out, as the API's settings policy says (mayChangeSettings). */
  canCreate?: boolean;
  canEdit?: (item: Item<R>) => boolean;
  /** The row a link opened (/settings/organisations/{id}): its editor when it may be changed, else marked. */
  opened?: string | undefined;
  editor: (slot: EditorSlot<R>) => ReactNode;
  /** For rows that change on their own (a mailbox's connection): read again this often, no editor open. */
  refreshMs?: number;
};

export function SettingsSection<R extends SettingsResource>(props: Props<R>) {
  const { resource, title, intro, filter, headers, row, nameOf, editor } = props;
  const { t } = useTranslation();
  const admin = useMe().role === "admin";
  const canCreate = props.canCreate ?? admin;
  const canEdit = props.canEdit ?? (() => admin);
  const load = useCallback((signal: AbortSignal) => listSettings(resource, signal), [resource]);
  const { state, update, reload } = useAsync(`settings-${resource}`, load);
  const [editing, setEditing] = useState<"new" | string | null>(props.opened ?? null);
  const [saved, setSaved] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const { refreshMs } = props;
  useEffect(() => {
    if (!refreshMs || editing !== null) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, editing, reload]);

  const open = (target: "new" | string, button: HTMLElement) => {
    opener.current = button;
    setSaved(null);
    setEditing(target);
  };
  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const onSaved = (item: Item<R>) => {
    update((items) =>
      items.some((i) => i.id === item.id)
        ? items.map((i) => (i.id === item.id ? item : i))
        : [item, ...items],
    );
    setSaved(t("settings.savedNamed", { name: nameOf(item) }));
    close();
  };
  const onDeleted = (gone: Item<R>) => {
    update((items) => items.filter((i) => i.id !== gone.id));
    setSaved(t("settings.deletedNamed", { name: nameOf(gone) }));
    setEditing(null);
    // The row and its button are gone: the focus goes to the "New" button.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(".settings-page__new")?.focus(),
    );
  };

  const all = state.status === "ready" ? state.data : [];
  const items = filter ? all.filter(filter.keep) : all;
  const found = editing && editing !== "new" ? all.find((i) => i.id === editing) : null;
  const current = found && canEdit(found) ? found : null;

  return (
    <div className="page page--settings">
      <section className="settings-page">
        <p className="back-link">
          <Link to="/settings">{t("settings.back")}</Link>
        </p>
        <PageHeading title={title} />
        {intro ? <div className="page__intro">{intro}</div> : null}
        {saved ? (
          <p className="settings-saved" role="status">
            {saved}
          </p>
        ) : null}
        {canCreate ? (
          // Kept on screen while the editor is open, so the focus can come back to it.
          <button
            type="button"
            className="button button--primary settings-page__new"
            aria-expanded={editing === "new"}
            onClick={(event) => open("new", event.currentTarget)}
          >
            {t("settings.new")}
          </button>
        ) : null}
        {editing === "new" ? editor({ item: null, onSaved, onDeleted, onCancel: close }) : null}
        {current ? editor({ item: current, onSaved, onDeleted, onCancel: close }) : null}
        {filter ? <div className="report-filters">{filter.control}</div> : null}
        {state.status === "loading" ? <LoadingState /> : null}
        {state.status === "error" ? <ProblemMessage error={state.error} onRetry={reload} /> : null}
        {state.status === "ready" && items.length === 0 ? (
          <p className="empty-state">{t("settings.empty")}</p>
        ) : null}
        {items.length > 0 ? (
          <table className="token-table settings-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t("settings.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr
                  key={item.id}
                  aria-current={item.id === props.opened ? "true" : undefined}
                  className={item.id === props.opened ? "settings-table__opened" : undefined}
                >
                  {row(item).map((cell, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are in a fixed order.
                    <td key={index}>{cell}</td>
                  ))}
                  <td className="token-row__actions">
                    {canEdit(item) ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={t("settings.editNamed", { name: nameOf(item) })}
                        onClick={(event) => open(item.id, event.currentTarget)}
                      >
                        {t("settings.edit")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
