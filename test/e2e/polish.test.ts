// The console's language, keyboard help and focus as a person meets them in a real Chromium: a
// French browser signs in and stays French; Shift+? opens the shortcuts; Back never loses focus;
// the server's refusals are said in French.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleContext, customerWritesIn, launchChromium } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const WAIT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let page: Page;
/** The conversation a customer opens in the third test, followed by the next. */
let id: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  // A French browser, and no language ever chosen in it.
  const context = await consoleContext(browser, server.url, "fr", { chosen: false });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What has the focus: "h1", "a /conversations/…", or "nothing". Runs in the page. */
const focused = () =>
  page.evaluate(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "nothing";
    const href = element.getAttribute("href");
    return element.tagName.toLowerCase() + (href ? " " + href : "");
  })()`) as Promise<string>;

describe("the console for a French browser", () => {
  it("signs in in French and stays French for an advisor who works in French and English", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Connexion à Rapport" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill(server.adminEmail);
    await page.getByLabel("Mot de passe").fill(server.adminPassword);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Boîte de réception" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Boîte de réception" }).waitFor();
    expect(await page.getByRole("heading", { level: 1, name: "Inbox" }).count()).toBe(0);
  });

  it("opens the list of shortcuts on Shift+? and gives the focus back on Escape", async () => {
    await page.locator("main h1").focus();
    await page.keyboard.press("Shift+Slash");
    const dialog = page.getByRole("dialog", { name: "Raccourcis clavier" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await focused()).toBe("h1");
  });

  it("gives the focus back to the conversation's row on Back", async () => {
    ({ conversationId: id } = await customerWritesIn(page, {
      subject: "Colis jamais arrivé",
      body: "Bonjour, mon colis devait arriver lundi.",
      email: "jeanne.durand@example.com",
      name: "Jeanne Durand",
    }));
    await page.reload();
    const row = page.locator(`a.conversation-row[href="/conversations/${id}"]`);
    await row.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Colis jamais arrivé" }).waitFor();
    expect(await focused()).toBe("h1");

    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Boîte de réception" }).waitFor();
    await expect.poll(focused, { timeout: WAIT_MS }).toBe(`a /conversations/${id}`);

    await page.goForward();
    await page.getByRole("heading", { level: 1, name: "Colis jamais arrivé" }).waitFor();
    await expect.poll(focused, { timeout: WAIT_MS }).toBe("h1");
  });

  it("says the server's refusals in French: no silent close, no way back to new", async () => {
    await page.getByLabel("Statut").selectOption("resolved");
    await page
      .getByRole("alert")
      .filter({
        hasText:
          "Pas de clôture silencieuse\u202f: pour passer cette conversation à «\u202fRésolue\u202f»",
      })
      .waitFor();
    await page.getByRole("button", { name: "La laisser ouverte" }).click();

    // Once opened, a conversation cannot go back to new.
    await page.getByLabel("Statut").selectOption("open");
    await expect
      .poll(
        async () => (await (await page.request.get(`/api/v1/conversations/${id}`)).json()).status,
      )
      .toBe("open");
    await page.getByLabel("Statut").selectOption("new");
    await page.getByRole("alert").filter({ hasText: "n’est pas permis" }).waitFor();
    expect(await page.getByText("no silent close").count()).toBe(0);
  });
});
