// Our own SPF / DMARC checks of inbound mail (with a resolver given to the server: no DNS here):
// a mail whose domain says it cannot come from this client is filed as spam, with the reasons, and
// never acknowledged (no backscatter to the address it forged).
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const records: Record<string, string[][]> = {
  "TXT spoofed.example": [["v=spf1 ip4:192.0.2.1 -all"]],
  "TXT _dmarc.spoofed.example": [["v=DMARC1; p=reject"]],
  "TXT honest.example": [["v=spf1 ip4:127.0.0.1 -all"]],
  "TXT lax.example": [["v=spf1 ip4:192.0.2.1 ~all"]],
  "TXT _dmarc.lax.example": [["v=DMARC1; p=none"]],
  "TXT _dmarc.honest.example": [["v=DMARC1; p=reject"]],
};
const looked: string[] = [];
const dns = async (name: string, type: string) => {
  looked.push(`${type} ${name}`);
  const found = records[`${type} ${name}`];
  if (found) return found;
  throw Object.assign(new Error(`not in this test's zone: ${name}`), { code: "ENOTFOUND" });
};

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" }, dns);
  const { rt, workspaceId } = server.running.booted;
  token = (await createToken(rt, { workspaceId, name: "t", role: "admin" }, systemActor)).token;
});
afterAll(() => server?.stop());

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
async function conversationOf(email: string): Promise<any> {
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (
    await fetch(`${server.url}/api/v1/conversations?customer_email=${email}`, { headers })
  ).json()) as {
    items: Array<{ id: string }>;
  };
  return (
    await fetch(`${server.url}/api/v1/conversations/${list.items[0]?.id}`, { headers })
  ).json();
}

const send = (from: string) =>
  nodemailer
    .createTransport({
      host: "127.0.0.1",
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
      name: "client.test",
    })
    .sendMail({
      envelope: { from, to: ["support@rapport.localhost"] },
      raw: `From: ${from}\r\nTo: support@rapport.localhost\r\nSubject: Invoice\r\nMessage-ID: <${from}.1@mail.test>\r\nDate: ${new Date().toUTCString()}\r\n\r\nPlease pay the attached invoice today.\r\n`,
    });

describe("mail authentication", () => {
  it("files mail that fails its domain's SPF and DMARC as spam, saying so", async () => {
    await send("ceo@spoofed.example");
    expect(looked).toContain("TXT spoofed.example");
    const c = await conversationOf("ceo@spoofed.example");
    expect(c.spam).toBe(true);
    const rules = c.messages[0].spam_reasons.map((r: { rule: string }) => r.rule);
    expect(rules).toEqual(expect.arrayContaining(["spf_fail", "dmarc_fail"]));
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(0);
  });

  it("lets mail that passes them through and acknowledges it", async () => {
    await send("anna@honest.example");
    const c = await conversationOf("anna@honest.example");
    expect(c.spam).toBe(false);
    expect(c.messages[0].spam_reasons).toEqual([]);
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(1);
  });

  it("waits for a person, unacknowledged, when the sender's domain disowns a mail that is not spam", async () => {
    await send("billing@lax.example");
    const c = await conversationOf("billing@lax.example");
    expect(c.spam).toBe(false);
    const rules = c.messages[0].spam_reasons.map((r: { rule: string }) => r.rule);
    expect(rules).toEqual(expect.arrayContaining(["spf_softfail", "dmarc_fail"]));
    expect(c.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(0);
    const headers = { authorization: `Bearer ${token}` };
    const unanswered = (await (
      await fetch(`${server.url}/api/v1/unanswered`, { headers })
    ).json()) as { items: Array<{ id: string }> };
    expect(unanswered.items.map((i) => i.id)).toContain(c.id);
    const { events } = await import("../../src/store/schema/index.ts");
    const trail = await server.running.booted.rt.db.select().from(events);
    const withheld = trail.find(
      (e) => e.type === "acknowledgement.withheld" && e.conversationId === c.id,
    );
    expect(withheld?.data).toMatchObject({ reason: "forged_sender" });
  });

  it("opens a flagged conversation, instead of joining the thread, for a forged From quoting a customer's reference", async () => {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const first = await fetch(`${server.url}/api/v1/messages/inbound`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        channel: "form",
        from: { email: "claire@lax.example", name: "Claire" },
        subject: "Refund",
        body: "Where is my refund?",
      }),
    });
    expect(first.status).toBe(201);
    const { conversation_id: own, reference } = (await first.json()) as {
      conversation_id: string;
      reference: string;
    };
    await nodemailer
      .createTransport({ host: "127.0.0.1", port: server.smtpPort, secure: false, ignoreTLS: true })
      .sendMail({
        envelope: { from: "claire@lax.example", to: ["support@rapport.localhost"] },
        raw: `From: claire@lax.example\r\nTo: support@rapport.localhost\r\nSubject: Re: Refund [#${reference}]\r\nMessage-ID: <forged-1@mail.test>\r\n\r\nPlease send the refund to my new account instead.\r\n`,
      });
    const list = (await (
      await fetch(`${server.url}/api/v1/conversations?customer_email=claire@lax.example`, {
        headers,
      })
    ).json()) as { items: Array<{ id: string }> };
    expect(list.items).toHaveLength(2);
    const forged = list.items.find((c) => c.id !== own);
    const opened = (await (
      await fetch(`${server.url}/api/v1/conversations/${forged?.id}`, { headers })
    ).json()) as { flags: string[]; linked_conversation_id: string };
    expect(opened.flags).toContain("sender_disowned");
    expect(opened.linked_conversation_id).toBe(own);
    const original = (await (
      await fetch(`${server.url}/api/v1/conversations/${own}`, { headers })
    ).json()) as { messages: Array<{ body_text: string }> };
    expect(original.messages.map((m) => m.body_text)).not.toContainEqual(
      expect.stringContaining("new account"),
    );
  });
});
