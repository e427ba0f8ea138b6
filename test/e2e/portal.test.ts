// A customer in Chromium: asks the portal for a sign-in link, reads it from the outbox, signs in,
// sees their conversation, replies (the advisor sees it through the API), and rates it once resolved.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { consoleContext, launchChromium, signIn } from "../helpers/browser.ts";
import { eventually } from "../helpers/eventually.ts";
import { portalSignIn } from "../helpers/portal-browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let page: Page;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const { rt, workspaceId } = server.running.booted;
  const admin = server.adminEmail;
  token = (
    await createToken(
      rt,
      { workspaceId, name: "e2e", role: "admin", userEmail: admin },
      systemActor,
    )
  ).token;
  browser = await launchChromium();
  page = await (await consoleContext(browser, server.url, "en", { chosen: false })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
async function api(method: string, url: string, body?: object): Promise<any> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

describe("the customer portal in Chromium", () => {
  let conversationId: string;

  it("signs a customer in through the mailed link and shows their conversation", async () => {
    const written = await api("POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: "marie.curie@example.com", name: "Marie Curie" },
      subject: "The lamp flickers",
      body: "My new lamp flickers every evening.",
    });
    conversationId = written.conversation_id;
    await portalSignIn(page, server.dataDir, "support", "marie.curie@example.com");
    await page.getByRole("link", { name: "The lamp flickers" }).click();
    await page.getByText("My new lamp flickers every evening.").waitFor();
    expect(await page.locator("h1").textContent()).toBe("The lamp flickers");
  });

  it("sends a reply that lands in the same conversation, for the advisor to see", async () => {
    await page.getByLabel("Your reply").fill("It still flickers tonight.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Your reply was sent.").waitFor();
    await page.getByText("It still flickers tonight.").waitFor();
    const c = await api("GET", `/api/v1/conversations/${conversationId}`);
    expect(c.messages.at(-1)).toMatchObject({
      body_text: "It still flickers tonight.",
      channel: "portal",
    });
  });

  it("rates the conversation once it is resolved", async () => {
    expect(await page.getByRole("group", { name: "How did we do?" }).count()).toBe(0);
    await api("POST", `/api/v1/conversations/${conversationId}/messages`, {
      kind: "reply",
      body: "We are sending a new one.",
    });
    await eventually(
      async () => (await api("GET", `/api/v1/conversations/${conversationId}`)).answered,
    );
    await api("PATCH", `/api/v1/conversations/${conversationId}`, { status: "resolved" });
    await page.reload();
    await page.getByText("We are sending a new one.").waitFor();
    const rating = page.getByRole("group", { name: "How did we do?" });
    await rating.getByLabel("5 — excellent").check();
    await rating.getByLabel("A comment (optional)").fill("Quick and kind.");
    await rating.getByRole("button", { name: "Rate" }).click();
    await page.getByText("You rated this conversation 5 out of 5. Thank you.").waitFor();
    const c = await api("GET", `/api/v1/conversations/${conversationId}`);
    expect(c.csat).toMatchObject({ score: 5, comment: "Quick and kind." });
  });

  it("shows the rating to the advisor on the conversation's page", async () => {
    const advisor = await (await consoleContext(browser, server.url, "en")).newPage();
    await signIn(advisor, server.adminEmail, server.adminPassword);
    await advisor.goto(`/conversations/${conversationId}`);
    await advisor.getByText("Customer rating: 5/5 — “Quick and kind.”").waitFor();
    await advisor.context().close();
  });

  it("signs out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.locator("input[type=email]").waitFor();
    await page.goto("/portal/support/conversations");
    await page.locator("input[type=email]").waitFor();
  });
});
