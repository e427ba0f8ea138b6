// What an advisor does in the console, in a real Chromium against a real server with the demo
// data: sign in, find a conversation, answer the customer, read the console in French.
import { mkdir } from "node:fs/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../helpers/server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SCREENSHOTS = new URL("../../docs/screenshots/", import.meta.url);
const WAIT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  context = await browser.newContext({
    baseURL: server.url,
    locale: "en-GB",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  // Start in English whatever the admin's profile says; the test switches to French itself.
  await context.addInitScript({
    content: `if (!localStorage.getItem("rapport.language")) localStorage.setItem("rapport.language", "en");`,
  });
  context.setDefaultTimeout(WAIT_MS);
  page = await context.newPage();
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

    await page.reload();
    const row = page.locator("a.conversation-row", { hasText: subject });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Jeanne Durand");
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

    await mkdir(SCREENSHOTS, { recursive: true });
    await page.waitForTimeout(300); // let the sandboxed mail frames paint
    await page.screenshot({ path: new URL("console.png", SCREENSHOTS).pathname, fullPage: true });
  }, 120_000);

  it("speaks French once the advisor chooses it, and remembers the choice", async () => {
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
