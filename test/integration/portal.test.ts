// The customer portal: a magic link mailed only to a known customer (202 whoever asks), used once and
// within 15 minutes, a session that shows only that customer's conversations of that brand, replies
// through the intake, a rating once a conversation is finished, and the limits on asking.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/commands/access/secrets.ts";
import { receiveMessage } from "../../src/intake/receive.ts";
import { events, portalLinks } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk({ RAPPORT_PUBLIC_URL: "https://desk.example" }, { workers: true });
});
afterAll(() => desk?.close());

const rt = () => desk.booted.rt;
const json = (payload: Record<string, string>) => ({ payload });

/** The mails in the outbox addressed to `to`, parsed. */
async function mailsTo(to: string) {
  const outbox = path.join(desk.config.dataDir, "outbox");
  const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")) : [];
  const mails = await Promise.all(
    files.map((f) => simpleParser(readFileSync(path.join(outbox, f)))),
  );
  return mails.filter(
    (m) => m.to && !Array.isArray(m.to) && m.to.text.toLowerCase() === to.toLowerCase(),
  );
}

const askLink = (email: string, slug = "support", ip = "10.0.0.1") =>
  desk.app.inject({
    method: "POST",
    url: `/api/v1/portal/${slug}/magic-link`,
    remoteAddress: ip,
    headers: { "content-type": "application/json" },
    payload: { email },
  });

/** Asks for a link and reads its token from the mail that arrives. */
async function mailedToken(email: string): Promise<string> {
  const before = (await mailsTo(email)).length;
  expect((await askLink(email)).statusCode).toBe(202);
  const mails = await eventually(async () => {
    const all = await mailsTo(email);
    return all.length > before ? all : null;
  });
  const text = mails.map((m) => m.text ?? "").find((t) => !tokensSeen.has(tokenIn(t))) ?? "";
  const token = tokenIn(text);
  tokensSeen.add(token);
  return token;
}
const tokensSeen = new Set<string>();
const tokenIn = (text: string) => /sign-in\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

/** Signs in with a token; answers the cookie header and CSRF token of the session. */
async function signIn(token: string) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/portal/support/session",
    ...json({ token }),
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === "rapport_portal");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie?.secure).toBe(true);
  return { cookie: `rapport_portal=${cookie?.value}`, csrf: res.json().csrf_token as string };
}

const customerWrites = async (email: string, body: string, brandId?: string) =>
  receiveMessage(rt(), {
    workspaceId: desk.workspaceId,
    channel: "form",
    brandId: brandId ?? null,
    from: { email },
    subject: body,
    bodyText: body,
  });

const asAdvisor = (method: "GET" | "PATCH" | "POST", url: string, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as("advisor"), ...(payload ? { payload } : {}) });

async function answerAndResolve(conversationId: string) {
  await asAdvisor("POST", `/api/v1/conversations/${conversationId}/messages`, {
    kind: "reply",
    body: "It is fixed now.",
  });
  await eventually(
    async () => (await asAdvisor("GET", `/api/v1/conversations/${conversationId}`)).json().answered,
  );
  const res = await asAdvisor("PATCH", `/api/v1/conversations/${conversationId}`, {
    status: "resolved",
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe("asking for a sign-in link", () => {
  it("answers 202 to a known address, an unknown one and an unknown brand, and mails only the known one", async () => {
    await customerWrites("known@example.com", "My parcel is late");
    const known = await askLink("Known@Example.com");
    const stranger = await askLink("stranger@example.com");
    const noBrand = await askLink("known@example.com", "no-such-brand");
    expect([known.statusCode, stranger.statusCode, noBrand.statusCode]).toEqual([202, 202, 202]);
    expect(stranger.json()).toEqual(known.json());
    expect(noBrand.json()).toEqual(known.json());
    const [mail] = await eventually(async () => {
      const m = await mailsTo("Known@Example.com");
      return m.length > 0 ? m : null;
    });
    expect(mail?.subject).toContain("sign-in link");
    expect(mail?.from?.text).toContain("support@rapport.localhost");
    const link =
      /https:\/\/desk\.example\/portal\/support\/sign-in\?token=([A-Za-z0-9_-]{43})/.exec(
        mail?.text ?? "",
      );
    expect(link).not.toBeNull();
    tokensSeen.add(link?.[1] ?? "");
    // Only the token's hash is kept once the mail has left.
    const rows = await rt()
      .db.select()
      .from(portalLinks)
      .where(eq(portalLinks.workspaceId, desk.workspaceId));
    expect(rows.map((r) => r.tokenHash)).toContain(sha256(link?.[1] ?? ""));
    expect(rows.every((r) => r.sealedToken === null)).toBe(true);
    expect(rows.some((r) => r.email === "stranger@example.com")).toBe(false);
    expect(await mailsTo("stranger@example.com")).toEqual([]);
  });

  it("writes the mail in the customer's language", async () => {
    await customerWrites(
      "claire@example.fr",
      "Bonjour, ma commande n'est jamais arrivée, pouvez-vous m'aider ?",
    );
    await mailedToken("claire@example.fr");
    const [mail] = await mailsTo("claire@example.fr");
    expect(mail?.subject).toContain("Votre lien de connexion");
  });

  it("limits the links asked for one address, known or not (429 with Retry-After)", async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(await askLink("limited@example.com", "support", `10.1.0.${i}`));
    expect(answers.slice(0, 5).map((a) => a.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(answers[5]?.statusCode).toBe(429);
    expect(Number(answers[5]?.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limits the links asked from one client address", async () => {
    const codes = [];
    for (let i = 0; i < 21; i++)
      codes.push((await askLink(`many${i}@example.com`, "support", "10.2.0.1")).statusCode);
    expect(codes.filter((c) => c === 202)).toHaveLength(20);
    expect(codes.at(-1)).toBe(429);
  });

  it("refuses a form sent from another site", async () => {
    const res = await desk.app.inject({
      method: "POST",
      url: "/api/v1/portal/support/magic-link",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      payload: { email: "known@example.com" },
      remoteAddress: "10.3.0.1",
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("signing in with the link", () => {
  it("works once: the second use is refused", async () => {
    await customerWrites("once@example.com", "Where is my refund?");
    const token = await mailedToken("once@example.com");
    await signIn(token);
    const again = await desk.app.inject({
      method: "POST",
      url: "/api/v1/portal/support/session",
      ...json({ token }),
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().detail).toContain("used");
  });

  it("refuses a link after its 15 minutes", async () => {
    await customerWrites("late@example.com", "Hello?");
    const token = await mailedToken("late@example.com");
    const clock = rt().now;
    rt().now = () => new Date(clock().getTime() + 15 * 60_000 + 1000);
    try {
      const res = await desk.app.inject({
        method: "POST",
        url: "/api/v1/portal/support/session",
        ...json({ token }),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain("expired");
      // A link past its time goes when the next one is made.
      await askLink("late@example.com");
      await eventually(async () => {
        const rows = await rt()
          .db.select()
          .from(portalLinks)
          .where(
            and(
              eq(portalLinks.workspaceId, desk.workspaceId),
              eq(portalLinks.tokenHash, sha256(token)),
            ),
          );
        return rows.length === 0;
      });
    } finally {
      rt().now = clock;
    }
  });

  it("refuses a token of another brand's link, and one never issued", async () => {
    const res = await desk.app.inject({
      method: "POST",
      url: "/api/v1/portal/support/session",
      ...json({ token: "A".repeat(43) }),
    });
    expect(res.statusCode).toBe(401);
  });
});

describe("a customer's portal session", () => {
  let session: { cookie: string; csrf: string };
  let mine: string;
  let otherBrandsId: string;
  let someoneElses: string;

  beforeAll(async () => {
    mine = (await customerWrites("mine@example.com", "The lamp flickers")).conversationId;
    someoneElses = (await customerWrites("else@example.com", "Not yours")).conversationId;
    const brand = await desk.app.inject({
      method: "POST",
      url: "/api/v1/brands",
      headers: desk.as("admin"),
      payload: { name: "Lumière", slug: "lumiere", addresses: ["bonjour@lumiere.test"] },
    });
    expect(brand.statusCode, brand.body).toBe(201);
    otherBrandsId = (await customerWrites("mine@example.com", "Other brand", brand.json().id))
      .conversationId;
    // Spam of theirs stays out of sight.
    await asAdvisor("POST", `/api/v1/conversations/${mine}/messages`, {
      kind: "note",
      body: "Internal: check the supplier",
    });
    session = await signIn(await mailedToken("mine@example.com"));
  });

  const asCustomer = (method: "GET" | "POST", url: string, payload?: object, csrf = true) =>
    desk.app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        ...(csrf && method === "POST" ? { "x-csrf-token": session.csrf } : {}),
      },
      ...(payload ? { payload } : {}),
    });

  it("lists only that customer's conversations with that brand", async () => {
    const res = await asCustomer("GET", "/api/v1/portal/conversations");
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([mine]);
    expect(ids).not.toContain(otherBrandsId);
    expect(ids).not.toContain(someoneElses);
  });

  it("shows a conversation's customer-visible messages, and 404 for another customer's", async () => {
    const res = await asCustomer("GET", `/api/v1/portal/conversations/${mine}`);
    expect(res.statusCode).toBe(200);
    const bodies = res.json().messages.map((m: { body_text: string }) => m.body_text);
    expect(bodies).toContain("The lamp flickers");
    expect(bodies.join()).not.toContain("Internal");
    expect(
      (await asCustomer("GET", `/api/v1/portal/conversations/${someoneElses}`)).statusCode,
    ).toBe(404);
    expect(
      (await asCustomer("GET", `/api/v1/portal/conversations/${otherBrandsId}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await asCustomer("POST", `/api/v1/portal/conversations/${someoneElses}/messages`, {
          body: "hi",
        })
      ).statusCode,
    ).toBe(404);
  });

  it("needs the session and its CSRF token", async () => {
    const stranger = await desk.app.inject({ method: "GET", url: "/api/v1/portal/conversations" });
    expect(stranger.statusCode).toBe(401);
    const noToken = await asCustomer(
      "POST",
      `/api/v1/portal/conversations/${mine}/messages`,
      { body: "x" },
      false,
    );
    expect(noToken.statusCode).toBe(403);
    // The advisors' cookie and token open nothing here, and the portal's nothing there.
    const advisor = await desk.app.inject({
      method: "GET",
      url: "/api/v1/portal/conversations",
      headers: desk.as("admin"),
    });
    expect(advisor.statusCode).toBe(401);
    const console = await desk.app.inject({
      method: "GET",
      url: "/api/v1/conversations",
      headers: { cookie: session.cookie },
    });
    expect(console.statusCode).toBe(401);
  });

  it("refuses a rating while the conversation is open", async () => {
    const res = await asCustomer("POST", `/api/v1/portal/conversations/${mine}/rating`, {
      score: 5,
    });
    expect(res.statusCode).toBe(409);
  });

  it("lands a reply in the same conversation, reopens it and restarts the clocks as a mail would", async () => {
    await answerAndResolve(mine);
    const res = await asCustomer("POST", `/api/v1/portal/conversations/${mine}/messages`, {
      body: "It flickers again.",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().conversation_id).toBe(mine);
    const c = (await asAdvisor("GET", `/api/v1/conversations/${mine}`)).json();
    expect(c.status).toBe("open");
    expect(c.owed_answer).toBe(true);
    expect(c.next_response_due_at).not.toBeNull();
    const last = c.messages.at(-1);
    expect(last.body_text).toBe("It flickers again.");
    expect(last.channel).toBe("portal");
    expect(last.direction).toBe("inbound");
  });

  it("replays a reply sent again with the same Idempotency-Key", async () => {
    const send = () =>
      desk.app.inject({
        method: "POST",
        url: `/api/v1/portal/conversations/${mine}/messages`,
        headers: {
          cookie: session.cookie,
          "x-csrf-token": session.csrf,
          "idempotency-key": "reply-1",
        },
        payload: { body: "Once only" },
      });
    const first = await send();
    const second = await send();
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().message_id).toBe(first.json().message_id);
  });

  it("rates a resolved conversation once, shown to advisors as its csat with an event", async () => {
    await answerAndResolve(mine);
    const rated = await asCustomer("POST", `/api/v1/portal/conversations/${mine}/rating`, {
      score: 4,
      comment: " Quick, thanks ",
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ score: 4, comment: "Quick, thanks" });
    const again = await asCustomer("POST", `/api/v1/portal/conversations/${mine}/rating`, {
      score: 1,
    });
    expect(again.statusCode).toBe(409);
    const c = (await asAdvisor("GET", `/api/v1/conversations/${mine}`)).json();
    expect(c.csat).toMatchObject({ score: 4, comment: "Quick, thanks" });
    const [event] = await rt()
      .db.select()
      .from(events)
      .where(
        and(
          eq(events.workspaceId, desk.workspaceId),
          eq(events.conversationId, mine),
          eq(events.type, "conversation.rated"),
        ),
      );
    expect(event?.actorKind).toBe("customer");
    expect((await asCustomer("GET", `/api/v1/portal/conversations/${mine}`)).json()).toMatchObject({
      may_rate: false,
      csat: { score: 4 },
    });
  });

  it("refuses a score out of 1–5, changing nothing", async () => {
    const res = await asCustomer("POST", `/api/v1/portal/conversations/${mine}/rating`, {
      score: 6,
    });
    expect(res.statusCode).toBe(400);
  });

  it("follows the customer into the profile they were merged into", async () => {
    const survivor = (await customerWrites("survivor@example.com", "Another request")).customerId;
    const me = (await asAdvisor("GET", `/api/v1/conversations/${mine}`)).json().customer_id;
    const merged = await asAdvisor("POST", `/api/v1/customers/${survivor}/merge`, { other_id: me });
    expect(merged.statusCode, merged.body).toBeLessThan(300);
    const ids = (await asCustomer("GET", "/api/v1/portal/conversations"))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine);
    expect(ids).toHaveLength(2);
  });

  it("ends with sign-out", async () => {
    const out = await desk.app.inject({
      method: "DELETE",
      url: "/api/v1/portal/session",
      headers: { cookie: session.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect((await asCustomer("GET", "/api/v1/portal/conversations")).statusCode).toBe(401);
  });
});

describe("the portal's pages", () => {
  const form = (fields: Record<string, string>) => ({
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });

  it("ask for a link, sign in with a button, list and show the customer's conversations, without script", async () => {
    const { conversationId } = await customerWrites("pages@example.com", "Broken hinge");
    const ask = await desk.app.inject({ method: "GET", url: "/portal/support?lang=fr" });
    expect(ask.statusCode).toBe(200);
    expect(ask.headers["content-language"]).toBe("fr");
    expect(ask.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(ask.body).toContain('<html lang="fr">');
    expect(ask.body).not.toContain("<script");
    const sent = await desk.app.inject({
      method: "POST",
      url: "/portal/support/magic-link",
      remoteAddress: "10.9.0.1",
      ...form({ email: "pages@example.com" }),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.body).toContain("Check your mail");
    const [mail] = await eventually(async () => {
      const m = await mailsTo("pages@example.com");
      return m.length > 0 ? m : null;
    });
    const token = tokenIn(mail?.text ?? "");
    // Opening the link only shows a button: a mail scanner that follows it signs nobody in.
    const opened = await desk.app.inject({
      method: "GET",
      url: `/portal/support/sign-in?token=${token}`,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.cookies).toEqual([]);
    const signedIn = await desk.app.inject({
      method: "POST",
      url: "/portal/support/sign-in",
      ...form({ token }),
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe("/portal/support/conversations");
    const cookie = `rapport_portal=${signedIn.cookies.find((c) => c.name === "rapport_portal")?.value}`;
    const list = await desk.app.inject({
      method: "GET",
      url: "/portal/support/conversations",
      headers: { cookie },
    });
    expect(list.body).toContain("Broken hinge");
    const page = await desk.app.inject({
      method: "GET",
      url: `/portal/support/conversations/${conversationId}`,
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const replied = await desk.app.inject({
      method: "POST",
      url: `/portal/support/conversations/${conversationId}/reply`,
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ csrf_token: csrf, body: "Still broken" }).toString(),
    });
    expect(replied.statusCode, replied.body).toBe(303);
    const again = await desk.app.inject({
      method: "GET",
      url: replied.headers.location as string,
      headers: { cookie },
    });
    expect(again.body).toContain("Still broken");
    expect(again.body).toContain("Your reply was sent.");
    const forged = await desk.app.inject({
      method: "POST",
      url: `/portal/support/conversations/${conversationId}/reply`,
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ csrf_token: "forged", body: "Not me" }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers["content-type"]).toContain("text/html");
    const twice = await desk.app.inject({
      method: "POST",
      url: "/portal/support/sign-in",
      ...form({ token }),
    });
    expect(twice.statusCode).toBe(410);
    expect(twice.body).toContain("already used");
  });

  it("sends a stranger to the link form, and says an unknown portal does not exist", async () => {
    const list = await desk.app.inject({ method: "GET", url: "/portal/support/conversations" });
    expect(list.statusCode).toBe(303);
    const none = await desk.app.inject({
      method: "GET",
      url: "/portal/nobody-here",
      headers: { "accept-language": "fr" },
    });
    expect(none.statusCode).toBe(404);
    expect(none.headers["content-type"]).toContain("text/html");
  });
});

describe("a customer erased on request", () => {
  it("loses their portal session and links", async () => {
    const { customerId } = await customerWrites("forget.me@example.com", "Please forget me");
    const session = await signIn(await mailedToken("forget.me@example.com"));
    const erased = await desk.app.inject({
      method: "POST",
      url: `/api/v1/customers/${customerId}/erase`,
      headers: desk.as("admin"),
    });
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    const list = await desk.app.inject({
      method: "GET",
      url: "/api/v1/portal/conversations",
      headers: { cookie: session.cookie },
    });
    expect(list.statusCode).toBe(401);
    const links = await rt()
      .db.select()
      .from(portalLinks)
      .where(
        and(eq(portalLinks.workspaceId, desk.workspaceId), eq(portalLinks.customerId, customerId)),
      );
    expect(links).toEqual([]);
  });
});
