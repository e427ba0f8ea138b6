// Routing over real SMTP: who a new conversation goes to (advisor, backup, the team by load), the
// acknowledgement naming them, a customer asking for a manager (and one saying they do not), urgent
// words raising the priority, and an advisor escalating by hand.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let token: string;
const people: Record<string, string> = {};

// biome-ignore lint/suspicious/noExplicitAny: test answers are checked field by field
async function api(method: string, url: string, body?: unknown, status = 200): Promise<any> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(
    res.status,
    `${method} ${url}: ${res.status === status ? "" : await res.clone().text()}`,
  ).toBe(status);
  return res.json();
}

let mailCount = 0;
/** Sends a plain mail over SMTP. */
async function send(from: string, subject: string, body: string, name = "") {
  const id = `<routing-${++mailCount}@example.fr>`;
  const raw = `From: ${name ? `${name} ` : ""}<${from}>\r\nTo: support@rapport.localhost\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: server.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({ envelope: { from, to: ["support@rapport.localhost"] }, raw });
}

/** Sends a plain mail over SMTP; answers the conversation it opened, found by its subject. */
async function mail(from: string, subject: string, body: string, name = "") {
  await send(from, subject, body, name);
  const list = await api(
    "GET",
    `/api/v1/conversations?customer_email=${encodeURIComponent(from)}&limit=50`,
  );
  const row = list.items.find((c: { subject: string }) => c.subject === subject);
  expect(row, subject).toBeDefined();
  return api("GET", `/api/v1/conversations/${row.id}`);
}

const automated = (c: { messages: Array<{ automated: boolean; body_text: string }> }) =>
  c.messages.filter((m) => m.automated).map((m) => m.body_text);

async function user(key: string, name: string, role = "advisor", extra = {}) {
  const created = await api(
    "POST",
    "/api/v1/users",
    { email: `${key}@rapport.test`, name, role, ...extra },
    201,
  );
  people[key] = created.id;
}

/** A customer known before they write by mail, with their advisor and backup. */
async function customerWith(email: string, advisor: string | null, backup: string | null) {
  // Known from the shop (not from a message, which would be acknowledged: the mail under test
  // must be the first acknowledged).
  const known = await api(
    "PUT",
    `/api/v1/customers/by-external-id/${encodeURIComponent(email)}`,
    {
      name: "Claire",
      email,
    },
    201,
  );
  await api("PATCH", `/api/v1/customers/${known.id}`, {
    advisor_id: advisor,
    backup_id: backup,
  });
}

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const { createToken } = await import("../../src/commands/access/create-token.ts");
  const { systemActor } = await import("../../src/commands/events/record-event.ts");
  token = (
    await createToken(
      server.running.booted.rt,
      { workspaceId: server.running.booted.workspaceId, name: "t", role: "admin" },
      systemActor,
    )
  ).token;
  await user("paul", "Paul Martin");
  await user("lea", "Léa Roux");
  await user("zoe", "Zoé Blanc");
  await user("yann", "Yann Le Gall");
  await user("marc", "Marc Petit", "manager");
  const team = await api(
    "POST",
    "/api/v1/teams",
    { name: "Support", manager_id: people.marc, member_ids: [people.zoe, people.yann] },
    201,
  );
  const brands = await api("GET", "/api/v1/brands");
  const brand = brands.items.find((b: { addresses: string[] }) =>
    b.addresses.includes("support@rapport.localhost"),
  );
  const patched = await api("PATCH", `/api/v1/brands/${brand.id}`, { team_id: team.id });
  expect(patched.team_id).toBe(team.id);
});
afterAll(() => server?.stop());

describe("routing a new conversation", () => {
  it("gives it to the customer's advisor, and the acknowledgement names them", async () => {
    await customerWith("claire@example.fr", people.paul ?? null, people.lea ?? null);
    const c = await mail(
      "claire@example.fr",
      "Ma commande",
      "Bonjour, où en est ma commande ?",
      "Claire",
    );
    expect(c.assignee_id).toBe(people.paul);
    expect(c.routing).toMatchObject({ code: "advisor", assignee_name: "Paul Martin" });
    expect(automated(c).join("\n")).toContain("Paul Martin s’occupe de votre demande");
  });

  it("gives it to the backup when the advisor is away, and says why", async () => {
    await api("PATCH", `/api/v1/users/${people.paul}`, {
      out_of_office: {
        from: new Date(Date.now() - 3_600_000).toISOString(),
        until: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    const c = await mail(
      "claire@example.fr",
      "Une autre question",
      "Bonjour, une question sur la taille.",
    );
    expect(c.assignee_id).toBe(people.lea);
    expect(c.routing).toMatchObject({
      code: "backup",
      assignee_name: "Léa Roux",
      advisor_name: "Paul Martin",
      backup_name: "Léa Roux",
      advisor_unavailable: { why: "away" },
    });
    expect(automated(c).join("\n")).toContain("Léa Roux s’occupe de votre demande");
    const timeline = await api("GET", `/api/v1/customers/${c.customer_id}/timeline?limit=100`);
    const routed = timeline.items.filter(
      (e: { type: string; conversation_id: string }) =>
        e.type === "conversation.routed" && e.conversation_id === c.id,
    );
    expect(routed).toHaveLength(1);
  });

  it("gives a stranger's conversations to the team, one each to the least loaded", async () => {
    const first = await mail("ana@example.com", "Sizes", "Hello, which size should I take?");
    const second = await mail("ben@example.com", "Colours", "Hello, is it sold in blue?");
    const given = [first.assignee_id, second.assignee_id].sort();
    expect(given).toEqual([people.zoe, people.yann].sort());
    expect(first.routing.code).toBe("team");
    expect(first.team_id).toBe(second.team_id);
    expect(first.team_id).not.toBeNull();
  });
});

describe("a customer's organisation", () => {
  /** An organisation, created through the API. */
  let made = 0;
  async function organisation(fields: Record<string, unknown>) {
    const created = await api(
      "POST",
      "/api/v1/organisations",
      { name: `Organisation ${++made}`, ...fields },
      201,
    );
    return created.id as string;
  }
  async function member(email: string, organisationId: string) {
    const first = await api(
      "POST",
      "/api/v1/messages/inbound",
      { channel: "form", from: { email, name: "Member" }, subject: "Hello", body: "A first word." },
      201,
    );
    await api("PATCH", `/api/v1/customers/${first.customer_id}`, {
      organisation_id: organisationId,
    });
  }

  it("lends its advisor to a customer who has none", async () => {
    await member("buyer@org-advised.example", await organisation({ advisor_id: people.yann }));
    const c = await mail("buyer@org-advised.example", "Invoice", "Hello, where is the invoice?");
    expect(c.assignee_id).toBe(people.yann);
    expect(c.routing).toMatchObject({ code: "advisor", assignee_name: "Yann Le Gall" });
  });

  it("a partner's conversation goes to the partner manager", async () => {
    await user("nora", "Nora Partner", "manager");
    await member(
      "buyer@partner.example",
      await organisation({ is_partner: true, partner_manager_id: people.nora }),
    );
    const c = await mail("buyer@partner.example", "Wholesale", "Hello, a question on prices.");
    expect(c.assignee_id).toBe(people.nora);
    expect(c.routing).toMatchObject({ code: "partner_manager", assignee_name: "Nora Partner" });
  });
});

describe("a brand's team", () => {
  it("must be a team of the workspace", async () => {
    const brands = await api("GET", "/api/v1/brands");
    const brand = brands.items[0];
    const refused = await api(
      "PATCH",
      `/api/v1/brands/${brand.id}`,
      { team_id: "0190f2a4-0000-7000-8000-000000000000" },
      400,
    );
    expect(JSON.stringify(refused)).toContain("team_id");
  });
});

describe("a customer asking for a manager", () => {
  it("gives the conversation to the team's manager and tells the customer their name", async () => {
    const c = await mail(
      "irate@example.com",
      "Third time",
      "This is the third time I write. I want to speak to a manager.",
      "Sam",
    );
    expect(c.assignee_id).toBe(people.marc);
    expect(c.escalation).toMatchObject({ reason: "customer_request", manager_name: "Marc Petit" });
    expect(automated(c).join("\n")).toContain(
      "your request is now with Marc Petit, the team’s manager",
    );
  });

  it("a reply asking for a manager in an open conversation gets a notice naming them", async () => {
    const c = await mail("eve@example.fr", "Livraison", "Bonjour, où est mon colis ?", "Ève");
    expect(c.assignee_id).not.toBe(people.marc);
    await send(
      "eve@example.fr",
      `Re: Livraison [#${c.reference}]`,
      "Toujours rien. Je veux parler à un responsable.",
    );
    const after = await api("GET", `/api/v1/conversations/${c.id}`);
    expect(after.assignee_id).toBe(people.marc);
    expect(after.escalation).toMatchObject({
      reason: "customer_request",
      manager_name: "Marc Petit",
    });
    expect(automated(after).join("\n")).toContain(
      `Comme vous l’avez demandé, votre demande ${c.reference} est confiée à Marc Petit`,
    );
  });

  it("does nothing when the customer says they need no manager", async () => {
    const c = await mail(
      "calm@example.fr",
      "Pas de souci",
      "Bonjour, je ne veux pas de responsable, juste savoir quand le colis arrive.",
    );
    expect(c.assignee_id).not.toBe(people.marc);
    expect(c.escalation).toBeNull();
    expect(automated(c).join("\n")).not.toContain("Marc Petit");
  });

  it("an advisor's click gives it to the manager and sends a notice naming them", async () => {
    const c = await mail("dana@example.com", "Refund", "Hello, may I have a refund for order 12?");
    expect(c.assignee_id).not.toBe(people.marc);
    const escalated = await api("POST", `/api/v1/conversations/${c.id}/escalate`);
    expect(escalated.assignee_id).toBe(people.marc);
    const after = await api("GET", `/api/v1/conversations/${c.id}`);
    expect(after.escalation).toMatchObject({
      reason: "advisor_request",
      manager_name: "Marc Petit",
    });
    expect(automated(after).join("\n")).toContain("is now with Marc Petit, the team’s manager");
    // Asking again changes nothing and sends nothing more.
    await api("POST", `/api/v1/conversations/${c.id}/escalate`);
    const again = await api("GET", `/api/v1/conversations/${c.id}`);
    expect(automated(again)).toHaveLength(automated(after).length);
  });
});

describe("urgency", () => {
  it("raises the priority on urgent words, and says which", async () => {
    const c = await mail("hurry@example.com", "Order", "I was charged twice, this is urgent!");
    expect(c.priority).toBe("urgent");
    expect(c.urgency).toEqual({ priority: "urgent", words: ["urgent", "charged twice"] });
  });

  it("leaves it alone when the customer says it is not urgent", async () => {
    const c = await mail(
      "easy@example.fr",
      "Question",
      "Ce n'est pas urgent : avez-vous du bleu ?",
    );
    expect(c.priority).toBe("normal");
    expect(c.urgency).toBeNull();
  });

  it("an urgent message is due sooner, so the unanswered watch shows it first", async () => {
    const calm = await mail("calm-first@example.com", "Sizes again", "Which size, please?");
    const urgent = await mail(
      "urgent-later@example.com",
      "Allergy",
      "My son has an allergy: urgent.",
    );
    expect(Date.parse(urgent.first_response_due_at)).toBeLessThan(
      Date.parse(calm.first_response_due_at),
    );
    const watch = await api("GET", "/api/v1/unanswered?limit=100");
    const order = watch.items.map((row: { id?: string; conversation?: { id: string } }) =>
      row.conversation ? row.conversation.id : row.id,
    );
    expect(order.indexOf(urgent.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(urgent.id)).toBeLessThan(order.indexOf(calm.id));
  });
});
