// Chromium for the console's tests: headless, offline-minded, English first, one page on the desk.
import { type Browser, chromium, type Page } from "playwright-core";
import { startTestServer, type TestServer } from "./server.ts";

export const WAIT_MS = 15_000;

export async function openConsole(baseURL: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
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
  const context = await browser.newContext({
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  // Start in English whatever the profile says; a test may switch to French itself.
  await context.addInitScript({
    content: `if (!localStorage.getItem("rapport.language")) localStorage.setItem("rapport.language", "en");`,
  });
  context.setDefaultTimeout(WAIT_MS);
  return { browser, page: await context.newPage() };
}

/** Signs in through the sign-in page and waits for the inbox. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
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
