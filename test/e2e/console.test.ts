// What an advisor does in the console, in a real Chromium against a real server with the demo
// data: sign in, find a conversation in the unanswered watch, answer the customer, follow a
// notification, sort spam, manage API tokens, read the console in French.
import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../src/store/schema/index.ts";
import { openConsole, WAIT_MS } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { openSmtp } from "../helpers/smtp-client.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SCREENSHOTS = new URL("../../docs/screenshots/", import.meta.url);

let server: TestServer;
let browser: Browser;
let page: Page;
/** The conversation the advisor answers, followed by the later tests. */
let answered: { id: string; reference: string; subject: string };

beforeAll(async () => {
  server = await startTestServer();
  ({ browser, page } = await openConsole(server.url));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The thread shows the text, as plain text or inside a sandboxed mail frame. */
async function threadShows(text: string): Promise<boolean> {
  if ((await page.locator(".thread").getByText(text).count()) > 0) return true;
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    if ((await frame.content().catch(() => "")).includes(text)) return true;
  }
  return false;
}

describe("the advisors' console", () => {
  it("refuses a wrong password with a message that says so", async () => {
    await page.goto("/");
    await page.getByLabel("Email").fill(server.adminEmail);
    await page.getByLabel("Password").fill(`${server.adminPassword}-wrong`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent(), { timeout: WAIT_MS })
      .toContain("do not match");
  });

  it("lets an advisor sign in, answer a customer and see the reply in the thread", async () => {
    await page.getByLabel("Password").fill(server.adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();

    // A customer writes in through the public API, so the test knows which conversation to open
    // whatever the demo holds.
    const stamp = Date.now();
    const subject = `Parcel never arrived (${stamp})`;
    const question = "My parcel was due on Monday and has not arrived. Can you help?";
    const me = await (await page.request.get("/api/v1/me")).json();
    const inbound = await page.request.post("/api/v1/messages/inbound", {
      headers: { "X-CSRF-Token": me.csrf_token },
      data: {
        channel: "form",
        from: { email: `e2e-${stamp}@example.com`, name: "Jeanne Durand" },
        subject,
        body: question,
      },
    });
    expect(inbound.status()).toBe(201);
    const created = await inbound.json();
    answered = { id: created.conversation_id, reference: created.reference, subject };

    // The first tab is the unanswered watch: the new request is there with the time left to answer.
    await page.reload();
    await page.getByRole("link", { name: "Unanswered" }).waitFor();
    const row = page.locator("a.conversation-row", { hasText: subject });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Jeanne Durand");
    await expect(row.locator(".conversation-row__time-left").textContent()).resolves.toMatch(
      /(due in|overdue by) \d+ (min|h|days?)/,
    );
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL("unanswered.png", SCREENSHOTS).pathname });
    await row.click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await expect.poll(() => threadShows(question), { timeout: WAIT_MS }).toBe(true);

    const reply = `Thank you for your patience: it leaves our warehouse today (${stamp}).`;
    await page.getByRole("radio", { name: "Reply" }).check();
    await page.getByRole("textbox", { name: "Your message" }).fill(reply);
    await page.keyboard.press("Control+Enter");

    await page.getByRole("status").filter({ hasText: "Reply sent." }).waitFor();
    await expect.poll(() => threadShows(reply), { timeout: WAIT_MS }).toBe(true);
    await expect(page.getByRole("textbox", { name: "Your message" }).inputValue()).resolves.toBe(
      "",
    );
    // Once the outbox holds it, the reply counts as the human answer; the page catches up by itself.
    await page.locator(".answered--yes").waitFor({ timeout: 40_000 });

    await page.waitForTimeout(300); // let the sandboxed mail frames paint
    await page.screenshot({ path: new URL("console.png", SCREENSHOTS).pathname, fullPage: true });
  }, 120_000);

  it("rings the bell for an escalation, and opening it goes to the conversation and reads it", async () => {
    const me = await (await page.request.get("/api/v1/me")).json();
    const rt = server.running.booted.rt;
    await rt.db.insert(notifications).values({
      workspaceId: me.workspace.id,
      id: rt.newId(),
      userId: me.user.id,
      kind: "sla.warn_manager",
      conversationId: answered.id,
      data: {
        kind: "warn_manager",
        reference: answered.reference,
        subject: answered.subject,
        due_at: new Date(Date.now() + 30 * 60_000).toISOString(),
      },
    });

    await page.goto("/");
    const bell = page.getByRole("button", { name: "Notifications: 1 unread" });
    await bell.waitFor();
    await expect(page.locator(".bell__count").textContent()).resolves.toBe("1");
    await bell.click();
    const item = page.locator(".bell__item", { hasText: answered.subject });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain("Escalation: due soon");
    await item.click();

    await page.getByRole("heading", { level: 1, name: answered.subject }).waitFor();
    await page.getByRole("button", { name: "Notifications", exact: true }).waitFor();
    const unread = await (await page.request.get("/api/v1/notifications?unread=true")).json();
    expect(unread.items).toEqual([]);
  }, 60_000);

  it("moves a conversation marked as spam out of the unanswered watch into the Spam tab", async () => {
    const stamp = Date.now();
    const subject = `Question about my order (${stamp})`;
    const me = await (await page.request.get("/api/v1/me")).json();
    const inbound = await page.request.post("/api/v1/messages/inbound", {
      headers: { "X-CSRF-Token": me.csrf_token },
      data: {
        channel: "form",
        from: { email: `promo-${stamp}@example.com`, name: "Promo Bot" },
        subject,
        body: "Cheap watches, best prices, visit our shop.",
      },
    });
    expect(inbound.status()).toBe(201);
    const { conversation_id: id } = await inbound.json();

    await page.goto(`/conversations/${id}`);
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await page.getByRole("button", { name: "Mark as spam" }).click();
    await page.getByRole("heading", { name: "Why is this in Spam?" }).waitFor();
    await page.getByRole("button", { name: "Not spam" }).waitFor();

    await page.getByRole("link", { name: "Back to the inbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await page.locator("a.conversation-row").first().waitFor();
    expect(await page.locator("a.conversation-row", { hasText: subject }).count()).toBe(0);

    await page.getByRole("link", { name: "Spam", exact: true }).click();
    const row = page.locator("a.conversation-row", { hasText: subject });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Likely spam");
  }, 60_000);

  it('says why a mail scored as spam is in Spam, and brings it back on "Not spam"', async () => {
    const stamp = Date.now();
    const subject = `YOU HAVE WON A CRUISE ${stamp}`;
    const raw = [
      `From: "Prize Desk" <prizes-${stamp}@winner-claims.example>`,
      "To: support@rapport.localhost",
      "Reply-To: claims@elsewhere.example",
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${stamp}@winner-claims.example>`,
      "MIME-Version: 1.0",
      "Content-Type: text/html; charset=utf-8",
      "",
      `<p>You have won! Act now and click here to claim your prize:`,
      `<a href="https://bit.ly/claim-${stamp}">https://www.paypal.com/claim</a></p>`,
      "",
    ].join("\r\n");
    const smtp = await openSmtp(server.smtpPort);
    try {
      const answer = await smtp.send(
        { from: `prizes-${stamp}@winner-claims.example`, to: ["support@rapport.localhost"] },
        raw,
      );
      expect(answer.code).toBe(250);
    } finally {
      smtp.close();
    }

    await page.goto("/?view=spam");
    const row = page.locator("a.conversation-row", { hasText: subject });
    await row.waitFor();
    await row.click();
    await page.getByRole("heading", { name: "Why is this in Spam?" }).waitFor();
    const reasons = page.locator(".spam-why__reason");
    expect(await reasons.count()).toBeGreaterThan(1);
    await expect(page.locator(".spam-why").textContent()).resolves.toMatch(/Spam wording.*\+\d/);

    await page.getByRole("button", { name: "Not spam" }).click();
    await page.getByRole("button", { name: "Mark as spam" }).waitFor();
    expect(await page.getByRole("heading", { name: "Why is this in Spam?" }).count()).toBe(0);
    // Back in the unanswered watch, its clock started by the advisor's verdict.
    await page.goto("/");
    await page.locator("a.conversation-row", { hasText: subject }).waitFor();
  }, 60_000);

  it('says "not allowed" when an open conversation is set back to new, without asking for a close reason', async () => {
    await page.goto(`/conversations/${answered.id}`);
    await page.getByRole("heading", { level: 1, name: answered.subject }).waitFor();
    await page.getByLabel("Status").selectOption("new");
    await page.getByRole("alert").filter({ hasText: "not allowed" }).waitFor();
    expect(await page.getByText("This conversation has no human answer yet").count()).toBe(0);
  }, 60_000);

  it("makes an API token whose secret is shown once, and revokes it so that it is refused at once", async () => {
    // A manager or admin finds the API tokens among the settings (an advisor, in the bar).
    await page.goto("/settings");
    await page.getByRole("link", { name: /^API tokens/ }).click();
    await page.getByRole("heading", { level: 1, name: "API tokens" }).waitFor();
    const name = `Order sync ${Date.now()}`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Role").selectOption("advisor");
    await page.getByLabel("Last day (optional)").fill("2099-01-31");
    await page.getByRole("button", { name: "Create the token" }).click();
    const secret = page.getByLabel("The token's secret");
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^rpt_/);

    const asToken = () =>
      fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const before = await asToken();
    expect(before.status).toBe(200);
    expect(((await before.json()) as { role: string }).role).toBe("advisor");

    const row = page.locator("tr", { hasText: name });
    await row.getByText("Active").waitFor();
    await expect(row.textContent()).resolves.toMatch(/31 Jan 2099/);
    await page.screenshot({ path: new URL("tokens.png", SCREENSHOTS).pathname, fullPage: true });

    await page.getByRole("button", { name: `Revoke ${name}`, exact: true }).click();
    await page.getByRole("button", { name: `Revoke ${name} now` }).click();
    await row.getByText("Revoked").waitFor();
    expect((await asToken()).status).toBe(401);
    // The secret is never listed.
    expect(await page.locator("table").textContent()).not.toContain(token);
  }, 60_000);

  it("keeps list mail in its own tab until the advisor says it is owed an answer", async () => {
    const stamp = Date.now();
    const subject = `Our monthly letter ${stamp}`;
    const raw = [
      `From: "The Letter" <letter-${stamp}@lists.example>`,
      "To: support@rapport.localhost",
      `Subject: ${subject}`,
      `List-Id: <monthly.lists.example>`,
      `Message-ID: <${stamp}@lists.example>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "All our news this month.",
      "",
    ].join("\r\n");
    const smtp = await openSmtp(server.smtpPort);
    try {
      const answer = await smtp.send(
        { from: `letter-${stamp}@lists.example`, to: ["support@rapport.localhost"] },
        raw,
      );
      expect(answer.code).toBe(250);
    } finally {
      smtp.close();
    }

    await page.goto("/?view=bulk");
    await page.getByText("Mail from lists and bulk senders waits here").waitFor();
    const row = page.locator("a.conversation-row", { hasText: subject });
    await row.waitFor();
    await row.click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await page.locator(".tag--bulk").waitFor();
    await page.getByRole("button", { name: "Owed an answer" }).click();
    await page.getByRole("button", { name: "File as list mail" }).waitFor();
    expect(await page.locator(".tag--bulk").count()).toBe(0);
    await page.goto("/");
    await page.locator("a.conversation-row", { hasText: subject }).waitFor();
  }, 60_000);

  it("shows the beginning of a very long mail and offers the whole mail as a download", async () => {
    const stamp = Date.now();
    const subject = `A very long complaint ${stamp}`;
    const line = "I have been waiting for weeks and nobody answers my calls. ";
    const raw = [
      `From: long-${stamp}@example.com`,
      "To: support@rapport.localhost",
      `Subject: ${subject}`,
      `Message-ID: <long-${stamp}@example.com>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      ...Array.from({ length: 3000 }, () => line),
      "",
    ].join("\r\n");
    const smtp = await openSmtp(server.smtpPort);
    try {
      expect(
        (
          await smtp.send(
            { from: `long-${stamp}@example.com`, to: ["support@rapport.localhost"] },
            raw,
          )
        ).code,
      ).toBe(250);
    } finally {
      smtp.close();
    }
    const list = await (
      await page.request.get(`/api/v1/conversations?customer_email=long-${stamp}@example.com`)
    ).json();
    await page.goto(`/conversations/${list.items[0].id}`);
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await page.getByText("This message is too long to show whole").waitFor();
    const link = page.getByRole("link", { name: "Download the whole mail" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^message-.+\.eml$/);
  }, 60_000);

  it("speaks French once the advisor chooses it, and remembers the choice", async () => {
    await page.goto(`/conversations/${answered.id}`);
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("heading", { name: "Réglages de la conversation" }).waitFor();
    await page.getByRole("radio", { name: "Répondre" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    await page.getByRole("link", { name: "Boîte de réception" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Boîte de réception" }).waitFor();
    await page.getByRole("link", { name: "Sans réponse" }).waitFor();

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Boîte de réception" }).waitFor();
    await page.screenshot({ path: new URL("console-fr.png", SCREENSHOTS).pathname });
  }, 60_000);
});
