// Search everywhere in the console, in a real Chromium against a real server with the demo data:
// "/" focuses the header's box; it finds a customer by a surname and by an email, and a conversation
// by a word of a message, its words marked; the arrow keys and Enter open a result; the customers
// page lists, searches and filters by advisor.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { signedInPage } from "../helpers/console-browser.ts";
import { startTestServer } from "../helpers/server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const WAIT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await signedInPage(browser, server, WAIT_MS);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const box = () => page.getByRole("combobox", { name: "Search customers and conversations" });
const results = () => page.getByRole("listbox", { name: "Search results" });
const group = (name: string) => results().getByRole("group", { name });

describe("search everywhere", () => {
  it("focuses the header's box with /", async () => {
    await page.getByRole("link", { name: "Customers", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    await expect.poll(() => page.locator("input:focus").getAttribute("role")).toBe("combobox");
  });

  it("finds a customer by a surname, the matching part marked, and opens them with the keyboard", async () => {
    await page.keyboard.type("Holloway");
    const customer = group("Customers").getByRole("option", { name: /Derek Holloway/ });
    await customer.waitFor();
    await expect(customer.locator("mark").first().textContent()).resolves.toBe("Holloway");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => customer.getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Derek Holloway/ }).waitFor();
    await expect(results().isHidden()).resolves.toBe(true);
  });

  it("finds a customer by an email", async () => {
    await box().fill("derek.holloway@gmail.example");
    const customer = group("Customers").getByRole("option", { name: /Derek Holloway/ });
    await customer.waitFor();
    // The results follow the words once typing pauses: wait for the new ones.
    await expect
      .poll(() => customer.locator("mark").allTextContents())
      .toContain("derek.holloway@gmail.example");
  });

  it("finds a conversation by a word of a message body, the word marked in an excerpt", async () => {
    await box().fill("trekking");
    const conversation = group("Conversations").getByRole("option", {
      name: /Refund still not received/,
    });
    await conversation.waitFor();
    await expect
      .poll(() => conversation.locator(".search-results__excerpt mark").allTextContents())
      .toEqual(["trekking"]);
    await conversation.click();
    await page.getByRole("heading", { level: 1, name: "Refund still not received" }).waitFor();
  });
});

describe("the customers page", () => {
  it("lists customers, searches them and filters them by advisor", async () => {
    await page.getByRole("link", { name: "Customers", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
    const rows = page.locator(".customers-table tbody tr");
    await rows.first().waitFor();
    const all = await rows.count();
    expect(all).toBeGreaterThan(3);
    await page.getByRole("searchbox", { name: "Search customers" }).fill("holloway");
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain("derek.holloway@gmail.example");
    await page.getByRole("searchbox", { name: "Search customers" }).fill("");
    await expect.poll(() => rows.count()).toBe(all);
    const advisor = page.getByRole("combobox", { name: "Advisor" });
    const priya = (await advisor.locator("option").allTextContents()).find((o) =>
      o.startsWith("Priya"),
    );
    expect(priya).toBeDefined();
    await advisor.selectOption({ label: priya ?? "" });
    await expect.poll(() => rows.count()).toBeLessThan(all);
    await expect(page.locator(".customers-table").textContent()).resolves.toContain(
      "Derek Holloway",
    );
    for (const cell of await rows.locator("td:nth-child(4)").allTextContents())
      expect(cell).toBe(priya);
    await rows.getByRole("link", { name: "Derek Holloway" }).click();
    await page.getByRole("heading", { level: 1, name: /Derek Holloway/ }).waitFor();
  });
});
