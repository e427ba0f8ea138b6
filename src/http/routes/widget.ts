// The chat widget's public API, under /api/v1/widget/{brand_slug}/: a signed visitor id, the
// widget's words and whether someone is online, the visitor's messages (posted through the one
// intake, read back without notes or other visitors'), and their live stream. Rate-limited per
// visitor and per address; bodies are small.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { WidgetLive } from "../../channels/widget/live.ts";
import { visitorPresence } from "../../channels/widget/presence.ts";
import { receiveChat } from "../../channels/widget/receive-chat.ts";
import { visibleMessage } from "../../channels/widget/visible-message.ts";
import { serveVisitorStream } from "../../channels/widget/visitor-stream.ts";
import { widgetConfig, widgetLanguage } from "../../channels/widget/widget-config.ts";
import { replyTokenHmac } from "../../commands/mail/reply-message-id.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import { handWaitingReplies } from "../../commands/widget/hand-waiting-replies.ts";
import { issueVisitor } from "../../commands/widget/issue-visitor.ts";
import { visitorPrincipal } from "../../commands/widget/visitor-principal.ts";
import { readVisitorToken } from "../../domain/widget/visitor-token.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import {
  visitorMessages,
  type WidgetBrand,
  type WidgetVisitor,
  widgetBrand,
  widgetVisitor,
} from "../../store/queries/widget.ts";
import type { App } from "../app-type.ts";
import { contactEmail, contactPhone } from "../schemas/contact.ts";
import { problemView } from "../schemas/conversation.ts";

/** What one visitor and one address may do per minute, and how many streams a visitor holds. */
export const widgetLimits = {
  visitorsPerAddress: 30,
  messagesPerVisitor: 20,
  messagesPerAddress: 120,
  callsPerAddress: 300,
  streamsPerVisitor: 4,
  bodyBytes: 16 * 1024,
  messageCharacters: 5_000,
};

const slugParams = z.object({ brand_slug: z.string().min(1).max(100) });
const visitorHeader = "rapport-visitor";
const visitorHeaders = z.object({
  [visitorHeader]: z.string().min(1).max(100).describe("the visitor id given by POST …/visitors"),
  "idempotency-key": z.string().min(1).max(200).optional(),
});

const messageView = z.object({
  id: z.string(),
  from: z.enum(["visitor", "advisor"]),
  author_name: z.string().describe("the advisor's name; empty for the visitor's own"),
  body: z.string(),
  created_at: z.string(),
});

const postBody = z.strictObject({
  body: z.string().trim().min(1).max(widgetLimits.messageCharacters),
  email: contactEmail.optional(),
  phone: contactPhone.optional(),
  name: z.string().trim().max(200).optional(),
});

const postAnswer = z.object({
  message_id: z.string(),
  conversation_id: z.string(),
  reference: z.string(),
});

const tags = ["widget"];

export function registerWidgetRoutes(app: App, rt: Runtime, live: WidgetLive): void {
  const hmac = replyTokenHmac(rt.secret);
  const presence = visitorPresence(rt);
  const streams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const end of streams) end();
  });
  app.addHook("onClose", async () => presence.stop());

  const brandOf = async (slug: string): Promise<WidgetBrand> => {
    const brand = await widgetBrand(rt.db, slug);
    if (!brand) throw new DeskError("not_found", "no widget for this brand");
    return brand;
  };
  /** The visitor whose signed id the call carries, for this brand; a forged or foreign id is a 401. */
  const visitorOf = async (brand: WidgetBrand, token: string): Promise<WidgetVisitor> => {
    const scope = { workspaceId: brand.workspaceId, brandId: brand.id };
    const id = readVisitorToken(token, scope, hmac);
    const visitor = id ? await widgetVisitor(rt.db, brand.workspaceId, id) : null;
    if (!visitor) throw new DeskError("unauthenticated", "this visitor id is not valid here");
    return visitor;
  };
  const tokenOf = (request: FastifyRequest) => {
    const header = request.headers[visitorHeader];
    const query = (request.query as { visitor?: unknown } | undefined)?.visitor;
    return typeof header === "string" ? header : typeof query === "string" ? query : "";
  };
  const perVisitor = { keyGenerator: (r: FastifyRequest) => `widget-visitor:${tokenOf(r)}` };
  const perAddress = { max: widgetLimits.callsPerAddress, timeWindow: "1 minute" };
  // Messages are also counted per address: many visitor ids from one address share one allowance.
  const messagesByAddress = app.createRateLimit({
    max: widgetLimits.messagesPerAddress,
    timeWindow: 60_000,
    keyGenerator: (r) => `widget-messages:${r.ip}`,
  });

  app.post(
    "/api/v1/widget/:brand_slug/visitors",
    {
      config: {
        public: true,
        rateLimit: { max: widgetLimits.visitorsPerAddress, timeWindow: "1 minute" },
      },
      bodyLimit: 1024,
      schema: {
        summary: "Give a new widget visitor their signed id",
        tags,
        security: [],
        params: slugParams,
        headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
        response: {
          200: z.object({ visitor: z.string() }),
          201: z.object({ visitor: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const brand = await brandOf(request.params.brand_slug);
      const p = visitorPrincipal(brand.workspaceId, `new:${brand.id}`);
      const { answer, replayed } = await runIdempotent(
        rt,
        issueVisitor,
        p,
        { brandId: brand.id },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: `widget/${brand.slug}/visitors`, body: null },
          answer: (r) => ({ visitor: r.token }),
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.get(
    "/api/v1/widget/:brand_slug/config",
    {
      config: { public: true, rateLimit: perAddress },
      schema: {
        summary: "What the widget says: the brand, the promise, whether someone is online",
        tags,
        security: [],
        params: slugParams,
        querystring: z.object({
          lang: z.string().max(35).optional().describe("the page's or browser's language"),
        }),
        response: {
          200: z.object({
            brand: z.string(),
            language: z.enum(["fr", "en"]),
            promise: z
              .string()
              .nullable()
              .describe('when a person answers a message written now: "by 5:00 pm today"'),
            online: z.boolean(),
            why_offline: z.enum(["closed", "nobody_online"]).nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const brand = await brandOf(request.params.brand_slug);
      const language = widgetLanguage(request.query.lang, brand.language);
      const open = new Set(live.online(brand.workspaceId).keys());
      const c = await widgetConfig(rt, brand, language, open);
      return reply.header("cache-control", "no-store").send({
        brand: c.brand,
        language: c.language,
        promise: c.promise,
        online: c.availability.online,
        why_offline: c.availability.online ? null : c.availability.why,
      });
    },
  );

  app.post(
    "/api/v1/widget/:brand_slug/messages",
    {
      config: {
        public: true,
        rateLimit: { ...perVisitor, max: widgetLimits.messagesPerVisitor, timeWindow: "1 minute" },
      },
      bodyLimit: widgetLimits.bodyBytes,
      schema: {
        summary: "A visitor writes: stored before it is answered 201",
        tags,
        security: [],
        params: slugParams,
        headers: visitorHeaders,
        body: postBody,
        response: { 200: postAnswer, 201: postAnswer, 422: problemView },
      },
    },
    async (request, reply) => {
      const limit = await messagesByAddress(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header("retry-after", String(limit.ttlInSeconds));
        throw new DeskError("rate_limited", "too many messages from this address: wait a minute");
      }
      const brand = await brandOf(request.params.brand_slug);
      const visitor = await visitorOf(brand, request.headers[visitorHeader]);
      const body = request.body;
      if (!visitor.conversationId && !body.email && !body.phone) {
        const open = new Set(live.online(brand.workspaceId).keys());
        const c = await widgetConfig(rt, brand, "en", open);
        if (!c.availability.online) {
          throw new DeskError(
            "invalid_input",
            "nobody is online now: give an email so that the answer can reach you",
            { problems: [{ field: "email", code: "required", message: "required while offline" }] },
          );
        }
      }
      const { answer, replayed } = await receiveChat(
        rt,
        brand,
        visitor,
        body,
        request.headers["idempotency-key"],
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.get(
    "/api/v1/widget/:brand_slug/messages",
    {
      config: { public: true, rateLimit: perAddress },
      schema: {
        summary: "The visitor's conversation: their messages and the replies, never notes",
        tags,
        security: [],
        params: slugParams,
        headers: visitorHeaders.pick({ [visitorHeader]: true }),
        response: {
          200: z.object({ conversation_id: z.string().nullable(), items: z.array(messageView) }),
        },
      },
    },
    async (request, reply) => {
      const brand = await brandOf(request.params.brand_slug);
      const visitor = await visitorOf(brand, request.headers[visitorHeader]);
      const ws = brand.workspaceId;
      const rows = visitor.conversationId
        ? await visitorMessages(rt.db, ws, visitor.conversationId, null)
        : [];
      if (
        visitor.conversationId &&
        rows.some((m) => m.delivery === "queued" && m.direction === "outbound")
      ) {
        await runCommand(rt, handWaitingReplies, visitorPrincipal(ws, visitor.id), {
          conversationId: visitor.conversationId,
        });
      }
      return reply.header("cache-control", "no-store").send({
        conversation_id: visitor.conversationId,
        items: rows.map(visibleMessage),
      });
    },
  );

  app.get(
    "/api/v1/widget/:brand_slug/stream",
    {
      config: { public: true, rateLimit: perAddress },
      schema: {
        summary: "The visitor's live stream (Server-Sent Events; `Last-Event-ID` resumes)",
        description:
          "Each event is `message` with the message as the messages list shows it; its id is the " +
          "message's. The visitor id is in the query: an EventSource cannot send headers.",
        tags,
        security: [],
        params: slugParams,
        querystring: z.object({
          visitor: z.string().min(1).max(100),
          after: z.uuid().optional().describe("the last message the widget has"),
        }),
        headers: z.object({ "last-event-id": z.uuid().optional() }),
      },
    },
    async (request, reply) => {
      const brand = await brandOf(request.params.brand_slug);
      const visitor = await visitorOf(brand, request.query.visitor);
      if (presence.count(brand.workspaceId, visitor.id) >= widgetLimits.streamsPerVisitor) {
        throw new DeskError("rate_limited", "this visitor has too many streams open");
      }
      reply.hijack();
      const end = () => reply.raw.end();
      streams.add(end);
      reply.raw.on("close", () => streams.delete(end));
      await serveVisitorStream(rt, live, presence, request.raw, reply.raw, {
        workspaceId: brand.workspaceId,
        visitorId: visitor.id,
        after: request.headers["last-event-id"] ?? request.query.after ?? null,
      });
    },
  );
}
