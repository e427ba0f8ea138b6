// Every page reachable in the console today (the list in test/helpers/browser.ts), the sign-in page,
// the public charter and the customer portal's pages, checked by axe-core in a real Chromium in English and in French: no
// serious or critical WCAG 2.1 AA violation.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands } from "../../src/store/schema/index.ts";
import { seriousViolations, violationReport } from "../helpers/axe.ts";
import {
  consoleContext,
  consoleScreens,
  customerWritesIn,
  type DeskFacts,
  type Language,
  launchChromium,
  pageApi,
  signIn,
  writeDuplicates,
} from "../helpers/browser.ts";
import { eventually } from "../helpers/eventually.ts";
import { mailedLinks } from "../helpers/portal-browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let facts: DeskFacts;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const rt = server.running.booted.rt;
  const [brand] = await rt.db.select().from(brands).limit(1);
  if (!brand) throw new Error("the demo has no brand");
  await rt.db.update(brands).set({ charterPublic: true }).where(eq(brands.id, brand.id));

  // A customer writes in, so the conversation and customer pages have content.
  const page = await signedIn("en");
  const written = await customerWritesIn(page, {
    subject: "Mon colis n’est pas arrivé",
    body: "Bonjour, mon colis devait arriver lundi. Pouvez-vous m’aider ?",
    email: "jeanne.durand@example.com",
    name: "Jeanne Durand",
  });
  const duplicateCustomerId = await writeDuplicates(page);
  await page.context().close();
  facts = { ...written, brandSlug: brand.slug, duplicateCustomerId };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe is injected as an inline script, which the console's policy rightly refuses. */
const newPage = async (language: Language): Promise<Page> =>
  (await consoleContext(browser, server.url, language, { bypassCSP: true })).newPage();

async function signedIn(language: Language): Promise<Page> {
  const page = await newPage(language);
  await signIn(page, server.adminEmail, server.adminPassword);
  return page;
}

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
    expect(violations, violationReport(violations)).toEqual([]);
  });

  it("no page has a serious accessibility violation", async () => {
    const page = await signedIn(language);
    const found: string[] = [];
    for (const screen of consoleScreens) {
      const path = screen.path(facts);
      await page.goto(path);
      await page.locator(screen.ready).first().waitFor();
      expect(await page.locator("html").getAttribute("lang"), screen.name).toBe(language);
      const violations = await seriousViolations(page);
      if (violations.length > 0)
        found.push(`${screen.name} (${path}):\n${violationReport(violations)}`);
    }
    await page.context().close();
    expect(found.join("\n\n"), found.join("\n\n")).toBe("");
  }, 120_000);
});

describe("the customer portal", () => {
  const reader = "portal.reader@example.com";
  let resolvedId: string;

  beforeAll(async () => {
    // A resolved conversation, so that its page shows the rating form.
    const page = await signedIn("en");
    const api = pageApi(() => page);
    await api("GET", "/api/v1/me");
    resolvedId = (
      await customerWritesIn(page, {
        subject: "A question about my invoice",
        body: "Could you send my invoice again?",
        email: reader,
        name: "Paul Reader",
      })
    ).conversationId;
    await api("POST", `/api/v1/conversations/${resolvedId}/messages`, {
      kind: "reply",
      body: "Here it is, attached.",
    });
    await eventually(
      async () => (await api("GET", `/api/v1/conversations/${resolvedId}`)).answered,
    );
    await api("PATCH", `/api/v1/conversations/${resolvedId}`, { status: "resolved" });
    await page.context().close();
  }, 60_000);

  it.each(["en", "fr"] as const)(
    "has no serious accessibility violation on any page in %s",
    async (language) => {
      const page = await newPage(language);
      const found: string[] = [];
      const check = async (name: string) => {
        expect(await page.locator("html").getAttribute("lang"), name).toBe(language);
        const violations = await seriousViolations(page);
        if (violations.length > 0)
          found.push(`${name} (${page.url()}):\n${violationReport(violations)}`);
      };
      const before = (await mailedLinks(server.dataDir, reader)).length;
      await page.goto(`/portal/${facts.brandSlug}`);
      await check("ask for a link");
      await page.locator("input[type=email]").fill(reader);
      await page.locator("main form button[type=submit]").click();
      await page.locator("main [role=status]").waitFor();
      await check("check your mail");
      const links = await eventually(async () => {
        const all = await mailedLinks(server.dataDir, reader);
        return all.length > before ? all : null;
      });
      await page.goto(links.at(-1) as string);
      await check("sign in");
      await page.locator("main form button[type=submit]").click();
      await page.locator("main table").waitFor();
      await check("your requests");
      await page.goto(`/portal/${facts.brandSlug}/conversations/${resolvedId}`);
      await page.locator("fieldset").waitFor();
      await check("one request, to rate");
      await page.goto(links.at(-1) as string);
      await page.locator("main form button[type=submit]").click();
      await page.locator("main .problem").waitFor();
      await check("a used link");
      await page.context().close();
      expect(found.join("\n\n"), found.join("\n\n")).toBe("");
    },
    60_000,
  );
});
