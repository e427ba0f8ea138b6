// Every page reachable in the console today, and the public charter, checked by axe-core in a
// real Chromium in English and in French: no serious or critical WCAG 2.1 AA violation.
import { eq } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands } from "../../src/store/schema/index.ts";
import { seriousViolations } from "../helpers/axe.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const WAIT_MS = 15_000;

let server: TestServer;
let browser: Browser;
/** The pages to check: a path, and what shows the page has drawn its content. */
let pages: Array<{ name: string; path: string; ready: string }>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const rt = server.running.booted.rt;
  const [brand] = await rt.db.select().from(brands).limit(1);
  if (!brand) throw new Error("the demo has no brand");
  await rt.db.update(brands).set({ charterPublic: true }).where(eq(brands.id, brand.id));

  // A customer writes in through the API, so the conversation and customer pages have content.
  const page = await signedIn("en");
  const me = await (await page.request.get("/api/v1/me")).json();
  const inbound = await page.request.post("/api/v1/messages/inbound", {
    headers: { "X-CSRF-Token": me.csrf_token },
    data: {
      channel: "form",
      from: { email: "jeanne.durand@example.com", name: "Jeanne Durand" },
      subject: "Mon colis n’est pas arrivé",
      body: "Bonjour, mon colis devait arriver lundi. Pouvez-vous m’aider ?",
    },
  });
  const created = await inbound.json();
  if (inbound.status() !== 201)
    throw new Error(`inbound: ${inbound.status()} ${JSON.stringify(created)}`);
  const conversation = await (
    await page.request.get(`/api/v1/conversations/${created.conversation_id}`)
  ).json();
  await page.context().close();
  pages = [
    { name: "inbox", path: "/", ready: "a.conversation-row" },
    { name: "conversation", path: `/conversations/${conversation.id}`, ready: "main h1" },
    { name: "customer", path: `/customers/${conversation.customer.id}`, ready: "main h1" },
    { name: "tokens", path: "/tokens", ready: "main h1" },
    { name: "workspace settings", path: "/settings/workspace", ready: "main h1" },
    { name: "charter", path: `/charter/${brand.slug}`, ready: "h1" },
  ];
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(language: "en" | "fr"): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: language === "fr" ? "fr-FR" : "en-GB",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
    // axe is injected as an inline script, which the console's policy rightly refuses.
    bypassCSP: true,
  });
  await context.addInitScript({
    content: `localStorage.setItem("rapport.language", ${JSON.stringify(language)});`,
  });
  context.setDefaultTimeout(WAIT_MS);
  return context.newPage();
}

async function signedIn(language: "en" | "fr"): Promise<Page> {
  const page = await newPage(language);
  await page.goto("/");
  await page.locator("input[type=email]").fill(server.adminEmail);
  await page.locator("input[type=password]").fill(server.adminPassword);
  await page.locator("form button[type=submit]").click();
  const inbox = language === "fr" ? "Boîte de réception" : "Inbox";
  await page.getByRole("heading", { level: 1, name: inbox }).waitFor();
  return page;
}

const report = (violations: Awaited<ReturnType<typeof seriousViolations>>) =>
  violations.map((v) => `${v.impact} ${v.id} (${v.help})\n  ${v.nodes.join("\n  ")}`).join("\n");

describe("the accessibility check", () => {
  it("finds what it should: an image without a text and unreadable grey on white", async () => {
    const page = await newPage("en");
    await page.setContent(
      '<html lang="en"><title>t</title><main><img src="data:,"><p style="color:#ccc;background:#fff">faint</p></main></html>',
    );
    const ids = (await seriousViolations(page)).map((v) => v.id).sort();
    await page.context().close();
    expect(ids).toEqual(["color-contrast", "image-alt"]);
  });
});

describe.each(["en", "fr"] as const)("the console in %s", (language) => {
  it("the sign-in page has no serious accessibility violation", async () => {
    const page = await newPage(language);
    await page.goto("/");
    await page.locator("input[type=email]").waitFor();
    const violations = await seriousViolations(page);
    await page.context().close();
    expect(violations, report(violations)).toEqual([]);
  });

  it("no page has a serious accessibility violation", async () => {
    const page = await signedIn(language);
    const found: string[] = [];
    for (const { name, path, ready } of pages) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      expect(await page.locator("html").getAttribute("lang"), name).toBe(language);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found.push(`${name} (${path}):\n${report(violations)}`);
    }
    await page.context().close();
    expect(found.join("\n\n"), found.join("\n\n")).toBe("");
  }, 120_000);
});
