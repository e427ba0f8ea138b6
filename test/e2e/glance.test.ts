// The glance in a real Chromium: an advisor adds a preference in place and sees it on the glance and,
// in words, on the timeline; the mood of the customer's message shows with the words behind it; a
// canned answer in the customer's language with {{advisor.name}}, {{conversation.reference}} and
// the promise time is previewed filled, inserted and sent. In English and French, axe-clean.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import type { ConsoleDesk } from "../helpers/browser.ts";
import { callFromPage, signedInDesk, type WrittenIn, writeIn } from "../helpers/console-browser.ts";

let desk: ConsoleDesk;
let page: Page;
let written: WrittenIn;

beforeAll(async () => {
  desk = await signedInDesk();
  ({ page } = desk);
  written = await writeIn(page, {
    channel: "form",
    from: { email: "noemie@example.fr", name: "Noémie Garnier" },
    subject: "Colis abîmé",
    body: "Bonjour,\n\nje ne suis pas contente, le colis est arrivé abîmé. C'est inadmissible.",
  });
}, 180_000);

afterAll(() => desk?.stop());

/** A call to the API as the signed-in admin, from the page; answers its JSON. */
const api = (method: "GET" | "POST" | "PATCH", url: string, body?: object) =>
  callFromPage(page, method, url, body).then((r) => r.json);

describe("the glance", () => {
  it("shows the mood of the customer's message, with the words behind it", async () => {
    await page.goto(`/customers/${written.customer_id}`);
    const glance = page.getByTestId("glance");
    await glance.waitFor();
    await glance.getByText("No preference noted yet.").waitFor();
    const mood = glance.locator(".glance__moods li").first();
    await mood.waitFor();
    expect(await mood.textContent()).toMatch(
      /^Unhappy, .* · contente \(negated\), abîmé, inadmissible$/,
    );
    expect(await seriousViolations(page, "[data-testid=glance]")).toEqual([]);
  });

  it("adds a preference in place: the glance and the timeline say it", async () => {
    await page.getByLabel("Kind", { exact: true }).selectOption("diet");
    await page.getByLabel("Preference", { exact: true }).fill("allergic to nuts");
    await page.getByLabel("Preference", { exact: true }).press("Enter");
    const glance = page.getByTestId("glance");
    await glance.getByText("allergic to nuts").waitFor();
    expect(await glance.locator(".glance__preferences").textContent()).toBe(
      "Diet allergic to nuts",
    );
    const timeline = page.locator(".customer-layout__timeline");
    await timeline.getByText(/added a preference: Diet — allergic to nuts\./).waitFor();
    await page.getByLabel("Tag", { exact: true }).fill("vip");
    await page.getByRole("button", { name: "Add the tag" }).click();
    await glance.locator(".tag", { hasText: "vip" }).waitFor();
    expect(await seriousViolations(page, ".preferences-editor")).toEqual([]);
    const saved = await api("GET", `/api/v1/customers/${written.customer_id}`);
    expect(saved).toMatchObject({
      preferences: [{ kind: "diet", text: "allergic to nuts" }],
      tags: ["vip"],
    });
  });

  it("removes it with its button, and speaks French", async () => {
    await page.getByRole("button", { name: "Remove Diet — allergic to nuts" }).click();
    await page.getByTestId("glance").getByText("No preference noted yet.").waitFor();
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByTestId("glance").getByText("Aucune préférence notée pour l'instant.").waitFor();
    await page
      .locator(".customer-layout__timeline")
      .getByText(/a retiré une préférence : Alimentation — allergic to nuts\./)
      .waitFor();
    expect(await page.locator(".glance__moods li").first().textContent()).toMatch(/^Mécontent, /);
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  });
});

describe("a canned answer that knows the customer", () => {
  it("is previewed filled, in the customer's language, then inserted and sent", async () => {
    const me = await api("GET", "/api/v1/me");
    for (const [language, body] of [
      [
        "en",
        "Hello {{customer.first_name}}, {{advisor.name}} here about {{conversation.reference}}.",
      ],
      [
        "fr",
        "Bonjour {{customer.first_name}}, ici {{advisor.name}} pour {{conversation.reference}}. Réponse au plus tard {{promise.due}}.",
      ],
    ]) {
      const created = await api("POST", "/api/v1/canned-answers", {
        title: "Damaged parcel",
        language,
        body,
      });
      expect(created.id).toEqual(expect.any(String));
    }
    await api("PATCH", `/api/v1/customers/${written.customer_id}`, {
      preferred_language: "fr",
      time_zone: "Europe/Paris",
    });
    await page.goto(`/conversations/${written.conversation_id}`);
    await page.getByRole("heading", { level: 1, name: "Colis abîmé" }).waitFor();
    await page
      .getByTestId("message-mood")
      .getByText(/Mood: Unhappy/)
      .waitFor();

    const text = page.getByRole("textbox", { name: "Your message" });
    await text.click();
    await text.pressSequentially("/damaged");
    const option = page.getByRole("option", { name: /Damaged parcel/ });
    await option.waitFor();
    expect(await page.locator(".canned [role=option]").count()).toBe(1);
    const preview = page.getByTestId("canned-preview");
    await preview.waitFor();
    const previewed = (await preview.textContent()) ?? "";
    expect(previewed).toContain(
      `Bonjour Noémie, ici ${me.user.name} pour ${written.reference}. Réponse au plus tard `,
    );
    expect(previewed).not.toContain("{{");
    expect(await seriousViolations(page, ".composer")).toEqual([]);
    await page.keyboard.press("Enter");
    expect(await text.inputValue()).toBe(previewed);

    await page.getByRole("button", { name: "Send reply" }).click();
    await expect
      .poll(async () => {
        const c = await api("GET", `/api/v1/conversations/${written.conversation_id}`);
        return c.messages.find(
          (m: { direction: string; automated: boolean; body_text: string }) =>
            m.direction === "outbound" && !m.automated,
        )?.body_text;
      })
      .toBe(previewed);
  });
});
