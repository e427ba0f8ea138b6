// The console's language, keyboard help and focus as a person meets them in a real Chromium: a
// French browser signs in and stays French; Shift+? opens the shortcuts; Back never loses focus.
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const WAIT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  // A French browser, and no language ever chosen in it.
  context = await browser.newContext({
    baseURL: server.url,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(WAIT_MS);
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element && element !== document.body
      ? `${element.tagName.toLowerCase()}${element.getAttribute("href") ? ` ${element.getAttribute("href")}` : ""}`
      : "nothing";
  });

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
    const me = await (await page.request.get("/api/v1/me")).json();
    const inbound = await page.request.post("/api/v1/messages/inbound", {
      headers: { "X-CSRF-Token": me.csrf_token },
      data: {
        channel: "form",
        from: { email: "jeanne.durand@example.com", name: "Jeanne Durand" },
        subject: "Colis jamais arrivé",
        body: "Bonjour, mon colis devait arriver lundi.",
      },
    });
    const { conversation_id: id } = await inbound.json();
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
});
