// A Chromium for the console's browser tests: the flags every test launches it with, a context in
// English at a fixed locale and time zone, and signing in as the test server's admin.
import { type Browser, chromium, type Page } from "playwright-core";
import type { startTestServer } from "./server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
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

/** A page of a new context, the console in English, signed in as the admin, on the inbox. */
export async function signedInPage(
  browser: Browser,
  server: TestServer,
  waitMs: number,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: "en-GB",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript({ content: `localStorage.setItem("rapport.language", "en");` });
  context.setDefaultTimeout(waitMs);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Email").fill(server.adminEmail);
  await page.getByLabel("Password").fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  return page;
}
