// GET /healthz: 503 until migrations ran, the demo is loaded, SMTP is bound and job workers run; then 200.
import { z } from "zod";
import type { App } from "../app-type.ts";

export type Readiness = { ready: boolean; waitingFor: string };

export function registerHealthRoutes(app: App, readiness: Readiness): void {
  app.get(
    "/healthz",
    {
      config: { public: true },
      schema: {
        summary: "Readiness",
        tags: ["health"],
        response: {
          200: z.object({ status: z.literal("ok") }),
          503: z.object({ status: z.literal("starting"), waiting_for: z.string() }),
        },
      },
    },
    async (_request, reply) =>
      readiness.ready
        ? { status: "ok" as const }
        : reply.code(503).send({ status: "starting" as const, waiting_for: readiness.waitingFor }),
  );
}
