// IMAP mailboxes (admins): an existing mailbox feeds a brand — where it is, its account (the
// password written, never shown), the folder read and what is done with a mail once taken — and
// how its connection is doing: state, last error, last success.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { deleteMailbox, type MailboxSetting } from "../../api/settings.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useBrands } from "../../hooks/use-brands.ts";
import { DeleteAction } from "./delete-action.tsx";
import { CheckField, InputField, SelectField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";

function MailboxState({ mailbox }: { mailbox: MailboxSetting }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="mailbox-state">
      <span>{t(`settings.mailboxes.state.${mailbox.state}`)}</span>
      {mailbox.last_error && mailbox.last_error_at ? (
        <span className="settings-hint">
          {" "}
          {t("settings.mailboxes.lastError", {
            error: mailbox.last_error,
            at: formatDateTime(mailbox.last_error_at, i18n.language),
          })}
        </span>
      ) : null}
    </span>
  );
}

export function MailboxesPage() {
  const { t, i18n } = useTranslation();
  const brands = useBrands();
  return (
    <SettingsSection
      resource="mailboxes"
      refreshMs={5_000}
      title={t("settings.mailboxes.title")}
      intro={t("settings.mailboxes.intro")}
      headers={[
        t("settings.mailboxes.brand"),
        t("settings.mailboxes.server"),
        t("settings.mailboxes.user"),
        t("settings.mailboxes.folder"),
        t("settings.mailboxes.stateLabel"),
        t("settings.mailboxes.lastSuccess"),
      ]}
      row={(m) => [
        brands.byId.get(m.brand_id)?.name ?? m.brand_id,
        `${m.host}:${m.port}${m.tls ? " (TLS)" : ""}`,
        m.user,
        m.folder,
        <MailboxState key="state" mailbox={m} />,
        m.last_success_at
          ? formatDateTime(m.last_success_at, i18n.language)
          : t("settings.mailboxes.never"),
      ]}
      nameOf={(m) => `${m.user} (${m.host})`}
      editor={(slot) => <MailboxEditor {...slot} />}
    />
  );
}

function MailboxEditor({ item, onSaved, onDeleted, onCancel }: EditorSlot<"mailboxes">) {
  const { t } = useTranslation();
  const brands = useBrands();
  const [chosenBrand, setBrandId] = useState(item?.brand_id ?? "");
  // The brands may arrive after the editor opened: the first is chosen until one is.
  const brandId = chosenBrand || brands.list[0]?.id || "";
  const [host, setHost] = useState(item?.host ?? "");
  const [port, setPort] = useState(String(item?.port ?? 993));
  const [tls, setTls] = useState(item?.tls ?? true);
  const [user, setUser] = useState(item?.user ?? "");
  const [password, setPassword] = useState("");
  const [folder, setFolder] = useState(item?.folder ?? "INBOX");
  const [after, setAfter] = useState<MailboxSetting["after_taking"]>(item?.after_taking ?? "flag");
  const [moveTo, setMoveTo] = useState(item?.move_to ?? "");
  const [enabled, setEnabled] = useState(item?.enabled ?? true);

  const input = (): Partial<MailboxSetting & { password: string }> => ({
    brand_id: brandId,
    host: host.trim(),
    port: Number(port),
    tls,
    user: user.trim(),
    folder: folder.trim(),
    after_taking: after,
    move_to: after === "move" ? moveTo.trim() : item?.move_to ? null : undefined,
    enabled,
    ...(password === "" ? {} : { password }),
  });

  return (
    <SettingsEditor
      resource="mailboxes"
      item={item}
      title={
        item
          ? t("settings.mailboxes.edit", { name: `${item.user} (${item.host})` })
          : t("settings.mailboxes.new")
      }
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
      actions={
        item ? (
          <DeleteAction
            labels={{
              delete: t("settings.mailboxes.delete"),
              confirm: t("settings.mailboxes.confirmDelete"),
              deleteForGood: t("settings.mailboxes.deleteForGood"),
              keep: t("settings.mailboxes.keep"),
            }}
            onDelete={async () => {
              await deleteMailbox(item.id);
              onDeleted(item);
            }}
          />
        ) : null
      }
    >
      {(problems) => (
        <>
          {item ? (
            <p className="settings-hint">
              {t("settings.mailboxes.stateLabel")}: <MailboxState mailbox={item} />
            </p>
          ) : null}
          <SelectField
            label={t("settings.mailboxes.brand")}
            hint={t("settings.mailboxes.brandHint")}
            value={brandId}
            onChange={setBrandId}
            options={brands.list.map((b) => ({ value: b.id, label: b.name }))}
            problems={problems("brand_id")}
          />
          <InputField
            label={t("settings.mailboxes.host")}
            value={host}
            onChange={setHost}
            required
            placeholder="imap.example.com"
            problems={problems("host")}
          />
          <InputField
            label={t("settings.mailboxes.port")}
            type="number"
            min={1}
            max={65535}
            value={port}
            onChange={setPort}
            required
            problems={problems("port")}
          />
          <CheckField
            label={t("settings.mailboxes.tls")}
            hint={t("settings.mailboxes.tlsHint")}
            checked={tls}
            onChange={setTls}
            problems={problems("tls")}
          />
          <InputField
            label={t("settings.mailboxes.user")}
            value={user}
            onChange={setUser}
            required
            problems={problems("user")}
          />
          <InputField
            label={t("settings.mailboxes.password")}
            hint={
              item ? t("settings.mailboxes.passwordKeep") : t("settings.mailboxes.passwordHint")
            }
            type="password"
            value={password}
            onChange={setPassword}
            required={!item}
            problems={problems("password")}
          />
          <InputField
            label={t("settings.mailboxes.folder")}
            value={folder}
            onChange={setFolder}
            required
            problems={problems("folder")}
          />
          <SelectField
            label={t("settings.mailboxes.after")}
            value={after}
            onChange={(v) => setAfter(v === "move" ? "move" : "flag")}
            options={[
              { value: "flag", label: t("settings.mailboxes.afterFlag") },
              { value: "move", label: t("settings.mailboxes.afterMove") },
            ]}
            problems={problems("after_taking")}
          />
          {after === "move" ? (
            <InputField
              label={t("settings.mailboxes.moveTo")}
              value={moveTo}
              onChange={setMoveTo}
              required
              problems={problems("move_to")}
            />
          ) : null}
          <CheckField
            label={t("settings.mailboxes.enabled")}
            checked={enabled}
            onChange={setEnabled}
            problems={problems("enabled")}
          />
        </>
      )}
    </SettingsEditor>
  );
}
