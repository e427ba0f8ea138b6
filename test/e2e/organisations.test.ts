// What a manager does with organisations in a real Chromium against a real server: create one with
// its domain and advisor from the users, see it listed, and reach it from a customer's page; the
// screen and its editor have no serious accessibility violation, in English and in French.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, violationReport } from "../helpers/axe.ts";
import { consoleContext, launchChromium, signIn } from "../helpers/browser.ts";
import { testPassword } from "../helpers/desk.ts";
import { startTestServer } from "../helpers/server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer;
let browser: Browser;
let page: Page;
const people: Record<string, string> = {};

/** A request of the signed-in page, with its CSRF token. */
async function apiCall(p: Page, method: "POST" | "PATCH", path: string, data: object) {
  const me = await (await p.request.get("/api/v1/me")).json();
  const res = await p.request.fetch(path, {
    method,
    headers: { "X-CSRF-Token": me.csrf_token },
    data,
  });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const admin = await (await consoleContext(browser, server.url, "en")).newPage();
  await signIn(admin, server.adminEmail, server.adminPassword);
  for (const [key, name, role] of [
    ["manon", "Manon Manager", "manager"],
    ["odile", "Odile Advisor", "advisor"],
  ] as const) {
    const user = await apiCall(admin, "POST", "/api/v1/users", {
      email: `${key}@rapport.test`,
      name,
      role,
      password: testPassword,
    });
    people[key] = user.id;
  }
  await admin.context().close();
  page = await (await consoleContext(browser, server.url, "en")).newPage();
  await signIn(page, "manon@rapport.test", testPassword);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("organisations in the console", () => {
  it("a manager creates one with its domain and advisor, picked among the users", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("link", { name: /^Organisations/ }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page.getByLabel("Name", { exact: true }).fill("Maison Roux");
    await page.getByLabel("Mail domains").fill("maison-roux.fr, gmail.com");
    await page
      .getByLabel("Advisor", { exact: true })
      .selectOption({ label: "Odile Advisor (Advisor)" });
    const violations = await seriousViolations(page);
    expect(violations, violationReport(violations)).toEqual([]);
    await page.getByRole("button", { name: "Save" }).click();
    // A shared provider is refused, said beside the field, and nothing is created.
    await page.getByRole("alert").waitFor();
    expect(await page.getByLabel("Mail domains").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Mail domains").fill("maison-roux.fr");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Maison Roux");
    await page.getByRole("cell", { name: "Maison Roux", exact: true }).waitFor();
    await page.getByRole("cell", { name: "Odile Advisor", exact: true }).waitFor();
    const list = await (await page.request.get("/api/v1/organisations?q=roux")).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      name: "Maison Roux",
      domains: ["maison-roux.fr"],
      advisor_id: people.odile,
    });
    const after = await seriousViolations(page);
    expect(after, violationReport(after)).toEqual([]);
  });

  it("is reached from the page of a customer who belongs to it", async () => {
    const list = await (await page.request.get("/api/v1/organisations?q=roux")).json();
    const organisation = list.items[0];
    const written = await apiCall(page, "POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: "lucie@maison-roux.fr", name: "Lucie Roux" },
      subject: "Notre commande",
      body: "Bonjour, où en est notre commande ?",
    });
    await apiCall(page, "PATCH", `/api/v1/customers/${written.customer_id}`, {
      organisation_id: organisation.id,
    });
    await page.goto(`/customers/${written.customer_id}`);
    await page.getByRole("link", { name: "Maison Roux" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await page.getByRole("form", { name: "Edit Maison Roux" }).waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Maison Roux");
  });

  it("shows an advisor the organisation of a customer's page to read, not to change", async () => {
    const list = await (await page.request.get("/api/v1/organisations?q=roux")).json();
    const advisor = await (await consoleContext(browser, server.url, "en")).newPage();
    await signIn(advisor, "odile@rapport.test", testPassword);
    await advisor.goto(`/settings/organisations/${list.items[0].id}`);
    await advisor.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    const row = advisor.locator("tr[aria-current='true']");
    // The heading shows before the list has loaded: wait for the row itself.
    await row.getByRole("cell", { name: "Maison Roux", exact: true }).waitFor();
    expect(await row.getByRole("cell", { name: "Maison Roux", exact: true }).count()).toBe(1);
    expect(await advisor.getByRole("button", { name: "New", exact: true }).count()).toBe(0);
    expect(await advisor.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    expect(await advisor.getByRole("form").count()).toBe(0);
    await advisor.context().close();
  });

  it("reads the same in French, without a serious violation", async () => {
    const french = await (await consoleContext(browser, server.url, "fr")).newPage();
    await signIn(french, "manon@rapport.test", testPassword);
    await french.goto("/settings/organisations");
    await french.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
    await french.getByRole("button", { name: "Nouveau", exact: false }).first().click();
    await french.getByLabel("Domaines de messagerie").waitFor();
    const violations = await seriousViolations(french);
    await french.context().close();
    expect(violations, violationReport(violations)).toEqual([]);
  });
});
