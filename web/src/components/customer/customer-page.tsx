// A customer and everything that happened with them, newest first: conversations, calls, visits, orders…
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useCustomer, useCustomerSummary, useTimeline } from "../../hooks/use-customer.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useUsers } from "../../hooks/use-users.ts";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { CustomerDataRights } from "./customer-data-rights.tsx";
import { CustomerProfile } from "./customer-profile.tsx";
import { TimelineList } from "./timeline-list.tsx";

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
      {customer.status === "loading" ? <LoadingState /> : null}
      {customer.status === "error" ? <ProblemMessage error={customer.error} /> : null}
      {customer.status === "ready" ? (
        <div className="customer-layout">
          <section className="panel customer-layout__profile">
            <PageHeading title={customer.data.name || t("inbox.unknownCustomer")} />
            <CustomerProfile customer={customer.data} summary={summary} users={users} now={now} />
            <CustomerDataRights customer={customer.data} onErased={() => navigate(0)} />
          </section>
          <section className="customer-layout__timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="section-title">
              {t("timeline.title")}
            </h2>
            <TimelineList timeline={timeline} users={users} now={now} />
          </section>
        </div>
      ) : null}
    </div>
  );
}
