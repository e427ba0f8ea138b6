// A Chromium signed in to the console as the test server's admin, in English, for browser tests,
// and a customer's message written in through the API as that admin.
import { type Browser, chromium, type Page } from "playwright-core";
import type { startTestServer } from "./server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export async function signedInConsole(
  server: TestServer,
  { waitMs = 15_000, locale = "en-GB" } = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const context = await browser.newContext({ baseURL: server.url, locale });
  await context.addInitScript({
    content: `if (!localStorage.getItem("rapport.language")) localStorage.setItem("rapport.language", "en");`,
  });
  context.setDefaultTimeout(waitMs);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Email").fill(server.adminEmail);
  await page.getByLabel("Password").fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Inbox" }).waitFor();
  return { browser, page };
}

export type WrittenIn = { customer_id: string; conversation_id: string; reference: string };

/** A customer writes in through the API (`POST /messages/inbound`), as the signed-in admin. */
export function writeIn(
  page: Page,
  message: {
    channel: string;
    from: { email: string; name: string };
    subject: string;
    body: string;
  },
): Promise<WrittenIn> {
  return page.evaluate(async (body) => {
    const me = (await (await fetch("/api/v1/me")).json()) as { csrf_token: string };
    const res = await fetch("/api/v1/messages/inbound", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": me.csrf_token },
      body: JSON.stringify(body),
    });
    return (await res.json()) as WrittenIn;
  }, message);
}
