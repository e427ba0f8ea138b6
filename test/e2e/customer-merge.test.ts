// Merging two profiles of one person in the console, in a real Chromium: a suggestion is shown with
// its evidence and likelihood, merged behind a confirmation that counts what moves, then undone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import { consoleContext, launchChromium, signIn } from "../helpers/browser.ts";
import { writeIn } from "../helpers/console-browser.ts";
import { startTestServer } from "../helpers/server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const WAIT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let page: Page;
let first = "";
let second = "";

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  browser = await launchChromium();
  // Axe is added to the page as a script: the test context lets it past the console's CSP.
  const context = await consoleContext(browser, server.url, "en", {
    bypassCSP: true,
    chosen: false,
  });
  context.setDefaultTimeout(WAIT_MS);
  page = await context.newPage();
  await signIn(page, server.adminEmail, server.adminPassword);
  // The same person writes from her address and from a +tag variant of it.
  const write = async (email: string, subject: string) =>
    (
      await writeIn(page, {
        channel: "form",
        from: { email, name: "Camille Roux" },
        subject,
        body: `${subject}: could you help?`,
      })
    ).customer_id;
  first = await write("camille.roux@atelier-roux.test", "Quote for a table");
  second = await write("camille.roux+shop@atelier-roux.test", "Delivery date");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const conversationsOf = (id: string) =>
  page.evaluate(async (customer) => {
    const res = await fetch(`/api/v1/customers/${customer}/summary`);
    return ((await res.json()) as { conversations: { total: number } }).conversations.total;
  }, id);

describe("possible duplicates on the customer page", () => {
  it("shows a suggestion with its evidence, merges it after saying what moves, and undoes it", async () => {
    expect(second).not.toBe(first);
    await page.goto(`/customers/${first}`);
    const section = page.getByRole("region", { name: "Possible duplicates" });
    await section.waitFor();
    await expect
      .poll(() => section.textContent())
      .toContain(
        "camille.roux@atelier-roux.test and camille.roux+shop@atelier-roux.test are the same address written differently",
      );
    expect(await section.textContent()).toContain(
      "Same name (Camille Roux) and an address at atelier-roux.test",
    );
    expect(await section.textContent()).toContain("likely the same person");
    expect(await seriousViolations(page)).toEqual([]);

    await section.getByRole("button", { name: "Merge Camille Roux into this profile…" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect
      .poll(() => confirm.textContent())
      .toContain("Merge Camille Roux into this profile?");
    expect(await confirm.textContent()).toContain(
      "This moves 1 conversation, 1 message, 1 address or number",
    );
    await confirm.getByRole("button", { name: "Merge", exact: true }).click();
    await expect
      .poll(() => section.getByRole("status").textContent())
      .toContain("Camille Roux was merged into this profile.");
    expect(await conversationsOf(first)).toBe(2);
    // The merge is on the timeline, with its own Undo.
    await page.getByText("merged the profile Camille Roux into Camille Roux").waitFor();

    // The merged profile says where the person lives on.
    await page.goto(`/customers/${second}`);
    await page.getByText("This profile was merged into another one.").waitFor();
    await page.getByRole("link", { name: "Open it" }).click();
    await page.waitForURL(`**/customers/${first}`);

    // Undone from the merge's entry on the timeline.
    await page.getByRole("button", { name: "Undo the merge" }).first().waitFor();
    await page.getByRole("button", { name: "Undo the merge" }).first().click();
    // The timeline, reloaded, says so.
    await page.getByText("undid the merge of Camille Roux into Camille Roux").waitFor();
    expect(await conversationsOf(first)).toBe(1);
    expect(await conversationsOf(second)).toBe(1);
  });

  it("says it in French too", async () => {
    await page.goto(`/customers/${first}`);
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    const section = page.getByRole("region", { name: "Doublons possibles" });
    await expect
      .poll(() => section.textContent())
      .toContain("sont la même adresse écrite autrement");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
