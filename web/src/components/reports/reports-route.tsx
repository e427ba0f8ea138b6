// /reports, loaded on demand: the page and Chart.js come in their own chunk, not the main bundle.
import { lazy, Suspense } from "react";
import { useMe } from "../../hooks/use-session.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { NotFoundPage } from "../not-found-page.tsx";
import { readsReports } from "../settings/settings-sections.ts";

const ReportsPage = lazy(() =>
  import("./reports-page.tsx").then((module) => ({ default: module.ReportsPage })),
);

export function ReportsRoute() {
  const { role } = useMe();
  if (!readsReports(role)) return <NotFoundPage />;
  return (
    <Suspense
      fallback={
        <div className="page">
          <LoadingState />
        </div>
      }
    >
      <ReportsPage />
    </Suspense>
  );
}
