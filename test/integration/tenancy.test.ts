// Tenancy by construction, checked on what really runs: every SQL statement a tour of the API sends
// is recorded, and PostgreSQL's own plan of each one must read every tenant table through a
// `workspace_id` condition (its own, or one the planner derived from a join on workspace_id). A
// statement that reaches across workspaces on purpose says so with `acrossWorkspaces(why)`.
import { eq, getTableColumns, getTableName, isTable, type Table } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxDelivery } from "../../src/channels/email/deliver.ts";
import { sendPortalLink } from "../../src/jobs/send-portal-link.ts";
import { acrossWorkspacesMark } from "../../src/store/queries/workspace-scope.ts";
import * as schema from "../../src/store/schema/index.ts";
import { open } from "../../src/store/sealed-box.ts";
import { type Desk, startDesk, testPassword } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

/** Every table with a workspace_id column. */
const tenantTables = new Set(
  (Object.values(schema) as unknown[])
    .filter((t): t is Table => isTable(t) && "workspaceId" in getTableColumns(t))
    .map((t) => getTableName(t)),
);

type Statement = { text: string; values: unknown[] };
const recorded = new Map<string, Statement>();

// Records what every pg client of this test file sends: Drizzle, raw queries and the job queue.
const send = pg.Client.prototype.query;
function recordingQuery(this: pg.Client, ...args: unknown[]) {
  const [first, second] = args;
  const text = typeof first === "string" ? first : (first as { text?: unknown } | null)?.text;
  const values = Array.isArray(second)
    ? second
    : ((first as { values?: unknown[] } | null)?.values ?? []);
  if (typeof text === "string" && !recorded.has(text)) recorded.set(text, { text, values });
  return (send as (...a: unknown[]) => unknown).apply(this, args);
}

const plannable = /^\s*(with|select|insert|update|delete)\b/i;
const conditions = ["Index Cond", "Recheck Cond", "Filter", "TID Cond"] as const;
type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

/** The tenant tables a plan reads without a workspace_id condition. */
function unscopedReads(node: PlanNode, found: string[] = []): string[] {
  const relation = node["Relation Name"];
  if (
    typeof relation === "string" &&
    tenantTables.has(relation) &&
    node["Node Type"] !== "ModifyTable"
  ) {
    const own = conditions.map((c) => String(node[c] ?? ""));
    const bitmap = (node.Plans ?? []).flatMap((p) =>
      p["Node Type"] === "Bitmap Index Scan" ? [String(p["Index Cond"] ?? "")] : [],
    );
    if (![...own, ...bitmap].some((c) => /\bworkspace_id\b/.test(c))) found.push(relation);
  }
  for (const child of node.Plans ?? []) unscopedReads(child, found);
  return found;
}

/** Plans each recorded statement on `url` and lists those that read a tenant table unscoped. */
async function audit(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const failures: string[] = [];
  let planned = 0;
  try {
    for (const { text, values } of recorded.values()) {
      if (!plannable.test(text) || text.includes(acrossWorkspacesMark)) continue;
      if (![...tenantTables].some((t) => text.includes(`"${t}"`) || text.includes(` ${t} `)))
        continue;
      const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
        `explain (format json) ${text}`,
        values,
      );
      const [plan] = explained.rows[0]?.["QUERY PLAN"] ?? [];
      planned += 1;
      const tables = plan ? unscopedReads(plan.Plan) : [];
      if (tables.length > 0) failures.push(`${[...new Set(tables)].join(", ")}: ${text}`);
    }
  } finally {
    await client.end();
  }
  return { planned, failures };
}

let desk: Desk;
beforeAll(async () => {
  pg.Client.prototype.query = recordingQuery as typeof send;
  desk = await startDesk();
});
afterAll(async () => {
  pg.Client.prototype.query = send;
  await desk?.close();
});

type Role = "admin" | "manager" | "advisor";
async function call(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  role: Role,
  payload?: object,
) {
  const res = await desk.app.inject({
    method,
    url,
    headers: desk.as(role),
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.body === "" ? null : res.json();
}

/** A sign-in, a read with its cookie and a sign-out. */
async function visit() {
  const signIn = await desk.app.inject({
    method: "POST",
    url: "/api/v1/session",
    payload: { email: "ada@desk.test", password: testPassword },
  });
  expect(signIn.statusCode, signIn.body).toBe(200);
  const cookie = signIn.cookies.find((c) => c.name === "rapport_session");
  const headers = { cookie: `rapport_session=${cookie?.value}` };
  const me = await desk.app.inject({ method: "GET", url: "/api/v1/me", headers });
  expect(me.statusCode).toBe(200);
  const out = await desk.app.inject({
    method: "DELETE",
    url: "/api/v1/session",
    headers: { ...headers, "x-csrf-token": me.json().csrf_token },
  });
  expect(out.statusCode).toBe(204);
}

/** A chat widget's visitor writes, is answered while away, and comes back to read the reply. */
async function widgetTour() {
  const widget = "/api/v1/widget/support";
  const visitor = (await desk.app.inject({ method: "POST", url: `${widget}/visitors` })).json()
    .visitor as string;
  const headers = { "rapport-visitor": visitor };
  await desk.app.inject({ method: "GET", url: `${widget}/config?lang=fr` });
  const sent = await desk.app.inject({
    method: "POST",
    url: `${widget}/messages`,
    headers,
    payload: { body: "Bonjour, vous êtes là ?", phone: "+33 6 99 88 77 66" },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  await call("POST", `/api/v1/conversations/${sent.json().conversation_id}/messages`, "advisor", {
    kind: "reply",
    body: "Oui, bonjour !",
  });
  const read = await desk.app.inject({ method: "GET", url: `${widget}/messages`, headers });
  expect(read.json().items).toHaveLength(2);
}

/** What an advisor, a manager and an admin do in a day, through the API. */
async function tour() {
  await visit();
  const first = await call("POST", "/api/v1/messages/inbound", "advisor", {
    channel: "api",
    from: { email: "tour@example.com", name: "Tina Tour", phone: "+33 6 11 22 33 44" },
    subject: "Ma commande",
    body: "Bonjour, ma commande est arrivée abîmée.",
  });
  await call("POST", "/api/v1/messages/inbound", "advisor", {
    channel: "api",
    from: { email: "tour@example.com" },
    subject: "Re: Ma commande",
    body: "Et le colis était ouvert.",
    conversation_id: first.conversation_id,
  });
  const conversation = `/api/v1/conversations/${first.conversation_id}`;
  const customer = `/api/v1/customers/${first.customer_id}`;
  const advisor = desk.users.advisor.id;
  for (const query of [
    "",
    "?status=new,open",
    `?assignee=${advisor}`,
    "?spam=false",
    "?q=commande",
    "?customer_email=tour%40example.com",
    "?limit=1",
    "?tag=colis",
    "?snoozed=true",
    "?snoozed=false&spam=false&bulk=false",
  ])
    await call("GET", `/api/v1/conversations${query}`, "advisor");
  await call("GET", "/api/v1/conversations/counts", "advisor");
  await call("GET", `/api/v1/conversations/counts?assignee=${desk.users.advisor.id}`, "advisor");
  await call("PATCH", conversation, "advisor", { tags: ["Colis"] });
  await call("POST", "/api/v1/conversations/changes", "advisor", {
    ids: [first.conversation_id],
    add_tags: ["retour"],
  });
  await call("POST", `${conversation}/snooze`, "advisor", {
    until: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await call("DELETE", `${conversation}/snooze`, "advisor");
  await call("GET", conversation, "advisor");
  await call("PATCH", conversation, "advisor", { assignee_id: advisor, priority: "high" });
  await call("POST", `${conversation}/messages`, "advisor", {
    kind: "reply",
    body: "Nous vous envoyons un nouveau colis.",
  });
  await call("POST", `${conversation}/messages`, "advisor", { kind: "note", body: "Vu." });
  const withFile = await call("POST", `${conversation}/messages`, "advisor", {
    kind: "reply",
    body: "Voici l'étiquette.",
    cc: ["copie@example.com"],
    attachments: [
      { filename: "a.pdf", content_type: "application/pdf", content_base64: "JVBERi0xLjQK" },
    ],
  });
  for (const url of [
    `/api/v1/attachments/${withFile.attachments[0].id}`,
    `/api/v1/attachments/${withFile.attachments[0].id}/preview`,
  ]) {
    const file = await desk.app.inject({ method: "GET", url, headers: desk.as("advisor") });
    expect(file.statusCode, url).toBe(200);
  }
  await call("PATCH", conversation, "advisor", { status: "waiting_customer" });
  await widgetTour();
  for (const query of ["?q=tina", "?q=0611", "?email=tour%40example.com", "?phone=%2B33611223344"])
    await call("GET", `/api/v1/customers${query}`, "advisor");
  await call("GET", customer, "advisor");
  await call("GET", `${customer}/summary`, "advisor");
  const timeline = await call("GET", `${customer}/timeline?limit=2`, "advisor");
  await call("GET", `${customer}/timeline?cursor=${timeline.next_cursor}`, "advisor");
  // The same person from a +tag variant of her address: suggested, merged, undone.
  const twin = await call("POST", "/api/v1/messages/inbound", "advisor", {
    channel: "form",
    from: { email: "tour+twin@example.com", name: "Tina Tour" },
    body: "Bonjour",
  });
  await call("GET", `${customer}/merge-suggestions`, "advisor");
  const merged = await call("POST", `${customer}/merge`, "advisor", { other_id: twin.customer_id });
  await call("GET", `/api/v1/customers/${twin.customer_id}`, "advisor");
  await call("POST", `/api/v1/merges/${merged.merge_id}/undo`, "advisor");
  await call("PATCH", customer, "advisor", {
    name: "Tina Tour-Martin",
    notes: "VIP",
    emails: ["tour@example.com", "tina@work.example"],
    phones: [],
  });
  await call("POST", `${customer}/interactions`, "advisor", {
    channel: "phone",
    direction: "inbound",
    summary: "A rappelé",
    answering: true,
  });
  await call("POST", `${conversation}/spam`, "manager", { spam: true });
  await call("POST", `${conversation}/spam`, "manager", { spam: false });
  await call("GET", "/api/v1/unanswered", "manager");
  await call("GET", "/api/v1/notifications", "advisor");
  await call("GET", "/api/v1/reports/charter", "manager");
  await call("GET", "/api/v1/reports/workload", "manager");
  const brands = await call("GET", "/api/v1/brands", "admin");
  const brand = (brands.items ?? brands)[0] as { id: string };
  await call("GET", `/api/v1/brands/${brand.id}`, "admin");
  await call("GET", `/api/v1/brands/${brand.id}/mail-setup`, "admin");
  for (const list of ["users", "teams", "calendars", "sla-policies", "canned-answers"])
    await call("GET", `/api/v1/${list}`, "admin");
  await call("GET", `/api/v1/users/${advisor}`, "admin");
  await call("GET", "/api/v1/workspace", "admin");
  const team = await call("POST", "/api/v1/teams", "admin", {
    name: "Colis",
    manager_id: desk.users.manager.id,
  });
  await call("PATCH", `/api/v1/teams/${team.id}`, "admin", { name: "Colis et retours" });
  const canned = await call("POST", "/api/v1/canned-answers", "admin", {
    title: "Merci",
    body: "Merci !",
  });
  await call("DELETE", `/api/v1/canned-answers/${canned.id}`, "admin");
  const mailbox = await call("POST", "/api/v1/mailboxes", "admin", {
    brand_id: brand.id,
    host: "imap.example.test",
    port: 993,
    tls: true,
    user: "desk@example.test",
    password: "not used here",
  });
  await call("GET", "/api/v1/mailboxes", "admin");
  await call("GET", `/api/v1/mailboxes/${mailbox.id}`, "admin");
  await call("PATCH", `/api/v1/mailboxes/${mailbox.id}`, "admin", { folder: "Support" });
  await call("DELETE", `/api/v1/mailboxes/${mailbox.id}`, "admin");
  const organisation = await call("POST", "/api/v1/organisations", "manager", {
    name: "Maison Roux",
    domains: ["maison-roux.fr"],
    advisor_id: advisor,
  });
  await call("PATCH", `/api/v1/organisations/${organisation.id}`, "manager", {
    domains: ["maison-roux.fr", "roux.example"],
  });
  await call("GET", `/api/v1/organisations/${organisation.id}`, "advisor");
  await call("GET", "/api/v1/organisations?q=roux", "advisor");
  const webhook = await call("POST", "/api/v1/webhooks", "admin", {
    url: "https://93.184.215.14/rapport",
    events: ["conversation.created"],
    brand_id: brand.id,
  });
  await call("PATCH", `/api/v1/webhooks/${webhook.id}`, "admin", { enabled: false });
  await call("POST", `/api/v1/webhooks/${webhook.id}/test`, "admin");
  await call("POST", `/api/v1/webhooks/${webhook.id}/rotate-secret`, "admin");
  await call("GET", "/api/v1/webhooks", "admin");
  await call("GET", `/api/v1/webhooks/${webhook.id}`, "admin");
  await call("GET", `/api/v1/webhooks/${webhook.id}/deliveries`, "admin");
  await call("DELETE", `/api/v1/webhooks/${webhook.id}`, "admin");
  await portalVisit(first.conversation_id);
}

/** A customer in the portal: a link asked for and mailed, a sign-in, a read, a reply, a rating. */
async function portalVisit(conversationId: string) {
  const rt = desk.booted.rt;
  const asked = await desk.app.inject({
    method: "POST",
    url: "/api/v1/portal/support/magic-link",
    payload: { email: "tour@example.com" },
  });
  expect(asked.statusCode).toBe(202);
  // The link is made after the answer (the same time for every address).
  const link = await eventually(async () => {
    const [made] = await rt.db
      .select()
      .from(schema.portalLinks)
      .where(eq(schema.portalLinks.workspaceId, desk.workspaceId));
    return made?.sealedToken ? made : null;
  });
  if (!link.sealedToken) throw new Error("no sign-in link was made");
  const token = open(rt.secret, "portal-link", link.id, link.sealedToken);
  await sendPortalLink(rt, outboxDelivery(desk.config.dataDir), {
    workspaceId: link.workspaceId,
    linkId: link.id,
    baseUrl: "http://desk.example",
  });
  const signIn = await desk.app.inject({
    method: "POST",
    url: "/api/v1/portal/support/session",
    payload: { token },
  });
  expect(signIn.statusCode, signIn.body).toBe(200);
  const headers = {
    cookie: `rapport_portal=${signIn.cookies.find((c) => c.name === "rapport_portal")?.value}`,
    "x-csrf-token": signIn.json().csrf_token,
  };
  const asCustomer = async (method: "GET" | "POST", url: string, payload?: object) => {
    const res = await desk.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  };
  await asCustomer("GET", "/api/v1/portal/me");
  await asCustomer("GET", "/api/v1/portal/conversations");
  await asCustomer("GET", `/api/v1/portal/conversations/${conversationId}`);
  await asCustomer("POST", `/api/v1/portal/conversations/${conversationId}/messages`, {
    body: "Merci !",
  });
  await call("PATCH", `/api/v1/conversations/${conversationId}`, "advisor", {
    status: "resolved",
    close_reason: "nothing_to_answer",
  });
  await asCustomer("POST", `/api/v1/portal/conversations/${conversationId}/rating`, { score: 5 });
  await asCustomer("GET", "/portal/support/conversations");
}

describe("tenancy", () => {
  it("reads every tenant table through a workspace_id condition, in each statement the API sends", async () => {
    await tour();
    const { planned, failures } = await audit(desk.booted.databaseUrl);
    expect(planned).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});
