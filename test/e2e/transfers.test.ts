// Transfers and "My customers" in a real Chromium: advisor A hands a conversation to advisor B with
// a reason, B finds it among the transfers to accept, accepts it and the conversation is theirs; A's
// "My customers" lists the customer who waits. Each screen is checked with axe on the way.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { seriousOf, signedInPage, signedInPerson } from "../helpers/console-browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let browser: Browser;
let admin: Page;
const password = "a long enough password for tests";
const stamp = Date.now();
const subject = `Lost parcel (${stamp})`;
const people = {
  ann: { id: "", name: "Ann Advisor", email: `ann-${stamp}@desk.test` },
  ben: { id: "", name: "Ben Colleague", email: `ben-${stamp}@desk.test` },
};
let conversationId = "";
let customerId = "";

/** `page`'s signed-in person asks the API, with the session's CSRF token. */
async function asPerson(page: Page, method: "POST" | "PATCH", url: string, data: object) {
  const me = await (await page.request.get("/api/v1/me")).json();
  const res = await page.request.fetch(url, {
    method,
    headers: { "X-CSRF-Token": me.csrf_token },
    data,
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

const asAdmin = (method: "POST" | "PATCH", url: string, data: object) =>
  asPerson(admin, method, url, data);

const signedInAs = (person: { email: string }, language: "en" | "fr" = "en") =>
  signedInPerson(browser, server.url, { email: person.email, password }, language);

const serious = seriousOf;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  browser = await launchChromium();
  admin = await signedInPage(browser, server, 20_000);
  for (const person of Object.values(people)) {
    const created = await asAdmin("POST", "/api/v1/users", {
      name: person.name,
      email: person.email,
      role: "advisor",
      password,
    });
    person.id = created.id;
  }
  const inbound = await asAdmin("POST", "/api/v1/messages/inbound", {
    channel: "form",
    from: { email: `zoe-${stamp}@example.com`, name: "Zoé Client" },
    subject,
    body: "My parcel never arrived.",
  });
  conversationId = inbound.conversation_id;
  customerId = inbound.customer_id;
  await asAdmin("PATCH", `/api/v1/conversations/${conversationId}`, { assignee_id: people.ann.id });
  await asAdmin("PATCH", `/api/v1/customers/${customerId}`, { advisor_id: people.ann.id });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a transfer in the console", () => {
  it("A transfers with a reason, B accepts it from the transfers to accept, and it is B's", async () => {
    const ann = await signedInAs(people.ann);
    await ann.goto(`/conversations/${conversationId}`);
    await ann.getByRole("heading", { level: 1, name: subject }).waitFor();
    await ann.getByRole("button", { name: "Transfer…" }).click();
    const form = ann.locator("form.transfer__form");
    // The reason is required: the form does not go without it.
    await form.getByLabel("To").selectOption({ label: people.ben.name });
    expect(await form.getByRole("button", { name: "Ask them to take it" }).isDisabled()).toBe(true);
    await form.getByLabel("Reason").fill("Ben handles the carrier claims");
    expect(await serious(ann)).toEqual([]);
    await form.getByRole("button", { name: "Ask them to take it" }).click();
    await ann
      .getByText(`Waiting for ${people.ben.name} to accept: “Ben handles the carrier claims”`)
      .waitFor();
    await ann.getByRole("button", { name: "Cancel the transfer" }).waitFor();

    const ben = await signedInAs(people.ben);
    await ben.getByRole("link", { name: "Transfers to accept" }).click();
    await ben.getByRole("heading", { level: 1, name: "Transfers to accept" }).waitFor();
    await ben.getByText("Ben handles the carrier claims").waitFor();
    expect(await serious(ben)).toEqual([]);
    await ben.getByRole("link", { name: new RegExp(subject.replace(/[()]/g, "\\$&")) }).click();
    await ben
      .getByText(
        `${people.ann.name} asks you to take this conversation: “Ben handles the carrier claims”`,
      )
      .waitFor();
    // The receiver sees the whole history and the customer beside it.
    await ben.getByText("My parcel never arrived.").waitFor();
    await ben.locator(".conversation-side").getByText("Zoé Client").first().waitFor();
    expect(await serious(ben)).toEqual([]);
    await ben.getByRole("button", { name: "Accept", exact: true }).click();
    await ben.getByRole("button", { name: "Transfer…" }).waitFor();
    const after = await (await ben.request.get(`/api/v1/conversations/${conversationId}`)).json();
    expect(after.assignee_id).toBe(people.ben.id);
    await ben.goto("/transfers");
    await ben.getByText("Nobody asks you to take a conversation.").waitFor();
    await ben.context().close();
    await ann.context().close();
  }, 120_000);

  it("works from the keyboard: B hands it back, A declines with a reason, B reads why", async () => {
    const ben = await signedInAs(people.ben);
    await ben.goto(`/conversations/${conversationId}`);
    await ben.getByRole("button", { name: "Transfer…" }).focus();
    await ben.keyboard.press("Enter");
    // The person's list has the focus: typing a name picks it.
    await ben.keyboard.type("Ann");
    await ben.keyboard.press("Tab");
    await ben.keyboard.type("Back from holidays, yours again");
    await ben.keyboard.press("Tab");
    await ben.keyboard.press("Enter");
    await ben.getByText(`Waiting for ${people.ann.name} to accept`, { exact: false }).waitFor();

    const ann = await signedInAs(people.ann);
    await ann.goto(`/conversations/${conversationId}`);
    await ann.getByRole("button", { name: "Decline", exact: true }).focus();
    await ann.keyboard.press("Enter");
    await ann.keyboard.type("Still away until Monday");
    await ann.keyboard.press("Tab");
    await ann.keyboard.press("Enter");
    await ann
      .getByText(`${people.ann.name} declined the transfer: “Still away until Monday”`)
      .waitFor();
    await ben.reload();
    await ben
      .getByText(`${people.ann.name} declined the transfer: “Still away until Monday”`)
      .waitFor();
    const after = await (await ben.request.get(`/api/v1/conversations/${conversationId}`)).json();
    expect(after.assignee_id).toBe(people.ben.id);
    await ann.context().close();
    await ben.context().close();
  }, 120_000);

  it("My customers lists the customer who waits, with the conversation to answer", async () => {
    const ann = await signedInAs(people.ann);
    await ann.getByRole("link", { name: "My customers" }).click();
    await ann.getByRole("heading", { level: 1, name: "My customers" }).waitFor();
    const row = ann.locator("tr", { hasText: "Zoé Client" });
    await row.getByText("Advisor").waitFor();
    await row.getByRole("link", { name: new RegExp(subject.replace(/[()]/g, "\\$&")) }).waitFor();
    expect(await serious(ann)).toEqual([]);
    await ann.context().close();
    const enFrancais = await signedInAs(people.ann, "fr");
    await enFrancais.getByRole("link", { name: "Mes clients" }).click();
    await enFrancais.getByRole("heading", { level: 1, name: "Mes clients" }).waitFor();
    await enFrancais.locator("tr", { hasText: "Zoé Client" }).getByText("Conseiller").waitFor();
    expect(await serious(enFrancais)).toEqual([]);
    await enFrancais.context().close();
  }, 60_000);
});

describe("the header's count of transfers to accept", () => {
  it("shows how many wait for me, in English and French, and follows an accept", async () => {
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const inbound = await asAdmin("POST", "/api/v1/messages/inbound", {
        channel: "form",
        from: { email: `yan-${n}-${stamp}@example.com`, name: `Yan ${n}` },
        subject: `Broken zip ${n} (${stamp})`,
        body: "The zip broke.",
      });
      await asAdmin("PATCH", `/api/v1/conversations/${inbound.conversation_id}`, {
        assignee_id: people.ann.id,
      });
      ids.push(inbound.conversation_id);
    }
    const ben = await signedInAs(people.ben);
    const link = ben.getByRole("navigation", { name: "Main navigation" }).getByRole("link", {
      name: /^Transfers to accept/,
    });
    // Nothing waits for Ben yet: the bar keeps its room, the link is not there.
    await ben.getByRole("navigation", { name: "Main navigation" }).waitFor();
    expect(await link.count()).toBe(0);

    const ann = await signedInAs(people.ann);
    for (const id of ids) {
      await asPerson(ann, "POST", `/api/v1/conversations/${id}/transfer`, {
        to: people.ben.id,
        reason: "You mend zips",
      });
    }
    await ann.context().close();

    // Coming back to the window refreshes the count, as it does the inbox's tabs.
    await ben.evaluate("window.dispatchEvent(new Event('focus'))");
    await ben.getByRole("link", { name: "Transfers to accept, 2 pending", exact: true }).waitFor();
    expect(await link.locator(".app-header__count").textContent()).toBe("2");
    expect(await serious(ben)).toEqual([]);

    // Accepting one: the next screen shows one left.
    await asPerson(ben, "POST", `/api/v1/conversations/${ids[0]}/transfer/accept`, {});
    await ben.getByRole("link", { name: "Transfers to accept, 2 pending" }).click();
    await ben.getByRole("heading", { level: 1, name: "Transfers to accept" }).waitFor();
    await ben.getByRole("link", { name: "Transfers to accept, 1 pending", exact: true }).waitFor();
    await ben.context().close();

    const enFrancais = await signedInAs(people.ben, "fr");
    await enFrancais
      .getByRole("link", { name: "Transferts à accepter, 1 en attente", exact: true })
      .waitFor();
    expect(await serious(enFrancais)).toEqual([]);
    await enFrancais.context().close();
  }, 120_000);
});
