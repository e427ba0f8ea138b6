// From a mail taken over real SMTP to a webhook receiver on 127.0.0.1, through a whole running
// Rapport (its listeners, its workers, the dispatcher): the new conversation and its message are
// delivered, signed so that a Standard Webhooks verifier accepts them.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { eventually } from "../helpers/eventually.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSmtp } from "../helpers/smtp-client.ts";
import { type Receiver, startReceiver } from "../helpers/webhook-receiver.ts";

let server: TestServer;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({ RAPPORT_DEMO: "0", RAPPORT_WEBHOOK_ALLOW_PRIVATE: "1" });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

describe("a mail taken over SMTP", () => {
  it("reaches a webhook as conversation.created and message.created, signed", async () => {
    const { rt, workspaceId } = server.running.booted;
    const { token } = await createToken(
      rt,
      { workspaceId, name: "hooks", role: "admin" },
      systemActor,
    );
    const created = await fetch(`${server.url}/api/v1/webhooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        url: receiver.url,
        events: ["conversation.created", "message.created"],
      }),
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    const smtp = await openSmtp(server.smtpPort);
    const answer = await smtp.send(
      { from: "claire@example.org", to: ["support@rapport.localhost"] },
      [
        "From: Claire Martin <claire@example.org>",
        "To: support@rapport.localhost",
        "Subject: Facture en double",
        "Message-ID: <facture-1@example.org>",
        `Date: ${new Date().toUTCString()}`,
        "",
        "Bonjour, j'ai été facturée deux fois ce mois-ci.",
        "",
      ].join("\r\n"),
    );
    smtp.close();
    expect(answer.code).toBe(250);

    const verifier = new Webhook(secret);
    const payloads = await eventually(() => {
      const all = receiver.received.map(
        (r) =>
          verifier.verify(r.body, r.headers) as {
            type: string;
            data: { subject?: string; body_text?: string; conversation?: { subject: string } };
          },
      );
      const types = all.map((p) => p.type);
      return types.includes("conversation.created") && types.includes("message.created") && all;
    });
    const conversation = payloads.find((p) => p.type === "conversation.created");
    expect(conversation?.data.subject).toBe("Facture en double");
    const message = payloads.find(
      (p) => p.type === "message.created" && p.data.body_text?.includes("facturée deux fois"),
    );
    expect(message?.data.conversation?.subject).toBe("Facture en double");
  });
});
