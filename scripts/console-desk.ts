// A desk with the demo story on a temporary data folder, Chromium, and what the console's screens
// (test/helpers/browser.ts, consoleScreens) need to find their addresses, for the screenshots
// (scripts/screenshots.ts) and the console bench (bench/console.ts).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  consoleContext,
  type DeskFacts,
  type Language,
  launchChromium,
  signIn,
  writeDuplicates,
} from "../test/helpers/browser.ts";
import * as rapportProcess from "../test/helpers/rapport-process.ts";

export type ConsoleDesk = {
  url: string;
  browser: Browser;
  facts: DeskFacts;
  /** A new browser context in `language`, signed in as the admin, on the inbox. */
  signedIn(language: Language): Promise<Page>;
  close(): Promise<void>;
};

const adminEmail = "admin@rapport.localhost";
const adminPassword = "screens and figures of the console";

export async function openConsoleDesk(): Promise<ConsoleDesk> {
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-console-"));
  const dataDir = path.join(folder, "data");
  const processes: rapportProcess.RapportProcess[] = [];
  let browser: Browser | undefined;
  try {
    const rapport = await rapportProcess.startRapport(
      rapportProcess.rapportEnv(dataDir, {
        RAPPORT_DEMO: "1",
        RAPPORT_ADMIN_EMAIL: adminEmail,
        RAPPORT_ADMIN_PASSWORD: adminPassword,
      }),
    );
    processes.push(rapport);
    const launched = await launchChromium();
    browser = launched;
    const signedIn = async (language: Language) => {
      const page = await (await consoleContext(launched, rapport.url, language)).newPage();
      await signIn(page, adminEmail, adminPassword);
      await page.locator("a.conversation-row").first().waitFor();
      return page;
    };
    const facts = await deskFacts(await signedIn("en"));
    return {
      url: rapport.url,
      browser: launched,
      facts,
      signedIn,
      async close() {
        await launched.close();
        await rapportProcess.stopRapport(rapport);
        rapportProcess.removeDesk(dataDir, processes, folder);
      },
    };
  } catch (error) {
    await browser?.close();
    rapportProcess.removeDesk(dataDir, processes, folder);
    throw error;
  }
}

/** The demo's latest conversation and its customer, and its brand with the charter published. */
async function deskFacts(page: Page): Promise<DeskFacts> {
  const me = await (await page.request.get("/api/v1/me")).json();
  const list = await (await page.request.get("/api/v1/conversations?limit=1")).json();
  const conversation = list.items[0];
  if (!conversation) throw new Error("the demo story holds no conversation");
  const brands = await (await page.request.get("/api/v1/brands")).json();
  const brand = brands.items[0];
  const published = await page.request.patch(`/api/v1/brands/${brand.id}`, {
    headers: { "X-CSRF-Token": me.csrf_token },
    data: { charter_public: true },
  });
  if (!published.ok()) throw new Error(`publishing the charter: ${await published.text()}`);
  const duplicateCustomerId = await writeDuplicates(page);
  await page.context().close();
  return {
    conversationId: conversation.id,
    customerId: conversation.customer.id,
    brandSlug: brand.slug,
    duplicateCustomerId,
  };
}
