// The unanswered watch and the lists in a real Chromium against a real server: a conversation owed
// an answer never shows "Answered" (header and row), a reply updates the header without a reload,
// tabs carry counts, j/k/Enter move and open, a selection is tagged together, a snooze sets a
// conversation aside while the watch keeps it.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleDesk, startConsole } from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const SCREENSHOTS = new URL("../../docs/screenshots/", import.meta.url);

let desk: ConsoleDesk;
let server: TestServer;
let page: Page;

beforeAll(async () => {
  desk = await startConsole({ RAPPORT_DEMO: "0" });
  ({ server, page } = desk);
}, 180_000);

afterAll(() => desk?.stop());

const stamp = Date.now();
const conversations: Record<"kept" | "second" | "third", { id: string; subject: string }> = {
  kept: { id: "", subject: `Broken zip (${stamp})` },
  second: { id: "", subject: `Wrong size (${stamp})` },
  third: { id: "", subject: `Late refund (${stamp})` },
};

async function csrf(): Promise<string> {
  return (await (await page.request.get("/api/v1/me")).json()).csrf_token;
}

/** A customer writes through the public API (into a conversation, when given). */
async function customerWrites(who: string, subject: string, body: string, conversationId?: string) {
  const answer = await page.request.post("/api/v1/messages/inbound", {
    headers: { "X-CSRF-Token": await csrf() },
    data: {
      channel: "form",
      from: { email: `${who}-${stamp}@example.com`, name: who },
      subject,
      body,
      ...(conversationId ? { conversation_id: conversationId } : {}),
    },
  });
  expect(answer.status()).toBeLessThan(300);
  return (await answer.json()).conversation_id as string;
}

const row = (subject: string) => page.locator("a.conversation-row", { hasText: subject });

describe("the watch", () => {
  it("never says Answered while the customer is owed one, and follows a reply without reload", async () => {
    await page.goto("/");
    await page.getByLabel("Email").fill(server.adminEmail);
    await page.getByLabel("Password").fill(server.adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    const { kept, second, third } = conversations;
    kept.id = await customerWrites("Ana", kept.subject, "The zip broke on day one.");
    second.id = await customerWrites("Bea", second.subject, "I ordered a M, got a XL.");
    third.id = await customerWrites("Cyd", third.subject, "Where is my refund?");

    await page.reload();
    await row(kept.subject).waitFor();
    // Tabs say how many each view holds.
    await expect
      .poll(() => page.getByRole("link", { name: "Unanswered", exact: true }).textContent())
      .toBe("Unanswered3");
    await row(kept.subject).click();
    await page.getByRole("heading", { level: 1, name: kept.subject }).waitFor();
    const header = page.locator(".conversation-header");
    await header.getByText("Owed an answer").waitFor();

    await page.getByRole("radio", { name: "Reply" }).check();
    await page.getByRole("textbox", { name: "Your message" }).fill("A new one is on its way.");
    await page.keyboard.press("Control+Enter");
    // Once the reply has left, the header says so by itself.
    await header.getByText("Answered").waitFor({ timeout: 40_000 });
    expect(await header.getByText("Owed an answer").count()).toBe(0);

    // The customer writes again: owed an answer again, in the header and on the row.
    await customerWrites("Ana", kept.subject, "Thanks, and the invoice?", kept.id);
    await page.reload();
    await header.getByText("Owed an answer").waitFor();
    expect(await header.locator(".answered--yes").count()).toBe(0);
    await page.getByRole("link", { name: "Back to the inbox" }).click();
    await row(kept.subject).waitFor();
    await row(kept.subject).getByText("Owed an answer").waitFor();
    expect(await row(kept.subject).locator(".answered--yes").count()).toBe(0);
    await expect(row(kept.subject).textContent()).resolves.toContain("Thanks, and the invoice?");
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL("watch.png", SCREENSHOTS).pathname });
  }, 120_000);

  it("moves with j and k and opens with Enter", async () => {
    await page.goto("/");
    const rows = page.locator("a.conversation-row");
    await rows.first().waitFor();
    await page.locator("body").focus();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await page.keyboard.press("j");
    const second = await rows.nth(1).getAttribute("data-conversation-id");
    await expect.poll(() => rows.nth(1).getAttribute("aria-current")).toBe("true");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/conversations/${second}`);
  });

  it("tags a selection together", async () => {
    await page.goto("/?view=all");
    await row(conversations.second.subject).waitFor();
    await page.getByRole("checkbox", { name: `Select ${conversations.second.subject}` }).check();
    await page.getByRole("checkbox", { name: `Select ${conversations.third.subject}` }).check();
    const bar = page.getByRole("region", { name: "Change the selected conversations" });
    await bar.getByText("2 selected").waitFor();
    await bar.getByLabel("Add a tag").fill("Returns");
    await bar.getByRole("button", { name: "Tag" }).click();
    await page.getByText("2 conversations changed.").waitFor();
    await row(conversations.second.subject).getByText("returns").waitFor();
    await row(conversations.third.subject).getByText("returns").waitFor();
    expect(await row(conversations.kept.subject).getByText("returns").count()).toBe(0);
  });

  it("snoozes a conversation out of the active views, not out of the watch", async () => {
    const { third } = conversations;
    await page.goto(`/conversations/${third.id}`);
    await page.getByRole("heading", { level: 1, name: third.subject }).waitFor();
    await page.getByRole("button", { name: "Snooze", exact: true }).click();
    await page.getByText(/^Snoozed until/).waitFor();

    await page.goto("/?view=all");
    await row(conversations.second.subject).waitFor();
    expect(await row(third.subject).count()).toBe(0);
    await page.getByRole("link", { name: "Snoozed", exact: true }).click();
    await row(third.subject).waitFor();
    await page.getByRole("link", { name: "Unanswered", exact: true }).click();
    await row(third.subject).waitFor();
    await expect(row(third.subject).textContent()).resolves.toContain("Snoozed until");
  });
});
