// A person's data rights and the workspace's retention in the console, in a real Chromium: an admin
// downloads a customer's data, erases them behind a confirmation, and sets the retention period.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleDesk } from "../helpers/browser.ts";
import { signedInDesk, writeIn } from "../helpers/console-browser.ts";

let desk: ConsoleDesk;
let page: Page;
let customerId = "";

beforeAll(async () => {
  desk = await signedInDesk();
  ({ page } = desk);
  // A customer writes in through the API, as the signed-in admin.
  const written = await writeIn(page, {
    channel: "form",
    from: { email: "noemie.faure@example.fr", name: "Noémie Faure" },
    subject: "Broken hinge",
    body: "The hinge of my wardrobe broke on the first day.",
  });
  customerId = written.customer_id;
}, 180_000);

afterAll(() => desk?.stop());

describe("a person's data rights in the console", () => {
  it("downloads everything about the customer as a ZIP from their page", async () => {
    await page.goto(`/customers/${customerId}`);
    await page.getByRole("heading", { name: "Noémie Faure" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download all their data (ZIP)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`customer-${customerId}.zip`);
  });

  it("erases the customer only once the admin confirms", async () => {
    await page.getByRole("button", { name: "Erase this customer…" }).click();
    await page.getByRole("button", { name: "Keep everything" }).click();
    expect(await page.getByRole("button", { name: "Erase for good" }).count()).toBe(0);
    await page.getByRole("button", { name: "Erase this customer…" }).click();
    await expect
      .poll(() => page.getByRole("alertdialog").textContent())
      .toContain("Erase everything about Noémie Faure?");
    await page.getByRole("button", { name: "Erase for good" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("This customer’s data was erased on");
    expect(await page.getByText("Noémie Faure").count()).toBe(0);
    expect(await page.getByText("noemie.faure@example.fr").count()).toBe(0);
  });

  it("sets the retention of closed conversations in the workspace settings, in French too", async () => {
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("link", { name: /^Workspace/ }).click();
    await page.getByLabel("Erase closed conversations after a period").check();
    await page.getByLabel("Days after closing").fill("90");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Saved.");
    const saved = await page.evaluate(
      async () =>
        (await (await fetch("/api/v1/workspace")).json()) as { closed_retention_days: number },
    );
    expect(saved.closed_retention_days).toBe(90);
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByLabel("Jours après la clôture").waitFor();
    expect(await page.getByLabel("Jours après la clôture").inputValue()).toBe("90");
  });
});
