// The email channel over a real SMTP conversation: 250 only after the commit, exactly once,
// threading, acknowledgements, refusals.

import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Socket } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const { createToken } = await import("../../src/commands/access/create-token.ts");
  const { systemActor } = await import("../../src/commands/events/record-event.ts");
  const rt = server.running.booted.rt;
  token = (
    await createToken(
      rt,
      { workspaceId: server.running.booted.workspaceId, name: "t", role: "admin" },
      systemActor,
    )
  ).token;
});
afterAll(() => server?.stop());

function send(raw: string, to = "support@rapport.localhost", from = "marie@example.fr") {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail({ envelope: { from, to: [to] }, raw });
}

const mail = (headers: Record<string, string>, body: string) =>
  `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(
      "\r\n",
    )}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

// biome-ignore lint/suspicious/noExplicitAny: test answers are checked field by field
async function api(url: string): Promise<any> {
  const res = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, url).toBe(200);
  return res.json();
}

async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("SMTP intake", () => {
  it("stores a new mail as a conversation before answering 250, and acknowledges it in the customer's language", async () => {
    const info = await send(
      mail(
        {
          From: "Marie Dupont <marie@example.fr>",
          To: "support@rapport.localhost",
          Subject: "Commande en retard",
          "Message-ID": "<first-1@example.fr>",
          Date: new Date().toUTCString(),
        },
        "Bonjour, ma commande n'est toujours pas arrivée, pouvez-vous m'aider ?",
      ),
    );
    expect(info.response).toMatch(/^250 .*stored as [A-Z2-9]{8}/);
    const list = await api("/api/v1/conversations?customer_email=MARIE@example.fr");
    expect(list.items).toHaveLength(1);
    const conversation = await api(`/api/v1/conversations/${list.items[0].id}`);
    expect(conversation.messages[0]).toMatchObject({
      direction: "inbound",
      channel: "email",
      external_id: "first-1@example.fr",
    });
    expect(conversation.first_response_due_at).not.toBeNull();
    const ack = conversation.messages.find((m: { automated: boolean }) => m.automated);
    expect(ack.body_text).toContain(conversation.reference);
    expect(ack.body_text).toMatch(/Bonjour Marie Dupont/);
    const customer = await api(`/api/v1/customers/${conversation.customer_id}`);
    expect(customer.preferred_language).toBe("fr"); // remembered for what we send next
    const files = await waitFor(async () => {
      const outbox = path.join(server.dataDir, "outbox");
      const found = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")) : [];
      return found.length > 0 ? found : null;
    });
    const sent = readFileSync(path.join(server.dataDir, "outbox", files[0] as string), "utf8");
    expect(sent).toMatch(/^Auto-Submitted: auto-replied/m);
    expect(sent).toMatch(/^X-Auto-Response-Suppress: All/m);
    expect(sent).toMatch(
      new RegExp(`^Subject: Re: Votre demande \\[#${conversation.reference}\\]`, "m"),
    );
    expect(sent).toMatch(/^In-Reply-To: <first-1@example.fr>/m);
  });

  it("acknowledges a first mail without repeating its display name or subject", async () => {
    await send(
      mail(
        {
          From: '"Claim your prize at http://prize.evil.example now" <victim@example.net>',
          To: "support@rapport.localhost",
          Subject: "You won! Visit http://prize.evil.example",
          "Message-ID": "<prize-1@example.net>",
        },
        "Claim your prize now.",
      ),
      undefined,
      "victim@example.net",
    );
    const list = await api("/api/v1/conversations?customer_email=victim@example.net");
    const conversation = await api(`/api/v1/conversations/${list.items[0].id}`);
    const ack = conversation.messages.find((m: { automated: boolean }) => m.automated);
    expect(ack.subject).toMatch(/^Re: (Your request|Votre demande) \[#[A-Z2-9]{8}\]$/);
    expect(ack.body_text).toMatch(/^(Hello|Bonjour),\n/);
    expect(`${ack.subject}${ack.body_text}`).not.toMatch(/prize|won/i);
  });

  it("files list and bulk mail in its own view, owed no answer until an advisor says so", async () => {
    await send(
      mail(
        {
          From: "News <news@list.example>",
          To: "support@rapport.localhost",
          Subject: "Our autumn letter",
          "List-Id": "<autumn.list.example>",
          "Message-ID": "<letter-1@list.example>",
        },
        "All our news this autumn.",
      ),
      undefined,
      "news@list.example",
    );
    await send(
      mail(
        {
          From: "promo@bulk.example",
          To: "support@rapport.localhost",
          Subject: "Offers",
          Precedence: "bulk",
          "Message-ID": "<offers-1@bulk.example>",
        },
        "Offers of the week.",
      ),
      undefined,
      "promo@bulk.example",
    );
    const [letter] = (await api("/api/v1/conversations?customer_email=news@list.example")).items;
    const [offers] = (await api("/api/v1/conversations?customer_email=promo@bulk.example")).items;
    for (const c of [letter, offers]) {
      expect(c).toMatchObject({ bulk: true, awaiting_answer_since: null });
      expect(c.first_response_due_at).toBeNull();
    }
    const bulkView = (await api("/api/v1/conversations?bulk=true")).items.map(
      (c: { id: string }) => c.id,
    );
    expect(bulkView).toEqual(expect.arrayContaining([letter.id, offers.id]));
    const owed = () =>
      api("/api/v1/unanswered").then((u) => u.items.map((c: { id: string }) => c.id));
    expect(await owed()).not.toContain(letter.id);

    const res = await fetch(`${server.url}/api/v1/conversations/${letter.id}/bulk`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ bulk: false }),
    });
    expect(res.status).toBe(200);
    const marked = (await res.json()) as { bulk: boolean; first_response_due_at: string | null };
    expect(marked.bulk).toBe(false);
    expect(marked.first_response_due_at).not.toBeNull();
    expect(await owed()).toContain(letter.id);
    expect(await owed()).not.toContain(offers.id);
  });

  it("shows a very large body cut, saying so, and downloads the whole mail as received", async () => {
    const line = `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit ".repeat(1)}\r\n`;
    const body = line.repeat(Math.ceil(600_000 / line.length));
    await send(
      mail(
        {
          From: "long@example.com",
          To: "support@rapport.localhost",
          Subject: "A very long letter",
          "Message-ID": "<long-1@example.com>",
        },
        body,
      ),
      undefined,
      "long@example.com",
    );
    const [listed] = (await api("/api/v1/conversations?customer_email=long@example.com")).items;
    const res = await fetch(`${server.url}/api/v1/conversations/${listed.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(300_000);
    const inbound = JSON.parse(text).messages.find(
      (m: { direction: string }) => m.direction === "inbound",
    );
    expect(inbound).toMatchObject({ truncated: true, body_html: null });
    expect(inbound.body_text).toHaveLength(100_000);
    const ack = JSON.parse(text).messages.find((m: { automated: boolean }) => m.automated);
    expect(ack).toMatchObject({ truncated: false, raw_url: null });

    const raw = await fetch(`${server.url}${inbound.raw_url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toBe("message/rfc822");
    expect(raw.headers.get("content-disposition")).toMatch(
      /^attachment; filename="message-.+\.eml"$/,
    );
    expect(raw.headers.get("x-content-type-options")).toBe("nosniff");
    const whole = await raw.text();
    expect(whole).toContain("Subject: A very long letter");
    expect(whole.length).toBeGreaterThan(600_000);

    const none = await fetch(`${server.url}/api/v1/messages/${ack.id}/raw`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(none.status).toBe(404);
    expect(none.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("stores a re-delivered mail once", async () => {
    const raw = mail(
      {
        From: "paul@example.com",
        To: "support@rapport.localhost",
        Subject: "Twice",
        "Message-ID": "<dup-1@example.com>",
      },
      "Same bytes.",
    );
    await send(raw, undefined, "paul@example.com");
    const again = await send(raw, undefined, "paul@example.com");
    expect(again.response).toMatch(/already received/);
    const list = await api("/api/v1/conversations?customer_email=paul@example.com");
    expect(list.items).toHaveLength(1);
    const conversation = await api(`/api/v1/conversations/${list.items[0].id}`);
    expect(
      conversation.messages.filter((m: { direction: string }) => m.direction === "inbound"),
    ).toHaveLength(1);
  });

  it("threads a reply by In-Reply-To and does not acknowledge it", async () => {
    await send(
      mail(
        {
          From: "lea@example.org",
          To: "support@rapport.localhost",
          Subject: "Question",
          "Message-ID": "<q-1@example.org>",
        },
        "A question.",
      ),
      undefined,
      "lea@example.org",
    );
    await send(
      mail(
        {
          From: "lea@example.org",
          To: "support@rapport.localhost",
          Subject: "Re: Question",
          "Message-ID": "<q-2@example.org>",
          "In-Reply-To": "<q-1@example.org>",
        },
        "More details.",
      ),
      undefined,
      "lea@example.org",
    );
    const list = await api("/api/v1/conversations?customer_email=lea@example.org");
    expect(list.items).toHaveLength(1);
    const conversation = await api(`/api/v1/conversations/${list.items[0].id}`);
    expect(
      conversation.messages.filter((m: { direction: string }) => m.direction === "inbound"),
    ).toHaveLength(2);
    expect(conversation.messages.filter((m: { automated: boolean }) => m.automated)).toHaveLength(
      1,
    );
  });

  it("sets aside an auto-reply that answers nothing: no conversation, no acknowledgement", async () => {
    const info = await send(
      mail(
        {
          From: "bot@example.net",
          To: "support@rapport.localhost",
          Subject: "Out of office",
          "Auto-Submitted": "auto-replied",
          "Message-ID": "<ooo@example.net>",
        },
        "I am away.",
      ),
      undefined,
      "bot@example.net",
    );
    expect(info.response).toMatch(/^250 .*set aside/);
    expect((await api("/api/v1/conversations?customer_email=bot@example.net")).items).toHaveLength(
      0,
    );
  });

  it("files an out-of-office answer to our acknowledgement in its conversation without reopening any clock", async () => {
    await send(
      mail(
        {
          From: "nora@example.com",
          To: "support@rapport.localhost",
          Subject: "Refund",
          "Message-ID": "<r-1@example.com>",
        },
        "I want a refund.",
      ),
      undefined,
      "nora@example.com",
    );
    const listed = (await api("/api/v1/conversations?customer_email=nora@example.com")).items[0];
    const before = await api(`/api/v1/conversations/${listed.id}`);
    const ack = before.messages.find((m: { automated: boolean }) => m.automated);
    await send(
      mail(
        {
          From: "nora@example.com",
          To: "support@rapport.localhost",
          Subject: "Automatic reply: Refund",
          "Message-ID": "<r-2@example.com>",
          "In-Reply-To": `<${ack.external_id}>`,
          "X-Autoreply": "yes",
        },
        "I am on holiday until Monday.",
      ),
      undefined,
      "nora@example.com",
    );
    const after = await api(`/api/v1/conversations/${listed.id}`);
    expect(
      after.messages.filter((m: { direction: string }) => m.direction === "inbound"),
    ).toHaveLength(2);
    expect(
      after.messages.filter(
        (m: { automated: boolean; direction: string }) => m.automated && m.direction === "outbound",
      ),
    ).toHaveLength(1);
    expect(after.awaiting_answer_since).toBe(before.awaiting_answer_since);
    expect((await api("/api/v1/conversations?customer_email=nora@example.com")).items).toHaveLength(
      1,
    );
  });

  it("refuses mail for an address that is not a brand's, with 550 and no relay", async () => {
    await expect(
      send(
        mail({ From: "x@example.com", To: "someone@elsewhere.com", Subject: "relay?" }, "hi"),
        "someone@elsewhere.com",
        "x@example.com",
      ),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
    const list = await api("/api/v1/conversations?customer_email=x@example.com");
    expect(list.items).toHaveLength(0);
  });

  it("advertises SIZE, 8BITMIME, PIPELINING and SMTPUTF8 and needs no AUTH", async () => {
    const ehlo = await new Promise<string>((resolve, reject) => {
      const socket = new Socket();
      let text = "";
      socket.on("data", (d) => {
        text += d.toString();
        if (text.includes("220 ") && !text.includes("EHLO sent")) {
          text += "EHLO sent\n";
          socket.write("EHLO client.test\r\n");
        } else if (/\n250 [^\n]*\r\n$/.test(text)) {
          socket.end("QUIT\r\n");
          resolve(text);
        }
      });
      socket.on("error", reject);
      socket.connect(server.smtpPort, "127.0.0.1");
    });
    expect(ehlo).toMatch(/250[- ]SIZE 26214400/);
    expect(ehlo).toMatch(/250[- ]8BITMIME/);
    expect(ehlo).toMatch(/250[- ]PIPELINING/);
    expect(ehlo).toMatch(/250[- ]SMTPUTF8/);
    expect(ehlo).not.toMatch(/AUTH/);
    expect(ehlo).not.toMatch(/STARTTLS/); // no certificate configured
  });

  it("refuses a message over the advertised size with 552 and stores nothing", async () => {
    const big = `${"x".repeat(76)}\r\n`;
    const body = big.repeat(Math.ceil((26 * 1024 * 1024) / big.length));
    await expect(
      send(
        mail({ From: "huge@example.com", To: "support@rapport.localhost", Subject: "huge" }, body),
        undefined,
        "huge@example.com",
      ),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect((await api("/api/v1/conversations?customer_email=huge@example.com")).items).toHaveLength(
      0,
    );
  });

  it("takes mail from Python's smtplib, with UTF-8 headers and a latin-1 body labelled UTF-8", async () => {
    const script = [
      "import smtplib, sys",
      "raw = (b'From: =?utf-8?q?Ren=C3=A9e_L=C3=A9ger?= <renee@example.fr>\\r\\nTo: Support <SUPPORT+vip@Rapport.Localhost>\\r\\n'",
      "       b'Subject: =?utf-8?q?Probl=C3=A8me_de_facture?=\\r\\nMessage-ID: <py-1@example.fr>\\r\\nMIME-Version: 1.0\\r\\n'",
      "       b'Content-Type: text/plain; charset=utf-8\\r\\nContent-Transfer-Encoding: 8bit\\r\\n\\r\\nJ\\'ai re\\xe7u une facture erron\\xe9e.\\r\\n')",
      "s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))",
      "print(s.sendmail('renee@example.fr', ['SUPPORT+vip@Rapport.Localhost'], raw))",
      "s.quit()",
    ].join("\n");
    // Asynchronously: the server under test runs in this very process.
    await promisify(execFile)("python3", ["-c", script, String(server.smtpPort)]);
    const list = await api("/api/v1/conversations?customer_email=renee@example.fr");
    expect(list.items).toHaveLength(1);
    expect(list.items[0].subject).toBe("Problème de facture");
    expect(list.items[0].customer.name).toBe("Renée Léger");
    const conversation = await api(`/api/v1/conversations/${list.items[0].id}`);
    expect(conversation.messages[0].body_text).toContain("J'ai reçu une facture erronée.");
  });

  it("threads a reply sent to our signed Reply-To address even without In-Reply-To", async () => {
    await send(
      mail(
        {
          From: "hugo@example.net",
          To: "support@rapport.localhost",
          Subject: "Warranty",
          "Message-ID": "<w-1@example.net>",
        },
        "Is it covered?",
      ),
      undefined,
      "hugo@example.net",
    );
    const first = (await api("/api/v1/conversations?customer_email=hugo@example.net")).items[0];
    const raw = await waitFor(async () => {
      const outbox = path.join(server.dataDir, "outbox");
      const files = existsSync(outbox) ? readdirSync(outbox) : [];
      const text = files
        .map((f) => readFileSync(path.join(outbox, f), "utf8"))
        .find((t) => t.includes(`[#${first.reference}]`));
      return text ?? null;
    });
    const replyTo = /^Reply-To:\s+(\S+)/m.exec(raw)?.[1] as string;
    expect(replyTo).toMatch(/^support\+r-[a-z2-7]{42}@rapport\.localhost$/);
    await send(
      mail(
        {
          From: "hugo@example.net",
          To: replyTo,
          Subject: "more",
          "Message-ID": "<w-2@example.net>",
        },
        "Also: the receipt is attached.",
      ),
      replyTo,
      "hugo@example.net",
    );
    const after = await api("/api/v1/conversations?customer_email=hugo@example.net");
    expect(after.items).toHaveLength(1);
    const forged = replyTo.replace(/r-([a-z2-7])/, (_m, c) => `r-${c === "a" ? "b" : "a"}`);
    await send(
      mail(
        {
          From: "hugo@example.net",
          To: forged,
          Subject: "forged",
          "Message-ID": "<w-3@example.net>",
        },
        "A forged token.",
      ),
      forged,
      "hugo@example.net",
    );
    expect((await api("/api/v1/conversations?customer_email=hugo@example.net")).items).toHaveLength(
      2,
    );
  });

  it("opens a new, linked and flagged conversation when a stranger quotes another customer's reference", async () => {
    await send(
      mail(
        {
          From: "owner@example.com",
          To: "support@rapport.localhost",
          Subject: "My order",
          "Message-ID": "<o-1@example.com>",
        },
        "Private details.",
      ),
      undefined,
      "owner@example.com",
    );
    const owner = (await api("/api/v1/conversations?customer_email=owner@example.com")).items[0];
    await send(
      mail(
        {
          From: "stranger@elsewhere.example",
          To: "support@rapport.localhost",
          Subject: `Re: My order [#${owner.reference}]`,
          "Message-ID": "<s-1@elsewhere.example>",
        },
        "Let me in.",
      ),
      undefined,
      "stranger@elsewhere.example",
    );
    const stranger = (await api("/api/v1/conversations?customer_email=stranger@elsewhere.example"))
      .items[0];
    expect(stranger.id).not.toBe(owner.id);
    expect(stranger.linked_conversation_id).toBe(owner.id);
    expect(stranger.flags).toContain("pointed_at_another_customers_conversation");
    const ownerConversation = await api(`/api/v1/conversations/${owner.id}`);
    expect(
      ownerConversation.messages.filter((m: { direction: string }) => m.direction === "inbound"),
    ).toHaveLength(1);
  });
});
