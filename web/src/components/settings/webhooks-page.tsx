// Webhooks (admins): the URLs told of the desk's events, with their state and last delivery; a new
// one's secret shown once; one opened shows its delivery log, a test, a new secret and re-enabling.
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookSetting } from "../../api/settings.ts";
import { rotateWebhookSecret, testWebhook } from "../../api/webhooks.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { BrandField, brandChoice, brandIdOf, useBrandName } from "./brand-field.tsx";
import { CheckField, InputField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";
import { WebhookLog } from "./webhook-log.tsx";
import { WebhookSecret } from "./webhook-secret.tsx";

type Shown = { url: string; secret: string };

export function WebhooksPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const brandName = useBrandName();
  const { id } = useParams();
  const [shown, setShown] = useState<Shown | null>(null);
  const state = (w: WebhookSetting): ReactNode =>
    w.enabled ? (
      t("settings.webhooks.enabled")
    ) : (
      <span className="settings-nowrap">
        {t("settings.webhooks.disabled")}
        {w.disabled_reason ? ` — ${w.disabled_reason}` : ""}
      </span>
    );
  const last = (w: WebhookSetting) =>
    w.last_attempt
      ? `${w.last_attempt.succeeded ? "✓" : "✗"} ${formatDateTime(w.last_attempt.at, locale)}${
          w.last_attempt.status_code ? ` (${w.last_attempt.status_code})` : ""
        }`
      : t("settings.webhooks.never");
  return (
    <SettingsSection
      resource="webhooks"
      title={t("settings.webhooks.title")}
      intro={
        <>
          <p>{t("settings.webhooks.intro")}</p>
          {shown ? <WebhookSecret {...shown} onDone={() => setShown(null)} /> : null}
        </>
      }
      headers={[
        t("settings.webhooks.url"),
        t("settings.webhooks.events"),
        t("settings.webhooks.brand"),
        t("settings.webhooks.state"),
        t("settings.webhooks.lastDelivery"),
      ]}
      row={(w) => [
        <span key="url">
          {w.url}
          {w.description ? <span className="field__hint">{w.description}</span> : null}
        </span>,
        <span key="events" className="settings-nowrap">
          {w.events.join("\n")}
        </span>,
        brandName(w.brand_id),
        state(w),
        last(w),
      ]}
      nameOf={(w) => w.description || w.url}
      opened={id}
      editor={(slot) => <WebhookEditor {...slot} onSecret={setShown} />}
    />
  );
}

function WebhookEditor({
  item,
  onSaved,
  onCancel,
  onSecret,
}: EditorSlot<"webhooks"> & { onSecret: (shown: Shown) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(item?.url ?? "");
  const [description, setDescription] = useState(item?.description ?? "");
  const [events, setEvents] = useState<WebhookEvent[]>(item?.events ?? []);
  const [brand, setBrand] = useState(brandChoice(item?.brand_id));
  const [enabled, setEnabled] = useState(item?.enabled ?? true);
  const [generation, setGeneration] = useState(0);
  const [actionError, setActionError] = useState<unknown>(null);
  const [tested, setTested] = useState(false);

  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((list) => WEBHOOK_EVENTS.filter((e) => (e === event ? on : list.includes(e))));

  const saved = (answer: WebhookSetting) => {
    const { secret, ...webhook } = answer;
    if (secret) onSecret({ url: webhook.url, secret });
    onSaved(webhook);
  };

  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
    } catch (failure) {
      setActionError(failure);
    }
  };

  const actions = item ? (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          void act(async () => {
            await testWebhook(item.id);
            setTested(true);
            setGeneration((g) => g + 1);
          })
        }
      >
        {t("settings.webhooks.test")}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void act(async () => saved(await rotateWebhookSecret(item.id)))}
      >
        {t("settings.webhooks.rotate")}
      </button>
    </>
  ) : null;

  return (
    <>
      <SettingsEditor
        resource="webhooks"
        item={item}
        title={
          item
            ? t("settings.webhooks.edit", { name: item.description || item.url })
            : t("settings.webhooks.new")
        }
        input={() => ({
          url: url.trim(),
          description: description.trim(),
          events,
          brand_id: brandIdOf(brand),
          ...(item ? { enabled } : {}),
        })}
        onSaved={saved}
        onCancel={onCancel}
        actions={actions}
      >
        {(problems) => (
          <>
            <InputField
              label={t("settings.webhooks.url")}
              hint={t("settings.webhooks.urlHint")}
              value={url}
              onChange={setUrl}
              required
              problems={problems("url")}
            />
            <InputField
              label={t("settings.webhooks.description")}
              value={description}
              onChange={setDescription}
              problems={problems("description")}
            />
            <fieldset className="field">
              <legend>{t("settings.webhooks.events")}</legend>
              {WEBHOOK_EVENTS.map((event) => (
                <CheckField
                  key={event}
                  label={t(`settings.webhooks.eventNames.${event}`)}
                  checked={events.includes(event)}
                  onChange={(on) => toggle(event, on)}
                />
              ))}
              {problems("events")?.map((p) => (
                <p key={p.message} className="settings-field__problems">
                  {p.message}
                </p>
              ))}
            </fieldset>
            <BrandField
              label={t("settings.webhooks.brand")}
              value={brand}
              onChange={setBrand}
              problems={problems("brand_id")}
            />
            {item ? (
              <CheckField
                label={t("settings.webhooks.enabledLabel")}
                hint={item.disabled_reason ?? undefined}
                checked={enabled}
                onChange={setEnabled}
                problems={problems("enabled")}
              />
            ) : null}
          </>
        )}
      </SettingsEditor>
      {actionError ? <ProblemMessage error={actionError} /> : null}
      {tested ? (
        <p className="settings-saved" role="status">
          {t("settings.webhooks.testSent")}
        </p>
      ) : null}
      {item ? (
        <WebhookLog
          webhookId={item.id}
          generation={generation}
          onReload={() => setGeneration((g) => g + 1)}
        />
      ) : null}
    </>
  );
}
