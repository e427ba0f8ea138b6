// The Fastify app, assembled in a fixed order: validation, errors, headers, cookies, limits, OpenAPI,
// authentication, routes, console.
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { TrustProxy } from "../config.ts";
import type { Runtime } from "../runtime.ts";
import type { App } from "./app-type.ts";
import { registerAuthentication } from "./plugins/authentication.ts";
import { registerConsole } from "./plugins/console.ts";
import { answerRouterError, registerProblems } from "./plugins/problems.ts";
import { referencePagePolicy, registerSecurityHeaders } from "./plugins/security-headers.ts";
import { safeValidatorCompiler } from "./plugins/validation.ts";
import { registerAttachmentRoutes } from "./routes/attachments.ts";
import { registerCharterRoutes } from "./routes/charter.ts";
import { registerConversationRoutes } from "./routes/conversations.ts";
import { registerCustomerMergeRoutes } from "./routes/customer-merges.ts";
import { registerCustomerRoutes } from "./routes/customers.ts";
import { type Readiness, registerHealthRoutes } from "./routes/health.ts";
import { registerInboundRoutes } from "./routes/inbound.ts";
import { registerMailSetupRoutes } from "./routes/mail-setup.ts";
import { registerNotificationRoutes } from "./routes/notifications.ts";
import { registerOrderRoutes } from "./routes/orders.ts";
import { registerOrganisationRoutes } from "./routes/organisations.ts";
import { registerPortalRoutes } from "./routes/portal.ts";
import { registerPortfolioRoutes } from "./routes/portfolio.ts";
import { registerPresenceRoutes } from "./routes/presence.ts";
import { registerRawMailRoutes } from "./routes/raw-mail.ts";
import { registerReportRoutes } from "./routes/reports.ts";
import { registerSearchRoutes } from "./routes/search.ts";
import { registerSessionRoutes } from "./routes/session.ts";
import { registerSettingsRoutes } from "./routes/settings.ts";
import { registerStreamRoutes } from "./routes/stream.ts";
import { registerTokenRoutes } from "./routes/tokens.ts";
import { registerTransferRoutes } from "./routes/transfers.ts";
import { registerUnansweredRoutes } from "./routes/unanswered.ts";
import { registerWebhookRoutes } from "./routes/webhooks.ts";
import { registerWidgetRoutes } from "./routes/widget.ts";
import { registerWidgetAssets } from "./routes/widget-assets.ts";
import { registerWorkspaceRoutes } from "./routes/workspace.ts";

/** Fastify's form of the setting: a hop count is a function of the hop (its types omit numbers). */
const proxyTrust = (t: TrustProxy) =>
  typeof t === "number" ? (_address: string, hop: number) => hop < t : t;

/** Limits on the wire; tests shorten the request deadline to see a slow body cut. */
export type WireLimits = {
  /** The whole request (headers and body) must arrive within this many milliseconds. */
  requestTimeoutMs: number;
  /** How often the server looks for requests past their deadline. */
  checkEveryMs: number;
};

const defaultLimits: WireLimits = { requestTimeoutMs: 30_000, checkEveryMs: 5_000 };

export async function buildApp(
  rt: Runtime,
  readiness: Readiness,
  limits: WireLimits = defaultLimits,
): Promise<App> {
  const app = Fastify({
    loggerInstance: rt.log as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Node enforces the deadline only when its server is created with it; Fastify then sets it again.
    requestTimeout: limits.requestTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkEveryMs,
    },
    genReqId: () => rt.newId(),
    // X-Forwarded-For names the client only behind a configured reverse proxy (RAPPORT_TRUST_PROXY).
    trustProxy: proxyTrust(rt.config.trustProxy),
    frameworkErrors: answerRouterError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(safeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblems(app);
  registerSecurityHeaders(app);
  // How long the server spent on each answer, for the benchmarks and the browser's dev tools.
  app.addHook("onSend", async (_request, reply) => {
    reply.header("Server-Timing", `app;dur=${reply.elapsedTime.toFixed(1)}`);
  });
  await app.register(cookie, { secret: rt.secret });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Rapport API",
        version: "1",
        description:
          "The API of Rapport, the desk that answers every customer. Errors are RFC 9457 problem " +
          "documents; lists are keyset-paged ({ items, next_cursor }).",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "An API token (rapport token create)",
          },
          session: { type: "apiKey", in: "cookie", name: "rapport_session" },
          portal: {
            type: "apiKey",
            in: "cookie",
            name: "rapport_portal",
            description: "A customer's portal session (signed in with a mailed link)",
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // The reference page runs only its own files: no validator, font or style fetched elsewhere.
    staticCSP: true,
    transformStaticCSP: referencePagePolicy,
  });
  app.get("/api/v1/openapi.json", { config: { public: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  registerAuthentication(app, rt);
  registerHealthRoutes(app, readiness);
  registerSessionRoutes(app, rt);
  registerInboundRoutes(app, rt);
  registerConversationRoutes(app, rt);
  registerRawMailRoutes(app, rt);
  registerAttachmentRoutes(app, rt);
  registerUnansweredRoutes(app, rt);
  registerNotificationRoutes(app, rt);
  registerCharterRoutes(app, rt);
  registerReportRoutes(app, rt);
  registerMailSetupRoutes(app, rt);
  registerWorkspaceRoutes(app, rt);
  registerCustomerRoutes(app, rt);
  registerTransferRoutes(app, rt);
  registerPortfolioRoutes(app, rt);
  registerCustomerMergeRoutes(app, rt);
  registerOrderRoutes(app, rt);
  registerSearchRoutes(app, rt);
  registerSettingsRoutes(app, rt);
  registerOrganisationRoutes(app, rt);
  registerWebhookRoutes(app, rt);
  registerTokenRoutes(app, rt);
  registerPortalRoutes(app, rt);
  registerStreamRoutes(app, rt);
  registerPresenceRoutes(app, rt);
  registerWidgetRoutes(app, rt, rt.hub);
  registerWidgetAssets(app);
  await registerConsole(app);
  return app;
}
