// Teams and their managers: admins create teams and name their manager (the escalation point); a
// manager renames and staffs the teams they manage.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamSetting } from "../../api/settings.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { useUsers } from "../../hooks/use-users.ts";
import { InputField, SelectField } from "./fields.tsx";
import { SettingsEditor } from "./settings-editor.tsx";
import { type EditorSlot, SettingsSection } from "./settings-section.tsx";

export function TeamsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const nameOf = (id: string | null) => (id ? (users.byId.get(id)?.name ?? id) : "");
  const admin = me.role === "admin";
  return (
    <SettingsSection
      resource="teams"
      title={t("settings.teams.title")}
      intro={admin ? t("settings.teams.intro") : t("settings.teams.introManager")}
      headers={[t("settings.teams.name"), t("settings.teams.manager"), t("settings.teams.members")]}
      row={(team) => [team.name, nameOf(team.manager_id), team.member_ids.map(nameOf).join(", ")]}
      nameOf={(team) => team.name}
      canCreate={admin}
      canEdit={(team) => admin || team.manager_id === me.user.id}
      editor={(slot) => <TeamEditor {...slot} />}
    />
  );
}

function TeamEditor({ item, onSaved, onCancel }: EditorSlot<"teams">) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const admin = me.role === "admin";
  const active = users.list.filter((u) => u.active);
  const leaders = active.filter((u) => u.role === "manager" || u.role === "admin");
  const [name, setName] = useState(item?.name ?? "");
  const [managerId, setManagerId] = useState(item?.manager_id ?? me.user.id);
  const [members, setMembers] = useState<string[]>(item?.member_ids ?? []);

  const input = (): Partial<TeamSetting> => ({
    name: name.trim(),
    // A manager may not hand their team to someone else: only an admin sends the manager.
    ...(admin ? { manager_id: managerId } : {}),
    member_ids: members,
  });
  const toggle = (id: string, on: boolean) =>
    setMembers((list) => (on ? [...list, id] : list.filter((m) => m !== id)));

  return (
    <SettingsEditor
      resource="teams"
      item={item}
      title={item ? t("settings.teams.edit", { name: item.name }) : t("settings.teams.new")}
      input={input}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(problems) => (
        <>
          <InputField
            label={t("settings.teams.name")}
            value={name}
            onChange={setName}
            required
            problems={problems("name")}
          />
          <SelectField
            label={t("settings.teams.manager")}
            hint={t("settings.teams.managerHint")}
            value={managerId}
            onChange={setManagerId}
            disabled={!admin}
            options={leaders.map((u) => ({ value: u.id, label: u.name }))}
            problems={problems("manager_id")}
          />
          <fieldset className="field settings-members">
            <legend>{t("settings.teams.members")}</legend>
            {active.map((u) => (
              <label key={u.id} className="toggle">
                <input
                  type="checkbox"
                  checked={members.includes(u.id)}
                  onChange={(event) => toggle(u.id, event.target.checked)}
                />{" "}
                {u.name} <span className="field__hint">{t(`header.role.${u.role}`)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
    </SettingsEditor>
  );
}
