// POST /api/v1/messages/inbound: a customer's message through the API (forms, shops, phone logs…),
// honouring Idempotency-Key (same key and body → the same answer; another body → 422).
import { z } from "zod";
import { idempotencyOf } from "../../commands/run-command.ts";
import { receiveMessage } from "../../intake/receive.ts";
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { contactEmail, contactPhone } from "../schemas/contact.ts";
import { problemView } from "../schemas/conversation.ts";

const apiChannels = ["api", "form", "chat", "portal", "phone", "visit", "social"] as const;

const inboundBody = z.strictObject({
  channel: z.enum(apiChannels),
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
        response: { 200: inboundAnswer, 201: inboundAnswer, 422: problemView },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const body = request.body;
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
            (tx, result) => idempotency.remember(tx, rt, answerOf(result)),
          ),
        ),
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );
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
