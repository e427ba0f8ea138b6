// The customer page in a real Chromium: the timeline shows a conversation's subject and its
// messages' first words; an advisor edits the customer's name and an important date in place and
// logs a call with the keyboard, and sees both in the timeline; the forms pass axe's checks.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import type { ConsoleDesk } from "../helpers/browser.ts";
import { signedInDesk, writeIn } from "../helpers/console-browser.ts";

let desk: ConsoleDesk;
let page: Page;
let written = { customer_id: "", conversation_id: "", reference: "" };

beforeAll(async () => {
  desk = await signedInDesk();
  ({ page } = desk);
  written = await writeIn(page, {
    channel: "form",
    from: { email: "camille.roux@example.fr", name: "Camille Roux" },
    subject: "Wobbly chair",
    body: "Hello,\n\nthe chair I bought last week wobbles on the kitchen floor.\n\n> earlier mail",
  });
}, 180_000);

afterAll(() => desk?.stop());

const group = (subject: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });

describe("the customer page", () => {
  it("shows the conversation's subject and the message's first words in the timeline", async () => {
    await page.goto(`/customers/${written.customer_id}`);
    await page.getByRole("heading", { name: "Camille Roux", level: 1 }).waitFor();
    const wobbly = group("Wobbly chair");
    await wobbly.waitFor();
    expect(await wobbly.textContent()).toContain(`#${written.reference}`);
    // Newest first: the acknowledgement the form message was sent, then the customer's words.
    const excerpt = wobbly.locator("blockquote").last();
    expect(await excerpt.textContent()).toBe(
      "Hello, the chair I bought last week wobbles on the kitchen floor.",
    );
    expect(await wobbly.textContent()).toContain("Camille Roux wrote via web form.");
    expect(await wobbly.textContent()).toContain("Received");
  });

  it("edits the name and an important date in place, with the keyboard", async () => {
    await page.locator("body").press("e");
    const name = page.getByLabel("Name", { exact: true });
    await expect
      .poll(() => name.evaluate((el) => el.ownerDocument.activeElement === el))
      .toBe(true);
    expect(await seriousViolations(page, ".customer-edit")).toEqual([]);
    await name.fill("Camille Roux-Martin");
    await page.getByRole("button", { name: "Add a date" }).click();
    await page.getByPlaceholder("Which date").fill("Birthday");
    await page.getByLabel("Date", { exact: true }).fill("1985-06-21");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Profile saved.");
    await page.getByRole("heading", { name: "Camille Roux-Martin", level: 1 }).waitFor();
    await page.locator(".profile").getByText("Birthday · 21 Jun 1985").waitFor();
    const saved = await page.evaluate(
      async (id) => (await (await fetch(`/api/v1/customers/${id}`)).json()) as object,
      written.customer_id,
    );
    expect(saved).toMatchObject({
      name: "Camille Roux-Martin",
      important_dates: [{ kind: "birthday", date: "1985-06-21" }],
    });
    const timeline = page.locator(".customer-layout__timeline");
    await timeline.getByText("Name: Camille Roux → Camille Roux-Martin").waitFor();
    await timeline.getByText("Important dates: none → Birthday · 21 Jun 1985").waitFor();
  });

  it("logs a call on the conversation with the keyboard and shows it under its subject", async () => {
    await page.locator("body").press("l");
    await page.getByRole("form", { name: "Log a call or a visit" }).waitFor();
    expect(await seriousViolations(page, ".interaction-form")).toEqual([]);
    await page.getByLabel("We did").check();
    await page.getByLabel("Duration (minutes)").fill("12");
    await page.getByLabel("Summary").fill("Called back: a new chair leg leaves tomorrow.");
    await page
      .getByLabel("Conversation", { exact: true })
      .selectOption({ label: `#${written.reference} · Wobbly chair` });
    await page.getByLabel("It answered the customer").check();
    await page.getByRole("button", { name: "Log it" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Logged.");
    const wobbly = group("Wobbly chair");
    await wobbly.getByText("Called back: a new chair leg leaves tomorrow.").waitFor();
    const text = (await wobbly.textContent()) ?? "";
    expect(text).toContain("logged a call to the customer.");
    expect(text).toContain("Lasted 12 minutes.");
    expect(text).toContain("It counts as an answer.");
  });

  it("shows the new name beside the conversation, linked to the customer's page", async () => {
    await page.goto(`/conversations/${written.conversation_id}`);
    const link = page.getByRole("link", { name: "Camille Roux-Martin" });
    await link.waitFor();
    await link.click();
    await page.getByRole("heading", { name: "Camille Roux-Martin", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/customers/${written.customer_id}`);
  });

  it("speaks French too: the page's actions and the timeline's lines", async () => {
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("button", { name: "Modifier le profil" }).waitFor();
    await page.getByRole("button", { name: "Noter un appel ou une visite" }).waitFor();
    const text = (await group("Wobbly chair").textContent()) ?? "";
    expect(text).toContain("a noté un appel au client.");
    expect(text).toContain("Durée : 12 minutes.");
    expect(text).toContain("Reçu");
  });
});
