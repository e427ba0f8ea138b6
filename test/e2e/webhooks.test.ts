// What an admin does with webhooks in a real Chromium against a real server and a real receiver on
// 127.0.0.1: create one with its events as checkboxes, copy its secret shown once, send a test and
// read it in the delivery log; the screen, its editor and the log have no serious accessibility
// violation, in English and in French.
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import { consoleContext, type Language, launchChromium, signIn } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { type Receiver, startReceiver } from "../helpers/webhook-receiver.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer;
let browser: Browser;
let receiver: Receiver;

const report = (violations: Awaited<ReturnType<typeof seriousViolations>>) =>
  violations.map((v) => `${v.impact} ${v.id} (${v.help})\n  ${v.nodes.join("\n  ")}`).join("\n");

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startTestServer({ RAPPORT_WEBHOOK_ALLOW_PRIVATE: "1" });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await receiver?.close();
});

async function adminPage(language: Language): Promise<Page> {
  const context = await consoleContext(browser, server.url, language, { bypassCSP: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signIn(page, server.adminEmail, server.adminPassword);
  return page;
}

describe("webhooks in the console", () => {
  it("an admin creates one, keeps its secret, sends a test and reads the log", async () => {
    const page = await adminPage("en");
    await page.goto("/settings");
    await page.getByRole("link", { name: /^Webhooks/ }).click();
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page.getByLabel("URL", { exact: true }).fill(receiver.url);
    await page.getByLabel("Description").fill("Shop sync");
    await page.getByLabel(/A conversation is opened/).check();
    await page.getByLabel(/A message is added/).check();
    const editing = await seriousViolations(page);
    expect(editing, report(editing)).toEqual([]);
    await page.getByRole("button", { name: "Save" }).click();

    const secretField = page.getByLabel("The webhook's signing secret");
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Copy the secret" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(secret);
    await page.getByRole("button", { name: "I have kept it" }).click();
    expect(await secretField.count()).toBe(0);

    const row = page.getByRole("row").filter({ hasText: receiver.url });
    expect(await row.textContent()).toContain("Enabled");
    await page.getByRole("button", { name: "Edit Shop sync" }).click();
    await page.getByRole("button", { name: "Send a test" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const ping = receiver.received[0];
    expect(new Webhook(secret).verify(ping?.body ?? "", ping?.headers ?? {})).toMatchObject({
      type: "webhook.test",
    });
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Reload the log" }).click();
          return page.getByRole("table", { name: "Delivery log" }).textContent();
        },
        { timeout: 15_000 },
      )
      .toContain("Answered 200");
    const logged = await seriousViolations(page);
    expect(logged, report(logged)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("the screen has no serious accessibility violation in French", async () => {
    const page = await adminPage("fr");
    await page.goto("/settings/webhooks");
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    await page
      .getByRole("button", { name: /^Modifier/ })
      .first()
      .click();
    await page.getByRole("table", { name: "Journal des envois" }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, report(violations)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
