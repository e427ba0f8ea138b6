// A conversation's settings: status, priority, assigned advisor (its team's people, managers and
// admins), escalation to the manager, snooze, tags, the spam mark and the list-mail mark. A close the server refuses (no human answer yet) asks for
// the reason instead of failing.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  type CloseReason,
  CONVERSATION_STATUSES,
  type Conversation,
  type ConversationChange,
  PRIORITIES,
} from "../../api/types.ts";
import { assigneeChoices, type TeamPeople } from "../../display/assignee-choices.ts";
import type { CloseRefusal } from "../../display/close-refusal.ts";
import type { SaveState } from "../../hooks/use-conversation.ts";
import type { Users } from "../../hooks/use-users.ts";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CloseReasonForm } from "./close-reason-form.tsx";
import { SnoozeControl, TagsControl } from "./snooze-and-tags.tsx";

type Props = {
  conversation: Conversation;
  users: Users;
  meId: string;
  save: SaveState;
  saveError: unknown;
  closeRefusal: CloseRefusal | null;
  onChange: (change: ConversationChange) => Promise<void>;
  onCloseWithReason: (reason: CloseReason) => Promise<void>;
  onDismissCloseRefusal: () => void;
  onSetSpam: (spam: boolean) => Promise<void>;
  onSetBulk: (bulk: boolean) => Promise<void>;
  onSnooze: (until: string | null) => Promise<void>;
  onEscalate: () => Promise<void>;
  /** The conversation's team (else its brand's), whose people the assignee picker offers. */
  team: TeamPeople | null;
  now: Date;
};

export function ConversationControls(props: Props) {
  const { conversation, users, meId, save, saveError, closeRefusal } = props;
  const { t } = useTranslation();
  const id = useId();
  const saving = save === "saving";
  const assigneeKnown =
    conversation.assignee_id === null || users.byId.has(conversation.assignee_id);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t("conversation.controls")}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t("conversation.status")}</label>
        <select
          id={`${id}-status`}
          value={conversation.status}
          disabled={saving}
          onChange={(event) => {
            const status = CONVERSATION_STATUSES.find((value) => value === event.target.value);
            if (status) void props.onChange({ status });
          }}
        >
          {CONVERSATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {closeRefusal ? (
        <CloseReasonForm
          refusal={closeRefusal}
          saving={saving}
          onConfirm={props.onCloseWithReason}
          onCancel={props.onDismissCloseRefusal}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-priority`}>{t("conversation.priority")}</label>
        <select
          id={`${id}-priority`}
          value={conversation.priority}
          disabled={saving}
          onChange={(event) => {
            const priority = PRIORITIES.find((value) => value === event.target.value);
            if (priority) void props.onChange({ priority });
          }}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-assignee`}>{t("conversation.assignee")}</label>
        <select
          id={`${id}-assignee`}
          value={conversation.assignee_id ?? ""}
          disabled={saving}
          onChange={(event) => void props.onChange({ assignee_id: event.target.value || null })}
        >
          <option value="">{t("conversation.unassigned")}</option>
          {assigneeChoices(users.list, props.team, conversation.assignee_id).map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
          {!assigneeKnown && conversation.assignee_id ? (
            <option value={conversation.assignee_id}>{conversation.assignee_id}</option>
          ) : null}
        </select>
        {users.error ? (
          <ProblemMessage error={users.error} what={t("conversation.usersUnavailable")} />
        ) : null}
        {conversation.assignee_id !== meId ? (
          <button
            type="button"
            className="link-button"
            disabled={saving}
            onClick={() => void props.onChange({ assignee_id: meId })}
          >
            {t("conversation.assignToMe")}
          </button>
        ) : null}
      </div>
      {conversation.status === "resolved" || conversation.status === "closed" ? null : (
        <div className="field field--escalate">
          <button
            type="button"
            className="button button--secondary"
            disabled={saving}
            onClick={() => void props.onEscalate()}
          >
            {t("routing.escalate")}
          </button>
          <p className="field__hint">{t("routing.escalateHint")}</p>
        </div>
      )}
      <SnoozeControl
        conversation={conversation}
        now={props.now}
        saving={saving}
        onSnooze={props.onSnooze}
      />
      <TagsControl
        tags={conversation.tags}
        saving={saving}
        onSave={(tags) => props.onChange({ tags })}
      />
      <div className="field field--spam">
        <button
          type="button"
          className="button button--secondary"
          disabled={saving}
          onClick={() => void props.onSetSpam(!conversation.spam)}
        >
          {conversation.spam ? t("conversation.notSpam") : t("conversation.markSpam")}
        </button>
        <p className="field__hint">
          {conversation.spam ? t("conversation.notSpamHint") : t("conversation.markSpamHint")}
        </p>
      </div>
      {conversation.spam ? null : (
        <div className="field field--bulk">
          <button
            type="button"
            className="button button--secondary"
            disabled={saving}
            onClick={() => void props.onSetBulk(!conversation.bulk)}
          >
            {conversation.bulk ? t("conversation.owedAnswer") : t("conversation.markBulk")}
          </button>
          <p className="field__hint">
            {conversation.bulk ? t("conversation.owedAnswerHint") : t("conversation.markBulkHint")}
          </p>
        </div>
      )}
      <p className="panel__status" role="status">
        {save === "saving"
          ? t("conversation.saving")
          : save === "saved"
            ? t("conversation.saved")
            : ""}
      </p>
      {saveError ? <ProblemMessage error={saveError} /> : null}
    </section>
  );
}
