// A customer and everything that happened with them, newest first: conversations, calls, visits,
// changes. The advisor edits the profile in place ("e") and logs a call or a visit ("l").
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { TimelineConversation } from "../../api/types.ts";
import {
  announceCustomerChange,
  useCustomer,
  useCustomerSummary,
  useTimeline,
} from "../../hooks/use-customer.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { useUsers } from "../../hooks/use-users.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CustomerDataRights } from "./customer-data-rights.tsx";
import { CustomerGlance } from "./customer-glance.tsx";
import { CustomerProfile } from "./customer-profile.tsx";
import { CustomerProfileForm } from "./customer-profile-form.tsx";
import { CustomerValue } from "./customer-value.tsx";
import { InteractionForm } from "./interaction-form.tsx";
import { MergeSuggestions } from "./merge-suggestions.tsx";
import { PreferencesEditor } from "./preferences-editor.tsx";
import { TimelineList } from "./timeline-list.tsx";

type Notice = "saved" | "logged" | null;

export function CustomerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  // Opened from a link inside the console, Back returns there; opened directly, to the inbox.
  const cameFromConsole = useLocation().key !== "default";
  const customer = useCustomer(id);
  const summary = useCustomerSummary(id);
  const timeline = useTimeline(id);
  const users = useUsers();
  const now = useNow(60_000);
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const logButton = useRef<HTMLButtonElement>(null);
  const ready = customer.state.status === "ready" ? customer.state.data : null;
  // A merged or erased profile is read, not changed.
  const changeable = ready !== null && !ready.merged_into_id && !ready.erased_at;

  const startEditing = useCallback(() => {
    setNotice(null);
    setEditing(true);
  }, []);
  const startLogging = useCallback(() => {
    setNotice(null);
    setLogging(true);
  }, []);
  useShortcut("e", "shortcuts.editProfile", startEditing, { enabled: changeable && !editing });
  useShortcut("l", "shortcuts.logInteraction", startLogging, { enabled: changeable && !logging });

  const conversations: TimelineConversation[] = [];
  for (const entry of timeline.items) {
    const c = entry.conversation;
    if (c && !conversations.some((known) => known.id === c.id)) conversations.push(c);
  }

  return (
    <div className="page page--customer">
      {cameFromConsole ? (
        <button type="button" className="back-link link-button" onClick={() => navigate(-1)}>
          <span aria-hidden="true">← </span>
          {t("timeline.back")}
        </button>
      ) : (
        <Link to="/" className="back-link">
          <span aria-hidden="true">← </span>
          {t("conversation.back")}
        </Link>
      )}
      {customer.state.status === "loading" ? <LoadingState /> : null}
      {customer.state.status === "error" ? <ProblemMessage error={customer.state.error} /> : null}
      {ready ? (
        <div className="customer-layout">
          <section className="panel customer-layout__profile">
            <PageHeading title={ready.name || t("inbox.unknownCustomer")} />
            <CustomerGlance summary={summary.state} now={now} />
            {changeable ? (
              <div className="customer-actions">
                {[
                  {
                    key: "e",
                    ref: editButton,
                    open: editing,
                    start: startEditing,
                    label: t("customer.edit.open"),
                  },
                  {
                    key: "l",
                    ref: logButton,
                    open: logging,
                    start: startLogging,
                    label: t("customer.log.open"),
                  },
                ].map((action) => (
                  <button
                    key={action.key}
                    ref={action.ref}
                    type="button"
                    className="button button--secondary"
                    aria-expanded={action.open}
                    aria-keyshortcuts={action.key}
                    disabled={action.open}
                    onClick={action.start}
                  >
                    {action.label}
                  </button>
                ))}
              </div>
            ) : null}
            {notice ? (
              <p className="notice" role="status">
                {notice === "saved" ? t("customer.edit.saved") : t("customer.log.logged")}
              </p>
            ) : null}
            {editing ? (
              <CustomerProfileForm
                customer={ready}
                onSaved={(saved) => {
                  customer.update(() => saved);
                  setEditing(false);
                  setNotice("saved");
                  announceCustomerChange(ready.id);
                  editButton.current?.focus();
                }}
                onCancel={() => {
                  setEditing(false);
                  editButton.current?.focus();
                }}
              />
            ) : (
              <CustomerProfile customer={ready} summary={summary.state} users={users} now={now} />
            )}
            <CustomerValue customerId={ready.id} summary={summary.state} />
            {changeable ? (
              <PreferencesEditor
                customer={ready}
                onSaved={(saved) => {
                  customer.update(() => saved);
                  announceCustomerChange(ready.id);
                }}
              />
            ) : null}
            <MergeSuggestions customer={ready} />
            <CustomerDataRights customer={ready} onErased={() => navigate(0)} />
          </section>
          <section className="customer-layout__timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="section-title">
              {t("timeline.title")}
            </h2>
            {logging ? (
              <InteractionForm
                customerId={ready.id}
                conversations={conversations}
                onLogged={() => {
                  setLogging(false);
                  setNotice("logged");
                  announceCustomerChange(ready.id);
                  logButton.current?.focus();
                }}
                onCancel={() => {
                  setLogging(false);
                  logButton.current?.focus();
                }}
              />
            ) : null}
            <TimelineList timeline={timeline} users={users} now={now} />
          </section>
        </div>
      ) : null}
    </div>
  );
}
