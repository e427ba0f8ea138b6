// Outbound mail through a real SMTP relay: acknowledgements with the null return path, replies with a
// signed return path and a DKIM signature that verifies; a bounce that comes back makes the reply
// `bounced`, the conversation unanswered with a note, the address flagged; a refusing relay.
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { brands, customerIdentities } from "../../src/store/schema/index.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

type Relayed = { from: string; to: string[]; raw: string };
const relayed: Relayed[] = [];
let refuse: "no" | "permanent" = "no";
let relay: SMTPServer;
let relayPort = 0;
let server: TestServer;
let token: string;

const { dkimVerify } = createRequire(import.meta.url)("mailauth/lib/dkim/verify") as {
  dkimVerify: (
    m: Buffer,
    o: object,
  ) => Promise<{ results: Array<{ status: { result: string }; signingDomain: string }> }>;
};

beforeAll(async () => {
  relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse === "permanent")
        return callback(Object.assign(new Error("5.1.1 no such user"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        relayed.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.server.address();
  relayPort = typeof address === "object" && address ? address.port : 0;
  server = await startTestServer({
    RAPPORT_DEMO: "0",
    SMTP_RELAY_URL: `smtp://127.0.0.1:${relayPort}`,
  });
  const rt = server.running.booted.rt;
  const workspaceId = server.running.booted.workspaceId;
  await createUser(
    rt,
    { workspaceId, email: "rita@desk.test", name: "Rita Conseil", role: "advisor" },
    systemActor,
  );
  token = (
    await createToken(
      rt,
      { workspaceId, name: "t", role: "advisor", userEmail: "rita@desk.test" },
      systemActor,
    )
  ).token;
});
afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => relay?.close(() => resolve()));
});

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
async function api(method: string, url: string, body?: object): Promise<any> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, `${method} ${url}`).toBeLessThan(300);
  return res.json();
}

async function until<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out");
}

function sendToDesk(raw: string, to = "support@rapport.localhost", from = "claire@example.org") {
  const t = nodemailer.createTransport({
    host: "127.0.0.1",
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  return t.sendMail({ envelope: { from, to: [to] }, raw });
}

let conversationId = "";

describe("outbound mail through the relay", () => {
  it("sends the acknowledgement with the null return path, marked auto-replied", async () => {
    await sendToDesk(
      "From: Claire <claire@example.org>\r\nTo: support@rapport.localhost\r\nSubject: Invoice question\r\nMessage-ID: <c-1@example.org>\r\n\r\nHello, I have a question about my invoice.\r\n",
    );
    const ack = await until(() => relayed.find((r) => /Auto-Submitted: auto-replied/.test(r.raw)));
    expect(ack.from).toBe("");
    expect(ack.to).toEqual(["claire@example.org"]);
    const list = await api("GET", "/api/v1/conversations?customer_email=claire@example.org");
    conversationId = list.items[0].id;
  });

  it("sends a reply with a return path naming it and a DKIM signature that verifies", async () => {
    await api("POST", `/api/v1/conversations/${conversationId}/messages`, {
      kind: "reply",
      body: "Here is the corrected invoice.",
    });
    const reply = await until(() =>
      relayed.find((r) => r.raw.includes("Here is the corrected invoice.")),
    );
    expect(reply.from).toMatch(/^bounce\+m-[a-z2-7]{42}@rapport\.localhost$/);
    expect(reply.raw).toMatch(/^From: "Rita Conseil \(Support\)" <support@rapport\.localhost>/m);
    expect(reply.raw).toMatch(/^Reply-To:\s+support\+r-[a-z2-7]{42}@rapport\.localhost/m); // may be folded
    expect(reply.raw).toMatch(/^In-Reply-To: <c-1@example\.org>/m);
    const [brand] = await server.running.booted.rt.db.select().from(brands).limit(1);
    const record = `v=DKIM1; k=rsa; p=${(brand?.dkimPublicKey ?? "").replace(/-----[A-Z ]+-----|\s/g, "")}`;
    const verified = await dkimVerify(Buffer.from(reply.raw), {
      resolver: async (name: string, type: string) => {
        if (type === "TXT" && name === `${brand?.dkimSelector}._domainkey.rapport.localhost`)
          return [[record]];
        throw Object.assign(new Error(`no DNS here: ${name}`), { code: "ENOTFOUND" });
      },
    });
    expect(verified.results[0]?.status.result).toBe("pass");
    expect(verified.results[0]?.signingDomain).toBe("rapport.localhost");
    const c = await until(async () => {
      const now = await api("GET", `/api/v1/conversations/${conversationId}`);
      return now.answered ? now : null;
    });
    expect(c.status).toBe("waiting_customer");
  });

  it("takes a bounce at that return path: the reply bounced, unanswered again, a note, the address flagged", async () => {
    const reply = relayed.find((r) => r.raw.includes("Here is the corrected invoice.")) as Relayed;
    const dsn = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
      `To: ${reply.from}`,
      "Subject: Undelivered Mail Returned to Sender",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "I'm sorry to have to inform you that your message could not be delivered.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.org",
      "",
      "Final-Recipient: rfc822; claire@example.org",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 <claire@example.org>: Recipient address rejected: User unknown",
      "--b1--",
      "",
    ].join("\r\n");
    const info = await sendToDesk(dsn, reply.from, "");
    expect(info.response).toMatch(/^250 .*bounce/);
    const c = await api("GET", `/api/v1/conversations/${conversationId}`);
    const sent = c.messages.find(
      (m: { body_text: string }) => m.body_text === "Here is the corrected invoice.",
    );
    expect(sent.delivery).toBe("bounced");
    expect(sent.delivery_error).toMatch(/5\.1\.1/);
    expect(c.answered).toBe(false);
    expect(c.status).toBe("open");
    expect(
      c.messages.some(
        (m: { direction: string; body_text: string }) =>
          m.direction === "note" && /did not reach the customer/.test(m.body_text),
      ),
    ).toBe(true);
    const [identity] = await server.running.booted.rt.db
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.value, "claire@example.org"));
    expect(identity?.flags).toContain("hard_bounce");
    const list = await api(
      "GET",
      "/api/v1/conversations?customer_email=mailer-daemon@mx.example.org",
    );
    expect(list.items).toHaveLength(0);
  });

  it("does not send the next reply to an address that bounced for good, and says so", async () => {
    const before = relayed.length;
    await api("POST", `/api/v1/conversations/${conversationId}/messages`, {
      kind: "reply",
      body: "Trying again",
    });
    const c = await until(async () => {
      const now = await api("GET", `/api/v1/conversations/${conversationId}`);
      const again = now.messages.find((m: { body_text: string }) => m.body_text === "Trying again");
      return again?.delivery === "failed" ? now : null;
    });
    expect(
      c.messages.find((m: { body_text: string }) => m.body_text === "Trying again").delivery_error,
    ).toMatch(/bounced for good/);
    expect(c.answered).toBe(false);
    expect(relayed.length).toBe(before);
  });

  it("shows a reply the relay refuses for good as failed, and the conversation stays unanswered", async () => {
    await sendToDesk(
      "From: Gone <gone@example.org>\r\nTo: support@rapport.localhost\r\nSubject: Hi\r\nMessage-ID: <g-1@example.org>\r\n\r\nHello\r\n",
      undefined,
      "gone@example.org",
    );
    const list = await api("GET", "/api/v1/conversations?customer_email=gone@example.org");
    const id = list.items[0].id;
    await until(async () =>
      (await api("GET", `/api/v1/conversations/${id}`)).messages.some(
        (m: { delivery: string }) => m.delivery === "sent",
      ),
    );
    refuse = "permanent";
    await api("POST", `/api/v1/conversations/${id}/messages`, {
      kind: "reply",
      body: "Will not arrive",
    });
    const c = await until(async () => {
      const now = await api("GET", `/api/v1/conversations/${id}`);
      return now.messages.some((m: { delivery: string }) => m.delivery === "failed") ? now : null;
    });
    refuse = "no";
    expect(c.answered).toBe(false);
    expect(
      c.messages.find((m: { delivery: string }) => m.delivery === "failed").delivery_error,
    ).toMatch(/550/);
  });
});

describe("what to publish in DNS", () => {
  it("tells an administrator the SPF, DKIM and DMARC records of the brand's domain, and refuses advisors", async () => {
    const [brand] = await server.running.booted.rt.db.select().from(brands).limit(1);
    const res = await fetch(
      `${server.url}/api/v1/brands/${brand?.id}/mail-setup?sender=include:_spf.relay.example`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(403);
    const { createToken: create } = await import("../../src/commands/access/create-token.ts");
    const admin = await create(
      server.running.booted.rt,
      { workspaceId: server.running.booted.workspaceId, name: "a", role: "admin" },
      systemActor,
    );
    const ok = await fetch(
      `${server.url}/api/v1/brands/${brand?.id}/mail-setup?sender=include:_spf.relay.example`,
      {
        headers: { authorization: `Bearer ${admin.token}` },
      },
    );
    expect(ok.status).toBe(200);
    const setup = (await ok.json()) as { records: Array<{ name: string; value: string }> };
    expect(setup.records.map((r) => r.name)).toEqual([
      "rapport.localhost",
      `${brand?.dkimSelector}._domainkey.rapport.localhost`,
      "_dmarc.rapport.localhost",
    ]);
    expect(setup.records[0]?.value).toBe("v=spf1 include:_spf.relay.example -all");
    expect(setup.records[1]?.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
  });
});
