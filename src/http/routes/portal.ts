// The customer portal's API (CONTRACT §8 Portal): ask for a sign-in link (202 whoever asks), sign in
// with it, and, under the portal's own session, the customer's own conversations of that brand,
// replies and ratings. Public to the advisors' authentication: the portal session is checked here.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { replyFromPortal } from "../../channels/portal/reply.ts";
import {
  ownerOf,
  portalConversationPage,
  rateFromPortal,
} from "../../commands/portal/portal-actions.ts";
import {
  type PortalSession,
  signInWithLink,
  signOutOfPortal,
} from "../../commands/portal/portal-sessions.ts";
import { requestLinkLater } from "../../commands/portal/request-link.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { portalConversation } from "../../store/queries/portal.ts";
import type { App } from "../app-type.ts";
import {
  checkPortalCsrf,
  checkSameSite,
  clearPortalCookie,
  portalCookie,
  portalSessionOfRequest,
  publicBase,
  setPortalCookie,
} from "../plugins/portal-session.ts";
import { csatView, page, paging, problemView } from "../schemas/conversation.ts";
import {
  portalConversationView,
  portalMessageView,
  presentPortalConversation,
  presentPortalMessage,
  ratingBody,
  replyBody,
} from "../schemas/portal.ts";
import { linksPerClient, portalLinkLimit } from "./portal-link-limit.ts";
import { registerPortalPages } from "./portal-pages.ts";

const slugParams = z.object({ brand_slug: z.string().min(1).max(100) });
const idParams = z.object({ id: z.uuid() });
const idempotencyHeader = z.object({ "idempotency-key": z.string().min(1).max(200).optional() });
const portal = { public: true } as const;
const tags = ["portal"];
const security = [{ portal: [] }];

const sessions = new WeakMap<FastifyRequest, PortalSession>();

/**
 * Before anything is read of the request (as the advisors' API does): the portal session, or a 401;
 * a write must echo its CSRF token in X-CSRF-Token.
 */
const signedIn = (rt: Runtime) => async (request: FastifyRequest) => {
  const session = await portalSessionOfRequest(rt, request);
  if (!session) throw new DeskError("unauthenticated", "sign in to the portal with a mailed link");
  if (request.method !== "GET" && request.method !== "HEAD") checkPortalCsrf(request, session);
  sessions.set(request, session);
};

const sessionOf = (request: FastifyRequest): PortalSession => {
  const session = sessions.get(request);
  if (!session) throw new DeskError("unauthenticated");
  return session;
};

export const linkAccepted =
  "If this address is known to us, a sign-in link is on its way: it works once, for 15 minutes.";

export function registerPortalRoutes(app: App, rt: Runtime): void {
  const limitAddress = portalLinkLimit(app);
  const customerOnly = { config: portal, onRequest: signedIn(rt) };
  registerPortalPages(app, rt, limitAddress);

  app.post(
    "/api/v1/portal/:brand_slug/magic-link",
    {
      config: { ...portal, rateLimit: linksPerClient },
      preHandler: async (request, reply) => {
        checkSameSite(request);
        await limitAddress(request, reply);
      },
      schema: {
        summary: "Ask for a sign-in link to the brand's customer portal",
        description:
          "Answers 202 whoever asks (an unknown address or brand included); the link is mailed " +
          "only to a customer's address. At most 20 a minute per client address and 5 an hour " +
          "per email address (then 429 with Retry-After).",
        tags,
        security: [],
        params: slugParams,
        body: z.strictObject({ email: z.email().max(320) }),
        response: { 202: z.object({ detail: z.string() }), 429: problemView },
      },
    },
    async (request, reply) => {
      requestLinkLater(rt, {
        brandSlug: request.params.brand_slug,
        email: request.body.email,
        baseUrl: publicBase(rt, app),
      });
      return reply.code(202).send({ detail: linkAccepted });
    },
  );

  app.post(
    "/api/v1/portal/:brand_slug/session",
    {
      config: { ...portal, rateLimit: { max: 20, timeWindow: "1 minute" } },
      preHandler: async (request) => checkSameSite(request),
      schema: {
        summary: "Sign in to the portal with the token of a mailed link (once)",
        description: "Sets the portal's HttpOnly session cookie; an expired or used link is a 401.",
        tags,
        security: [],
        params: slugParams,
        body: z.strictObject({ token: z.string().min(1).max(200) }),
        response: { 200: z.object({ csrf_token: z.string() }), 401: problemView },
      },
    },
    async (request, reply) => {
      const outcome = await signInWithLink(rt, request.params.brand_slug, request.body.token);
      if (!outcome.ok) {
        throw new DeskError(
          "unauthenticated",
          outcome.reason === "unknown"
            ? "this sign-in link is not valid: ask for a new one"
            : `this sign-in link is ${outcome.reason}: ask for a new one`,
        );
      }
      setPortalCookie(rt, reply, outcome.token, outcome.maxAgeSeconds);
      return { csrf_token: outcome.csrfToken };
    },
  );

  app.delete(
    "/api/v1/portal/session",
    {
      config: portal,
      schema: { summary: "Sign out of the portal", tags, security, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[portalCookie];
      if (token) await signOutOfPortal(rt, token);
      clearPortalCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/portal/me",
    {
      ...customerOnly,
      schema: {
        summary: "The signed-in customer, their brand, and the CSRF token for the portal's writes",
        tags,
        security,
        response: {
          200: z.object({
            customer: z.object({ id: z.string(), name: z.string() }),
            brand: z.object({ slug: z.string(), name: z.string() }),
            csrf_token: z.string(),
          }),
          401: problemView,
        },
      },
    },
    async (request) => {
      const s = sessionOf(request);
      return {
        customer: { id: s.customer.id, name: s.customer.name },
        brand: { slug: s.brand.slug, name: s.brand.name },
        csrf_token: s.csrfToken,
      };
    },
  );

  app.get(
    "/api/v1/portal/conversations",
    {
      ...customerOnly,
      schema: {
        summary: "The signed-in customer's own conversations with the portal's brand",
        tags,
        security,
        querystring: z.strictObject(paging),
        response: { 200: page(portalConversationView), 401: problemView },
      },
    },
    async (request) => {
      const s = sessionOf(request);
      const { rows, nextCursor } = await portalConversationPage(
        rt,
        s,
        request.query.cursor,
        request.query.limit,
      );
      return { items: rows.map(presentPortalConversation), next_cursor: nextCursor };
    },
  );

  app.get(
    "/api/v1/portal/conversations/:id",
    {
      ...customerOnly,
      schema: {
        summary: "One of the customer's conversations, with the messages they can see",
        tags,
        security,
        params: idParams,
        response: {
          200: portalConversationView.extend({ messages: z.array(portalMessageView) }),
          401: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const s = sessionOf(request);
      const found = await portalConversation(rt.db, ownerOf(s), request.params.id);
      if (!found) throw new DeskError("not_found", "no such conversation");
      return {
        ...presentPortalConversation(found.conversation),
        messages: found.messages.map(presentPortalMessage),
      };
    },
  );

  const replyAnswer = z.object({
    conversation_id: z
      .string()
      .describe("the conversation the reply landed in (a new one, linked, when it was closed)"),
    message_id: z.string(),
    reference: z.string(),
  });
  app.post(
    "/api/v1/portal/conversations/:id/messages",
    {
      ...customerOnly,
      schema: {
        summary: "Reply in one of the customer's conversations (as a mail would: it reopens it)",
        tags,
        security,
        params: idParams,
        headers: idempotencyHeader,
        body: replyBody,
        response: { 200: replyAnswer, 201: replyAnswer, 404: problemView, 422: problemView },
      },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      const { answer, replayed } = await replyFromPortal(
        rt,
        s,
        request.params.id,
        request.body.body,
        request.headers["idempotency-key"],
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.post(
    "/api/v1/portal/conversations/:id/rating",
    {
      ...customerOnly,
      schema: {
        summary: "Rate a resolved or closed conversation, once (1–5, with a comment)",
        description: "A second rating is a 409: the first one stands.",
        tags,
        security,
        params: idParams,
        headers: idempotencyHeader,
        body: ratingBody,
        response: { 200: csatView, 201: csatView, 404: problemView, 409: problemView },
      },
    },
    async (request, reply) => {
      const s = sessionOf(request);
      const { answer, replayed } = await rateFromPortal(
        rt,
        s,
        request.params.id,
        request.body,
        request.headers["idempotency-key"],
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );
}
