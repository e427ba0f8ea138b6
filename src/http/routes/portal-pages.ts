// The portal's pages (/portal/{brand_slug}/…): server-rendered HTML that works without JavaScript,
// in the reader's language, under a strict Content-Security-Policy. Forms post here (URL-encoded, a
// parser of this scope only) and are answered with a redirect to the page that shows the outcome.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { replyFromPortal } from "../../channels/portal/reply.ts";
import {
  ownerOf,
  portalConversationPage,
  rateFromPortal,
} from "../../commands/portal/portal-actions.ts";
import { brandBySlug, type PortalBrand } from "../../commands/portal/portal-customer.ts";
import {
  type PortalSession,
  signInWithLink,
  signOutOfPortal,
} from "../../commands/portal/portal-sessions.ts";
import { requestLinkLater } from "../../commands/portal/request-link.ts";
import { askedLanguage, pageLanguage } from "../../domain/portal/page-language.ts";
import { DeskError, type ErrorCode } from "../../errors.ts";
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
import { type PortalPlace, portalHref, portalPagePolicy } from "../portal/portal-layout.ts";
import {
  askPage,
  checkMailPage,
  conversationPage,
  listPage,
  problemPage,
  refusedLinkPage,
  signInPage,
} from "../portal/portal-pages.ts";
import { portalWords } from "../portal/portal-words.ts";
import { presentPortalConversation, presentPortalMessage } from "../schemas/portal.ts";
import type { LinkLimit } from "./portal-link-limit.ts";
import { linksPerClient } from "./portal-link-limit.ts";

const lang = z.string().max(35).optional();
const slugParams = z.object({ slug: z.string().min(1).max(100) });
const conversationParams = slugParams.extend({ id: z.uuid() });
const csrf = z.string().max(100);
const page = { hide: true } as const;

type Request = FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string } }>;

async function brandOf(rt: Runtime, slug: string): Promise<PortalBrand> {
  const brand = await brandBySlug(rt.db, slug);
  if (!brand) throw new DeskError("not_found", "no such portal");
  return brand;
}

function placeOf(
  request: FastifyRequest,
  brand: { slug: string; name: string; language: string },
): PortalPlace {
  const query = request.query as { lang?: string } | undefined;
  return {
    slug: brand.slug,
    brandName: brand.name,
    language: pageLanguage(query?.lang, request.headers["accept-language"], brand.language),
    asked: askedLanguage(query?.lang),
    path: request.url.split("?")[0] ?? "/",
  };
}

function sendPage(reply: FastifyReply, place: PortalPlace, html: string, status = 200) {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("content-language", place.language)
    .header("vary", "accept-language, cookie")
    .header("cache-control", "no-store")
    .header("content-security-policy", portalPagePolicy)
    .send(html);
}

/** The portal session of this brand, or null (a session of another brand's portal is not one here). */
async function sessionHere(rt: Runtime, request: FastifyRequest, brand: PortalBrand) {
  const session = await portalSessionOfRequest(rt, request);
  return session && session.brand.id === brand.id ? session : null;
}

const signedOf = (s: PortalSession) => ({
  name: s.customer.name || s.email,
  csrfToken: s.csrfToken,
});

/** Where a redirect goes: a portal page, with the language asked for and a notice to show. */
function backTo(place: PortalPlace, rest: string, notice?: "sent" | "rated"): string {
  const href = portalHref(place, rest);
  return notice ? `${href}${place.asked ? "&" : "?"}notice=${notice}` : href;
}

/** A page's refusal: the catalogue's status, said in the reader's words. */
async function pageProblem(
  rt: Runtime,
  error: FastifyError,
  request: Request,
  reply: FastifyReply,
) {
  let code: ErrorCode = "internal_error";
  if (error instanceof DeskError) code = error.code;
  else if (hasZodFastifySchemaValidationErrors(error)) code = "invalid_input";
  else if (error.statusCode === 429) code = "rate_limited";
  else if (error.statusCode === 413) code = "payload_too_large";
  else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    code = "invalid_input";
  if (code === "internal_error") request.log.error({ err: error }, "unexpected error");
  const brand = await brandBySlug(rt.db, String(request.params?.slug ?? "")).catch(() => null);
  const place = placeOf(request, brand ?? { slug: "", name: "Rapport", language: "en" });
  const w = portalWords[place.language];
  const status =
    error instanceof DeskError
      ? error.status
      : code === "internal_error"
        ? 500
        : (error.statusCode ?? 400);
  const session = brand ? await sessionHere(rt, request, brand).catch(() => null) : null;
  return sendPage(
    reply,
    place,
    problemPage(
      place,
      w.errors[code] ?? w.errors.internal_error,
      session ? signedOf(session) : null,
    ),
    status,
  );
}

export function registerPortalPages(app: App, rt: Runtime, limitAddress: LinkLimit): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.setErrorHandler((error: FastifyError, request, reply) =>
      pageProblem(rt, error, request as Request, reply),
    );
    const publicPage = { public: true, rateLimit: { max: 120, timeWindow: "1 minute" } };

    scope.get(
      "/portal/:slug",
      {
        config: publicPage,
        schema: { ...page, params: slugParams, querystring: z.object({ lang }) },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const place = placeOf(request, brand);
        if (await sessionHere(rt, request, brand))
          return reply.redirect(portalHref(place, "/conversations"), 303);
        return sendPage(reply, place, askPage(place));
      },
    );

    scope.post(
      "/portal/:slug/magic-link",
      {
        config: { public: true, rateLimit: linksPerClient },
        preHandler: async (request, reply) => {
          checkSameSite(request);
          await limitAddress(request, reply);
        },
        schema: {
          ...page,
          params: slugParams,
          querystring: z.object({ lang }),
          body: z.strictObject({ email: z.email().max(320) }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        requestLinkLater(rt, {
          brandSlug: brand.slug,
          email: request.body.email,
          baseUrl: publicBase(rt, app),
        });
        const place = placeOf(request, brand);
        return sendPage(reply, place, checkMailPage(place));
      },
    );

    scope.get(
      "/portal/:slug/sign-in",
      {
        config: publicPage,
        schema: {
          ...page,
          params: slugParams,
          querystring: z.object({ lang, token: z.string().max(200).optional() }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const place = placeOf(request, brand);
        // Mail scanners follow links: only the button's POST uses the token.
        const token = request.query.token;
        if (!token) return sendPage(reply, place, refusedLinkPage(place, "unknown"), 400);
        return sendPage(reply, place, signInPage(place, token));
      },
    );

    scope.post(
      "/portal/:slug/sign-in",
      {
        config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
        preHandler: async (request) => checkSameSite(request),
        schema: {
          ...page,
          params: slugParams,
          querystring: z.object({ lang }),
          body: z.strictObject({ token: z.string().max(200) }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const place = placeOf(request, brand);
        const outcome = await signInWithLink(rt, brand.slug, request.body.token);
        if (!outcome.ok) {
          return sendPage(
            reply,
            place,
            refusedLinkPage(place, outcome.reason),
            outcome.reason === "unknown" ? 400 : 410,
          );
        }
        setPortalCookie(rt, reply, outcome.token, outcome.maxAgeSeconds);
        return reply.redirect(portalHref(place, "/conversations"), 303);
      },
    );

    scope.get(
      "/portal/:slug/conversations",
      {
        config: publicPage,
        schema: {
          ...page,
          params: slugParams,
          querystring: z.object({ lang, cursor: z.string().max(500).optional() }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const place = placeOf(request, brand);
        const session = await sessionHere(rt, request, brand);
        if (!session) return reply.redirect(portalHref(place), 303);
        const { rows, nextCursor } = await portalConversationPage(
          rt,
          session,
          request.query.cursor,
          25,
        );
        return sendPage(
          reply,
          place,
          listPage(
            place,
            signedOf(session),
            rows.map(presentPortalConversation),
            brand.timeZone,
            nextCursor,
          ),
        );
      },
    );

    scope.get(
      "/portal/:slug/conversations/:id",
      {
        config: publicPage,
        schema: {
          ...page,
          params: conversationParams,
          querystring: z.object({ lang, notice: z.enum(["sent", "rated"]).optional() }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const place = placeOf(request, brand);
        const session = await sessionHere(rt, request, brand);
        if (!session) return reply.redirect(portalHref(place), 303);
        const found = await portalConversation(rt.db, ownerOf(session), request.params.id);
        if (!found) throw new DeskError("not_found", "no such conversation");
        return sendPage(
          reply,
          place,
          conversationPage(
            place,
            signedOf(session),
            presentPortalConversation(found.conversation),
            found.messages.map(presentPortalMessage),
            brand.timeZone,
            request.query.notice ?? null,
          ),
        );
      },
    );

    /** A form of a signed-in customer: their session here, and the form's CSRF token. */
    async function formSession(request: FastifyRequest, brand: PortalBrand, csrfToken: string) {
      const session = await sessionHere(rt, request, brand);
      if (!session)
        throw new DeskError("unauthenticated", "sign in to the portal with a mailed link");
      checkPortalCsrf(request, session, csrfToken);
      return session;
    }

    scope.post(
      "/portal/:slug/conversations/:id/reply",
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          ...page,
          params: conversationParams,
          querystring: z.object({ lang }),
          body: z.strictObject({ csrf_token: csrf, body: z.string().trim().min(1).max(20_000) }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const session = await formSession(request, brand, request.body.csrf_token);
        const { answer } = await replyFromPortal(
          rt,
          session,
          request.params.id,
          request.body.body,
          undefined,
        );
        return reply.redirect(
          backTo(placeOf(request, brand), `/conversations/${answer.conversation_id}`, "sent"),
          303,
        );
      },
    );

    scope.post(
      "/portal/:slug/conversations/:id/rating",
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          ...page,
          params: conversationParams,
          querystring: z.object({ lang }),
          body: z.strictObject({
            csrf_token: csrf,
            score: z.coerce.number().int().min(1).max(5),
            comment: z.string().max(2000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const session = await formSession(request, brand, request.body.csrf_token);
        const { score, comment } = request.body;
        await rateFromPortal(rt, session, request.params.id, { score, comment }, undefined);
        return reply.redirect(
          backTo(placeOf(request, brand), `/conversations/${request.params.id}`, "rated"),
          303,
        );
      },
    );

    scope.post(
      "/portal/:slug/sign-out",
      {
        config: { public: true },
        schema: {
          ...page,
          params: slugParams,
          querystring: z.object({ lang }),
          body: z.strictObject({ csrf_token: csrf }),
        },
      },
      async (request, reply) => {
        const brand = await brandOf(rt, request.params.slug);
        const session = await sessionHere(rt, request, brand);
        if (session) {
          checkPortalCsrf(request, session, request.body.csrf_token);
          await signOutOfPortal(rt, request.cookies[portalCookie] ?? "");
        }
        clearPortalCookie(reply);
        return reply.redirect(portalHref(placeOf(request, brand)), 303);
      },
    );
  });
}
