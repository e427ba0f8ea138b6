// POST /api/v1/messages/inbound: a customer's message through the API (forms, shops, phone logs…),
// to the brand it names, honouring Idempotency-Key (same key and body → the same answer; another
// body → 422); a sender who gave an email is acknowledged by mail under the same rules as mail.
import { z } from "zod";
import { acknowledgeStored, apiAcknowledgementContext } from "../../commands/mail/acknowledge.ts";
import { idempotencyOf } from "../../commands/run-command.ts";
import { DeskError } from "../../errors.ts";
import { receiveMessage } from "../../intake/receive.ts";
import type { Runtime } from "../../runtime.ts";
import { brandByIdOrSlug } from "../../store/queries/brand-lookup.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { contactEmail, contactPhone } from "../schemas/contact.ts";
import { problemView } from "../schemas/conversation.ts";

const apiChannels = ["api", "form", "chat", "portal", "phone", "visit", "social"] as const;

const inboundBody = z.strictObject({
  channel: z.enum(apiChannels),
  brand: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("the brand written to, by id or slug; the workspace's first brand when absent"),
  from: z
    .strictObject({
      email: contactEmail.optional(),
      phone: contactPhone.optional(),
      visitor_id: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .describe("the chat widget's visitor id"),
      handle: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]+:@?[A-Za-z0-9._-]{1,100}$/, 'a social handle, "network:handle"')
        .optional()
        .describe('a social handle, "network:handle" (instagram:@marie_d)'),
      name: z.string().max(200).optional(),
    })
    .refine(
      (f) =>
        f.email !== undefined ||
        f.phone !== undefined ||
        f.visitor_id !== undefined ||
        f.handle !== undefined,
      "from needs an email, a phone, a visitor_id or a handle",
    ),
  subject: z.string().max(500).optional(),
  body: z.string().min(1).max(100_000),
  external_id: z.string().min(1).max(500).optional(),
  conversation_id: z.uuid().optional(),
  reference: z
    .string()
    .regex(/^\[?#?[2-9A-HJKMNP-Za-hjkmnp-z]{8}\]?$/, "a conversation reference such as K7M2QX9A")
    .optional(),
});

const inboundAnswer = z.object({
  conversation_id: z.string(),
  message_id: z.string(),
  customer_id: z.string(),
  reference: z.string(),
});
type InboundAnswer = z.infer<typeof inboundAnswer>;

export function registerInboundRoutes(app: App, rt: Runtime): void {
  app.post(
    "/api/v1/messages/inbound",
    {
      schema: {
        summary: "Receive a customer's message through the API",
        tags: ["messages"],
        headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
        body: inboundBody,
        response: { 200: inboundAnswer, 201: inboundAnswer, 400: problemView, 422: problemView },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const body = request.body;
      const brandId = body.brand ? await brandIdOf(rt, p.workspaceId, body.brand) : null;
      const idempotency = idempotencyOf<InboundAnswer>(rt, p, request.headers["idempotency-key"], {
        method: "POST",
        path: "inbound",
        body,
      });
      // A replay answers the first answer and runs nothing.
      const { answer, replayed } = await idempotency.run(async () =>
        answerOf(
          await receiveMessage(
            rt,
            {
              workspaceId: p.workspaceId,
              brandId,
              channel: body.channel,
              from: {
                email: body.from.email,
                phone: body.from.phone,
                name: body.from.name,
                chatId: body.from.visitor_id,
                social: body.from.handle ? { handle: body.from.handle } : null,
              },
              subject: body.subject ?? null,
              bodyText: body.body,
              externalId: body.external_id ?? null,
              thread: {
                conversationId: body.conversation_id ?? null,
                reference: body.reference?.replace(/[[\]#]/g, "").toUpperCase() ?? null,
              },
            },
            async (tx, intake, conversation, brand) => {
              await idempotency.remember(tx, rt, answerOf(intake));
              const email = body.from.email;
              if (!email) return;
              await acknowledgeStored(rt, tx, [
                {
                  intake,
                  conversation,
                  brand,
                  context: apiAcknowledgementContext(email, body.body),
                },
              ]);
            },
          ),
        ),
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );
}

/** The brand a message names; an unknown one is a 400 on `brand`, and nothing is stored. */
async function brandIdOf(rt: Runtime, workspaceId: string, given: string): Promise<string> {
  const brand = await brandByIdOrSlug(rt.db, workspaceId, given);
  if (brand) return brand.id;
  const message = `no brand of this workspace has the id or slug "${given}"`;
  throw new DeskError("invalid_input", `body /brand: ${message}`, {
    errors: [{ where: "body", path: "/brand", code: "invalid", message }],
  });
}

function answerOf(i: {
  conversationId: string;
  messageId: string;
  customerId: string;
  reference: string;
}) {
  return {
    conversation_id: i.conversationId,
    message_id: i.messageId,
    customer_id: i.customerId,
    reference: i.reference,
  };
}
