// Organisations: their mail domains, whether they are partners, and who their customers' new
// conversations go to (advisor, backup, partner manager). Managers and admins change them; everyone
// reads them, and a customer's page links to theirs.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { OrganisationSetting } from "../../api/settings.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { useUsers } from "../../hooks/use-users.ts";
import { CheckField, InputField, SelectField, TextAreaField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";
import { listFromText } from "./settings-text.ts";

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { role } = useMe();
  const users = useUsers();
  const { id } = useParams();
  const nameOf = (userId: string | null) =>
    userId ? (users.byId.get(userId)?.name ?? userId) : "";
  const writes = role === "manager" || role === "admin";
  return (
    <SettingsSection
      resource="organisations"
      title={t("settings.organisations.title")}
      intro={t(writes ? "settings.organisations.intro" : "settings.organisations.introReader")}
      headers={[
        t("settings.organisations.name"),
        t("settings.organisations.domains"),
        t("settings.organisations.advisor"),
        t("settings.organisations.backup"),
        t("settings.organisations.partner"),
      ]}
      row={(o) => [
        o.name,
        <span key="domains" className="settings-nowrap">
          {o.domains.join("\n")}
        </span>,
        nameOf(o.advisor_id),
        nameOf(o.backup_id),
        o.is_partner
          ? t("settings.organisations.partnerWith", { name: nameOf(o.partner_manager_id) || "—" })
          : "",
      ]}
      nameOf={(o) => o.name}
      canCreate={writes}
      canEdit={() => writes}
      opened={id}
      editor={(slot) => <OrganisationEditor {...slot} />}
    />
  );
}

function OrganisationEditor({ item, onSaved, onCancel }: EditorSlot<"organisations">) {
  const { t } = useTranslation();
  const users = useUsers();
  const people = [
    { value: "", label: t("settings.organisations.nobody") },
    ...users.list
      .filter((u) => u.active)
      .map((u) => ({ value: u.id, label: `${u.name} (${t(`header.role.${u.role}`)})` })),
  ];
  const [name, setName] = useState(item?.name ?? "");
  const [domains, setDomains] = useState(item?.domains.join(", ") ?? "");
  const [advisorId, setAdvisorId] = useState(item?.advisor_id ?? "");
  const [backupId, setBackupId] = useState(item?.backup_id ?? "");
  const [isPartner, setIsPartner] = useState(item?.is_partner ?? false);
  const [partnerManagerId, setPartnerManagerId] = useState(item?.partner_manager_id ?? "");
  const [notes, setNotes] = useState(item?.notes ?? "");

  const input = (): Partial<OrganisationSetting> => ({
    name: name.trim(),
    domains: listFromText(domains),
    advisor_id: advisorId || null,
    backup_id: backupId || null,
    is_partner: isPartner,
    partner_manager_id: partnerManagerId || null,
    notes,
  });

  return (
    <SettingsEditor
      resource="organisations"
      item={item}
      title={
        item
          ? t("settings.organisations.edit", { name: item.name })
          : t("settings.organisations.new")
      }
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.organisations.name")}
            value={name}
            onChange={setName}
            required
            problems={problems("name")}
          />
          <InputField
            label={t("settings.organisations.domains")}
            hint={t("settings.organisations.domainsHint")}
            value={domains}
            onChange={setDomains}
            problems={problems("domains")}
          />
          <SelectField
            label={t("settings.organisations.advisor")}
            hint={t("settings.organisations.advisorHint")}
            value={advisorId}
            onChange={setAdvisorId}
            options={people}
            problems={problems("advisor_id")}
          />
          <SelectField
            label={t("settings.organisations.backup")}
            hint={t("settings.organisations.backupHint")}
            value={backupId}
            onChange={setBackupId}
            options={people}
            problems={problems("backup_id")}
          />
          <CheckField
            label={t("settings.organisations.isPartner")}
            checked={isPartner}
            onChange={setIsPartner}
            problems={problems("is_partner")}
          />
          <SelectField
            label={t("settings.organisations.partnerManager")}
            hint={t("settings.organisations.partnerManagerHint")}
            value={partnerManagerId}
            onChange={setPartnerManagerId}
            options={people}
            problems={problems("partner_manager_id")}
          />
          <TextAreaField
            label={t("settings.organisations.notes")}
            value={notes}
            onChange={setNotes}
            rows={3}
            problems={problems("notes")}
          />
        </>
      )}
    </SettingsEditor>
  );
}
