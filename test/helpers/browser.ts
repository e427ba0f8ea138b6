// Chromium for the console: launched the same way everywhere, a context in one of the console's
// languages, a customer writing in through the API, and the console's main screens as one list
// (the accessibility test checks them all, the screenshots and the console bench take them all).
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { startTestServer, type TestServer } from "./server.ts";

export type Language = "en" | "fr";

/** What a screen needs to know of the desk to find its address. */
export type DeskFacts = {
  conversationId: string;
  customerId: string;
  brandSlug: string;
  /** A customer with a possible duplicate (`writeDuplicates`). */
  duplicateCustomerId: string;
};

export type ConsoleScreen = {
  /** The file name of its screenshot, and its name in reports. */
  name: string;
  path(facts: DeskFacts): string;
  /** What shows the page has drawn its content. */
  ready: string;
};

/** A new page is one more entry here. */
export const consoleScreens: ConsoleScreen[] = [
  { name: "inbox", path: () => "/", ready: "a.conversation-row" },
  { name: "conversation", path: (f) => `/conversations/${f.conversationId}`, ready: ".thread" },
  { name: "customer", path: (f) => `/customers/${f.customerId}`, ready: "main h1" },
  { name: "customers", path: () => "/customers", ready: "main h1" },
  { name: "settings", path: () => "/settings", ready: "main h1" },
  { name: "workspace", path: () => "/settings/workspace", ready: "main h1" },
  { name: "reports", path: () => "/reports", ready: "main h1" },
  { name: "tokens", path: () => "/tokens", ready: "main h1" },
  { name: "my-customers", path: () => "/my-customers", ready: "main h1" },
  { name: "transfers", path: () => "/transfers", ready: "main h1" },
  { name: "charter", path: (f) => `/charter/${f.brandSlug}`, ready: "table" },
  { name: "organisations", path: () => "/settings/organisations", ready: "main h1" },
  { name: "mailboxes", path: () => "/settings/mailboxes", ready: "main h1" },
  { name: "webhooks", path: () => "/settings/webhooks", ready: "main h1" },
  // A customer's page with a possible duplicate: the glance, and the suggestion with its evidence.
  {
    name: "duplicates",
    path: (f) => `/customers/${f.duplicateCustomerId}`,
    ready: ".merge-suggestions__list",
  },
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

export const WAIT_MS = 15_000;

/** Chromium on the console, in English until a test switches (the choice is kept across pages). */
export async function openConsole(baseURL: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript({
    content: `if (!localStorage.getItem("rapport.language")) localStorage.setItem("rapport.language", "en");`,
  });
  context.setDefaultTimeout(WAIT_MS);
  return { browser, page: await context.newPage() };
}

export type ConsoleDesk = {
  server: TestServer;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
};

/** A whole running desk (with the demo) and Chromium signed out on its console. */
export async function startConsole(extra: Record<string, string> = {}): Promise<ConsoleDesk> {
  const server = await startTestServer(extra);
  const { browser, page } = await openConsole(server.url);
  return consoleDesk(server, browser, page);
}

/** A server and the browser on its console, stopped together. */
export function consoleDesk(server: TestServer, browser: Browser, page: Page): ConsoleDesk {
  return {
    server,
    browser,
    page,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * A context with the browser's locale in `language`; `chosen` also stores it as the advisor's
 * choice, whatever their profile says.
 */
export async function consoleContext(
  browser: Browser,
  url: string,
  language: Language,
  options: { chosen?: boolean } & BrowserContextOptions = {},
): Promise<BrowserContext> {
  const { chosen = true, ...contextOptions } = options;
  const context = await browser.newContext({
    baseURL: url,
    locale: language === "fr" ? "fr-FR" : "en-GB",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 860 },
    ...contextOptions,
  });
  if (chosen) {
    await context.addInitScript({
      content: `localStorage.setItem("rapport.language", ${JSON.stringify(language)});`,
    });
  }
  context.setDefaultTimeout(20_000);
  return context;
}

/** Signs in on the sign-in page, whatever its language, and waits for the inbox's list. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/");
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill(password);
  await page.locator("form button[type=submit]").click();
  await page.locator(".app-main h1").waitFor();
}

/** A customer writes in through the public API, as the signed-in advisor of `page`. */
export async function customerWritesIn(
  page: Page,
  message: { subject: string; body: string; email: string; name: string },
): Promise<{ conversationId: string; customerId: string }> {
  const me = await (await page.request.get("/api/v1/me")).json();
  const inbound = await page.request.post("/api/v1/messages/inbound", {
    headers: { "X-CSRF-Token": me.csrf_token },
    data: {
      channel: "form",
      from: { email: message.email, name: message.name },
      subject: message.subject,
      body: message.body,
    },
  });
  const created = await inbound.json();
  if (inbound.status() !== 201) throw new Error(`inbound: ${JSON.stringify(created)}`);
  const conversation = await (
    await page.request.get(`/api/v1/conversations/${created.conversation_id}`)
  ).json();
  return { conversationId: conversation.id, customerId: conversation.customer.id };
}

/** The same person writes from her address and from a +tag variant: the first profile's id. */
export async function writeDuplicates(page: Page): Promise<string> {
  const written = await customerWritesIn(page, {
    subject: "Quote for a table",
    body: "Could you send me a quote for the oak table?",
    email: "camille.roux@atelier-roux.test",
    name: "Camille Roux",
  });
  await customerWritesIn(page, {
    subject: "Delivery date",
    body: "When would the table be delivered?",
    email: "camille.roux+shop@atelier-roux.test",
    name: "Camille Roux",
  });
  return written.customerId;
}

/**
 * The API as a signed-in page calls it: its session cookie, and the CSRF token once the test has
 * read `GET /api/v1/me`. A call the API refuses fails the test with the answer it gave.
 */
export function pageApi(pageOf: () => Page) {
  let csrf = "";
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
  return async (method: "GET" | "POST" | "PATCH", url: string, data?: object): Promise<any> => {
    const res = await pageOf().request.fetch(url, {
      method,
      headers: csrf ? { "X-CSRF-Token": csrf } : {},
      data,
    });
    // Thrown rather than asserted: the screenshot and bench scripts load this file outside vitest.
    if (res.status() >= 300)
      throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    const answer = await res.json();
    if (url === "/api/v1/me") csrf = answer.csrf_token;
    return answer;
  };
}
