// The console's screens: the sign-in page until someone is signed in, then the inbox, a
// conversation, a customer's timeline, the API tokens, the settings and the reports, my customers
// and the transfers to accept.
import { HotkeysProvider } from "react-hotkeys-hook";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";
import { SessionProvider, useSession } from "../hooks/use-session.tsx";
import { LoadingState } from "./common/loading-state.tsx";
import { ProblemMessage } from "./common/problem-message.tsx";
import { ConversationPage } from "./conversation/conversation-page.tsx";
import { CustomerPage } from "./customer/customer-page.tsx";
import { CustomersPage } from "./customers-list/customers-page.tsx";
import { InboxPage } from "./inbox/inbox-page.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { MyCustomersPage } from "./portfolio/my-customers-page.tsx";
import { ReportsRoute } from "./reports/reports-route.tsx";
import { SignInPage } from "./session/sign-in-page.tsx";
import { SettingsRoutes } from "./settings/settings-routes.tsx";
import { TokensPage } from "./tokens/tokens-page.tsx";
import { TransfersPage } from "./transfers/transfers-page.tsx";

function Screens() {
  const { state, retry } = useSession();
  const { t } = useTranslation();

  switch (state.status) {
    case "checking":
      return (
        <main className="centered" id="main">
          <LoadingState />
        </main>
      );
    case "unavailable":
      return (
        <main className="centered" id="main">
          <p className="sign-in__brand">{t("app.name")}</p>
          <ProblemMessage error={state.error} onRetry={retry} />
        </main>
      );
    case "signed_out":
      return <SignInPage sessionLost={state.lost} />;
    case "signed_in":
      return (
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<InboxPage />} />
            <Route path="conversations/:id" element={<ConversationPage />} />
            <Route path="customers" element={<CustomersPage />} />
            <Route path="customers/:id" element={<CustomerPage />} />
            <Route path="settings/*" element={<SettingsRoutes />} />
            <Route path="reports" element={<ReportsRoute />} />
            <Route path="tokens" element={<TokensPage />} />
            <Route path="my-customers" element={<MyCustomersPage />} />
            <Route path="transfers" element={<TransfersPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      );
  }
}

export function App() {
  return (
    <BrowserRouter>
      <HotkeysProvider>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </HotkeysProvider>
    </BrowserRouter>
  );
}
