// Orders and value on the customer page, in a real Chromium: a customer and their orders sent through
// the API by external id show as lifetime value per currency, order count, purchases and tenure, a
// table of the latest orders and order lines in the timeline, in English and in French; the same
// figures in the customer panel beside their conversation; axe passes.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import type { ConsoleDesk } from "../helpers/browser.ts";
import { callFromPage, signedInDesk, writeIn } from "../helpers/console-browser.ts";

let desk: ConsoleDesk;
let page: Page;
let customerId = "";

/** A PUT through the signed-in session, as an integration would send it with a token. */
const put = (url: string, body: object) => callFromPage(page, "PUT", url, body);

beforeAll(async () => {
  desk = await signedInDesk();
  ({ page } = desk);
  const customer = await put("/api/v1/customers/by-external-id/shop-77", {
    name: "Inès Moreau",
    email: "ines.moreau@example.fr",
    customer_since: "2019-05-04",
  });
  expect(customer.status).toBe(201);
  customerId = customer.json.id;
  for (const [id, at, amount, currency, status] of [
    ["SHOP-1001", "2025-03-14T10:00:00Z", 4550, "EUR", "shipped"],
    ["SHOP-1020", "2025-09-02T10:00:00Z", 2000, "USD", "paid"],
    ["SHOP-1031", "2025-10-01T10:00:00Z", 9900, "EUR", "refunded"],
    ["SHOP-1042", "2026-11-02T10:30:00Z", 12999, "EUR", "paid"],
  ] as const) {
    const order = await put(`/api/v1/orders/${id}`, {
      customer_external_id: "shop-77",
      ordered_at: at,
      amount_minor: amount,
      currency,
      status,
    });
    expect(order.status).toBe(201);
  }
}, 180_000);

afterAll(() => desk?.stop());

const plain = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

/** The value's figures and the tenure, in English, wherever they show. */
async function expectFigures(value: Locator, since: Locator) {
  const text = plain(await value.textContent());
  // The refunded order adds nothing; euros and dollars never add up (en-GB writes US$).
  expect(text).toContain("Lifetime value€175.49 · US$20.00");
  expect(text).toContain("Orders3");
  expect(text).toContain("First purchase14 Mar 2025");
  expect(text).toContain("Last purchase2 Nov 2026");
  expect(plain(await since.textContent())).toContain("customer since 4 May 2019");
}

describe("orders and value on the customer page", () => {
  it("shows value per currency, orders, purchases, tenure and the latest orders", async () => {
    await page.goto(`/customers/${customerId}`);
    await page.getByRole("heading", { name: "Inès Moreau", level: 1 }).waitFor();
    const value = page.getByRole("region", { name: "Orders and value" });
    await value.waitFor();
    await expectFigures(value, page.locator(".profile__since"));
    const rows = value.getByRole("table", { name: "Latest orders" }).getByRole("row");
    expect(await rows.count()).toBe(5);
    expect(plain(await rows.nth(1).textContent())).toBe("2 Nov 2026SHOP-1042€129.99Paid");
    expect(plain(await rows.nth(2).textContent())).toBe("1 Oct 2025SHOP-1031€99.00Refunded");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("lists the orders in the timeline", async () => {
    const timeline = page.locator(".customer-layout__timeline");
    await timeline.getByText("Order SHOP-1042 recorded: €129.99, Paid.").waitFor();
    expect(plain(await timeline.textContent())).toContain(
      "Order SHOP-1020 recorded: US$20.00, Paid.",
    );
  });

  it("says it all in French", async () => {
    await page.evaluate(`localStorage.setItem("rapport.language", "fr")`);
    await page.reload();
    const value = page.getByRole("region", { name: "Commandes et valeur" });
    await value.getByText("Remboursée").waitFor();
    const text = plain(await value.textContent());
    expect(text).toContain("Valeur client175,49 € · 20,00 $US");
    expect(text).toContain("Remboursée");
    const timeline = page.locator(".customer-layout__timeline");
    await timeline.getByText("Commande SHOP-1042 enregistrée : 129,99 €, Payée.").waitFor();
    await page.evaluate(`localStorage.setItem("rapport.language", "en")`);
  });

  it("shows the value in the customer panel beside their conversation, in English and French", async () => {
    const written = await writeIn(page, {
      channel: "form",
      from: { email: "ines.moreau@example.fr", name: "Inès Moreau" },
      subject: "Où en est SHOP-1042 ?",
      body: "Bonjour, ma commande n'est pas encore arrivée.",
    });
    expect(written.customer_id).toBe(customerId);
    await page.goto(`/conversations/${written.conversation_id}`);
    const panel = page.getByRole("region", { name: "Customer", exact: true });
    const value = panel.getByRole("region", { name: "Orders and value" });
    await value.waitFor();
    await expectFigures(value, panel.locator(".profile__since"));
    // The panel keeps to the figures: the latest orders are on the customer's page.
    expect(await value.getByRole("table").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(`localStorage.setItem("rapport.language", "fr")`);
    await page.reload();
    const valeur = page
      .getByRole("region", { name: "Client", exact: true })
      .getByRole("region", { name: "Commandes et valeur" });
    await valeur.waitFor();
    const texte = plain(await valeur.textContent());
    expect(texte).toContain("Valeur client175,49 € · 20,00 $US");
    expect(texte).toContain("Premier achat14 mars 2025");
    await page.evaluate(`localStorage.setItem("rapport.language", "en")`);
  });
});
