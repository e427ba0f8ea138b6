// A Chromium for the console's browser tests (launched as in browser.ts): a context in
// English at a fixed locale and time zone, signing in as the test server's admin, and a customer's
// message written in through the API as that admin.
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "./axe.ts";
import {
  type ConsoleDesk,
  consoleContext,
  consoleDesk,
  launchChromium,
  signIn,
} from "./browser.ts";
import { startTestServer } from "./server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A page of a new context, the console in English (until the test switches), signed in as the admin, on the inbox. */
export async function signedInPage(
  browser: Browser,
  server: TestServer,
  waitMs: number,
  locale = "en-GB",
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale,
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript({
    content: `if (!localStorage.getItem("rapport.language")) localStorage.setItem("rapport.language", "en");`,
  });
  context.setDefaultTimeout(waitMs);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Email").fill(server.adminEmail);
  await page.getByLabel("Password").fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  return page;
}

/** A browser of its own with one signed-in page. */
export async function signedInConsole(
  server: TestServer,
  { waitMs = 15_000, locale = "en-GB" } = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  return { browser, page: await signedInPage(browser, server, waitMs, locale) };
}

/** A desk without the demo, and its console signed in as the admin; `stop()` ends both. */
export async function signedInDesk(): Promise<ConsoleDesk> {
  const server = await startTestServer({ RAPPORT_DEMO: "0" });
  const { browser, page } = await signedInConsole(server);
  return consoleDesk(server, browser, page);
}

/** A call to the API from the page, as the signed-in admin (its cookie and CSRF token). */
export function callFromPage(
  page: Page,
  method: "GET" | "POST" | "PUT" | "PATCH",
  url: string,
  body?: object,
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch("/api/v1/me")).json()) as { csrf_token: string };
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrf_token },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, url, body },
  );
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
  return callFromPage(page, "POST", "/api/v1/messages/inbound", message).then((r) => r.json);
}

/**
 * A page of a new context signed in as someone, in a language; axe can be injected into it (the
 * console's Content-Security-Policy would refuse its script otherwise).
 */
export async function signedInPerson(
  browser: Browser,
  url: string,
  person: { email: string; password: string },
  language: "en" | "fr" = "en",
): Promise<Page> {
  const context = await consoleContext(browser, url, language, { bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  return page;
}

/** The serious accessibility violations of a page, one readable line each. */
export const seriousOf = async (page: Page) =>
  (await seriousViolations(page)).map((v) => `${v.id}: ${v.nodes.join(" | ")}`);
