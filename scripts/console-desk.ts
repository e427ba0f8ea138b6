// A desk with the demo story on a temporary data folder, Chromium, and the console's main screens,
// for the screenshots (scripts/screenshots.ts) and the console bench (bench/console.ts). The
// screens are one list: a new page is one more entry in `consoleScreens`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import {
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";

export type Language = "en" | "fr";

/** What a screen needs to know of the desk to find its address. */
export type DeskFacts = { conversationId: string; customerId: string; brandSlug: string };

export type ConsoleScreen = {
  /** The file name of its screenshot, and its name in the bench's table. */
  name: string;
  path(facts: DeskFacts): string;
  /** What shows the page has drawn its content. */
  ready: string;
  /** Outside the console (no sign-in needed). */
  public?: boolean;
};

export const consoleScreens: ConsoleScreen[] = [
  { name: "inbox", path: () => "/", ready: "a.conversation-row" },
  {
    name: "conversation",
    path: (f) => `/conversations/${f.conversationId}`,
    ready: ".thread",
  },
  { name: "customer", path: (f) => `/customers/${f.customerId}`, ready: "main h1" },
  { name: "settings", path: () => "/settings/workspace", ready: "main h1" },
  { name: "tokens", path: () => "/tokens", ready: "main h1" },
  { name: "charter", path: (f) => `/charter/${f.brandSlug}`, ready: "table", public: true },
];

const adminEmail = "admin@rapport.localhost";
const adminPassword = "screens and figures of the console";

export type ConsoleDesk = {
  url: string;
  browser: Browser;
  facts: DeskFacts;
  /** A new browser context in `language`, signed in as the admin, on the inbox. */
  signedIn(language: Language): Promise<Page>;
  newContext(language: Language): Promise<BrowserContext>;
  close(): Promise<void>;
};

export async function openConsoleDesk(): Promise<ConsoleDesk> {
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-console-"));
  const dataDir = path.join(folder, "data");
  const processes: RapportProcess[] = [];
  let browser: Browser | undefined;
  try {
    const rapport = await startRapport(
      rapportEnv(dataDir, {
        RAPPORT_DEMO: "1",
        RAPPORT_ADMIN_EMAIL: adminEmail,
        RAPPORT_ADMIN_PASSWORD: adminPassword,
      }),
    );
    processes.push(rapport);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    const launched = browser;
    const newContext = async (language: Language) => {
      const context = await launched.newContext({
        baseURL: rapport.url,
        locale: language === "fr" ? "fr-FR" : "en-GB",
        timezoneId: "Europe/Paris",
        viewport: { width: 1280, height: 860 },
      });
      await context.addInitScript({
        content: `localStorage.setItem("rapport.language", ${JSON.stringify(language)});`,
      });
      context.setDefaultTimeout(20_000);
      return context;
    };
    const signedIn = async (language: Language) => {
      const page = await (await newContext(language)).newPage();
      await page.goto("/");
      await page.locator("input[type=email]").fill(adminEmail);
      await page.locator("input[type=password]").fill(adminPassword);
      await page.locator("form button[type=submit]").click();
      await page.locator("a.conversation-row").first().waitFor();
      return page;
    };
    const facts = await deskFacts(await signedIn("en"));
    return {
      url: rapport.url,
      browser,
      facts,
      signedIn,
      newContext,
      async close() {
        await launched.close();
        await stopRapport(rapport);
        removeDesk(dataDir, processes, folder);
      },
    };
  } catch (error) {
    await browser?.close();
    removeDesk(dataDir, processes, folder);
    throw error;
  }
}

/** The demo's busiest conversation and its customer, and its brand with the charter published. */
async function deskFacts(page: Page): Promise<DeskFacts> {
  const me = await (await page.request.get("/api/v1/me")).json();
  const list = await (await page.request.get("/api/v1/conversations?limit=20")).json();
  const conversation = list.items[0];
  if (!conversation) throw new Error("the demo story holds no conversation");
  const brands = await (await page.request.get("/api/v1/brands")).json();
  const brand = brands.items[0];
  const published = await page.request.patch(`/api/v1/brands/${brand.id}`, {
    headers: { "X-CSRF-Token": me.csrf_token },
    data: { charter_public: true },
  });
  if (!published.ok()) throw new Error(`publishing the charter: ${await published.text()}`);
  await page.context().close();
  return {
    conversationId: conversation.id,
    customerId: conversation.customer.id,
    brandSlug: brand.slug,
  };
}
