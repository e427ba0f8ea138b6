// The live console in a real Chromium: a mail taken over SMTP appears in an open inbox without a
// reload, and two advisors on one conversation see each other (the collision warning) until one
// leaves. Each screen is checked with axe on the way.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { seriousOf, signedInPage, signedInPerson } from "../helpers/console-browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { sendPlainMail } from "../helpers/smtp-client.ts";

let server: TestServer;
let browser: Browser;
let admin: Page;
const password = "a long enough password for tests";
const stamp = Date.now();
const people = {
  camille: { name: "Camille Advisor", email: `camille-${stamp}@desk.test` },
  dan: { name: "Dan Colleague", email: `dan-${stamp}@desk.test` },
};

async function asAdmin(url: string, data: object) {
  const me = await (await admin.request.get("/api/v1/me")).json();
  const res = await admin.request.post(url, { headers: { "X-CSRF-Token": me.csrf_token }, data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

const signedInAs = (person: { email: string }) =>
  signedInPerson(browser, server.url, { email: person.email, password });

const serious = seriousOf;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  browser = await launchChromium();
  admin = await signedInPage(browser, server, 20_000);
  for (const person of Object.values(people)) {
    await asAdmin("/api/v1/users", { ...person, role: "advisor", password });
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the live console", () => {
  it("shows a mail taken over SMTP in the open inbox without a reload", async () => {
    const page = await signedInAs(people.camille);
    await page.goto("/?view=all");
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    const subject = `Arrived while watching (${stamp})`;
    await sendPlainMail(server.smtpPort, {
      from: "nora@example.com",
      to: "support@rapport.localhost",
      subject,
      body: "Hello, my order is late.",
    });
    // Well before the minute's refresh: only the live stream can bring it.
    await page.getByText(subject).first().waitFor({ timeout: 10_000 });
    expect(await serious(page)).toEqual([]);
    await page.context().close();
  });

  it("warns two advisors on one conversation of each other, until one leaves", async () => {
    const written = await asAdmin("/api/v1/messages/inbound", {
      channel: "form",
      from: { email: `zoe-${stamp}@example.com`, name: "Zoé Client" },
      subject: `Two advisors (${stamp})`,
      body: "Anyone there?",
    });
    const url = `/conversations/${written.conversation_id}`;
    const camille = await signedInAs(people.camille);
    await camille.goto(url);
    const dan = await signedInAs(people.dan);
    await dan.goto(url);
    await dan.getByText("Camille Advisor is viewing").waitFor();
    await camille.getByText("Dan Colleague is viewing").waitFor();
    expect(await serious(camille)).toEqual([]);

    await dan.getByLabel("Your message").fill("Looking into it");
    await camille.getByText("Dan Colleague is typing a reply…").waitFor();
    // Nobody is warned about themselves.
    expect(await camille.getByText("Camille Advisor is viewing").count()).toBe(0);

    await dan.context().close();
    await camille.getByText(/Dan Colleague is/).waitFor({ state: "detached" });
    await camille.context().close();
  });
});
