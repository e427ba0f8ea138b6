// The composer in a real Chromium against a real server: r and n switch between a reply and a
// note, Escape leaves; a canned answer found with "/" is inserted with its variables filled; a reply
// goes with a copy and a picture, "send and next" opens another conversation, and the picture
// opens as a preview from the thread.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleDesk, pageApi, signIn, startConsole } from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEklEQVR42mP4z8DwHwyRGQxQJQBm/QvxBWd88wAAAABJRU5ErkJggg==",
  "base64",
);

let desk: ConsoleDesk;
let server: TestServer;
let page: Page;
const stamp = Date.now();
const conversations: Array<{ id: string; reference: string; subject: string }> = [];

beforeAll(async () => {
  desk = await startConsole();
  ({ server, page } = desk);
}, 180_000);
afterAll(() => desk?.stop());

const api = pageApi(() => page);

/** The outbox's mail whose text holds `words`, once the send job wrote it. */
async function mailSaying(words: string) {
  const outbox = path.join(server.dataDir, "outbox");
  for (let i = 0; i < 300; i++) {
    const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")) : [];
    for (const f of files) {
      const parsed = await simpleParser(readFileSync(path.join(outbox, f)));
      if (parsed.text?.includes(words)) return parsed;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail saying ${words} in the outbox`);
}

const text = () => page.getByRole("textbox", { name: "Your message" });

describe("the composer", () => {
  it("opens a conversation from the unanswered watch, with the brand's signature under the reply", async () => {
    await signIn(page, server.adminEmail, server.adminPassword);
    await api("GET", "/api/v1/me");

    for (const who of ["Jeanne Durand", "Paul Martin"]) {
      const subject = `Lamp question from ${who} (${stamp})`;
      const created = await api("POST", "/api/v1/messages/inbound", {
        channel: "form",
        from: { email: `${who.split(" ")[0]?.toLowerCase()}-${stamp}@example.com`, name: who },
        subject,
        body: "Which bulb does the lamp take?",
      });
      conversations.push({ id: created.conversation_id, reference: created.reference, subject });
    }
    const first = await api("GET", `/api/v1/conversations/${conversations[0]?.id}`);
    await api("PATCH", `/api/v1/brands/${first.brand_id}`, {
      signature: `The lamp makers\nwww.example.com/${stamp}`,
    });
    await api("POST", "/api/v1/canned-answers", {
      title: `Bulb type ${stamp}`,
      language: "en",
      body:
        "Hello {{customer.first_name}},\nIt takes an E27 bulb. Your reference is {{conversation.reference}}." +
        "\n{{advisor.name}} at {{brand.name}} (order {{order.number}})",
    });

    await page.reload();
    const row = page.locator("a.conversation-row", { hasText: conversations[0]?.subject });
    await row.click();
    await page.getByRole("heading", { level: 1, name: conversations[0]?.subject }).waitFor();
    await expect(page.locator(".composer__signature-text").textContent()).resolves.toContain(
      `www.example.com/${stamp}`,
    );
  });

  it("switches to a note with n, to a reply with r, and leaves the composer with Escape", async () => {
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("n");
    await expect(page.getByRole("radio", { name: "Internal note" }).isChecked()).resolves.toBe(
      true,
    );
    await expect(text().evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
      true,
    );
    await page.keyboard.press("Escape");
    await expect(text().evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
      false,
    );
    await page.keyboard.press("r");
    await expect(page.getByRole("radio", { name: "Reply" }).isChecked()).resolves.toBe(true);
    await expect(text().evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
      true,
    );
  });

  it("finds a canned answer with / and fills its variables, leaving an unknown one visible", async () => {
    const me = await api("GET", "/api/v1/me");
    await text().fill("");
    await text().pressSequentially("/bulb");
    const option = page.getByRole("option", { name: new RegExp(`Bulb type ${stamp}`) });
    await option.waitFor();
    await page.keyboard.press("Enter");
    const filled = await text().inputValue();
    expect(filled).toContain("Hello Jeanne,");
    expect(filled).toContain(`Your reference is ${conversations[0]?.reference}.`);
    expect(filled).toContain(`${me.user.name} at `);
    expect(filled).toContain("(order {{order.number}})");
    expect(filled).not.toContain("{{customer");
  });

  it("sends the reply with a copy and a picture, then send and next opens another conversation", async () => {
    const body = `${(await text().inputValue()).replace("(order {{order.number}})", "(order 42)")}`;
    await text().fill(body);
    await page.getByRole("textbox", { name: "Cc" }).fill("not-an-address");
    await expect(page.getByRole("button", { name: "Send and next" }).isDisabled()).resolves.toBe(
      true,
    );
    await page.getByRole("textbox", { name: "Cc" }).fill("paul.copy@example.com");
    await page.getByLabel("Attach files").setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: png,
    });
    await page.getByRole("list", { name: "Files to send" }).getByText("photo.png").waitFor();
    await page.getByRole("button", { name: "Send and next" }).click();

    await page.waitForURL(
      (url) =>
        url.pathname.startsWith("/conversations/") &&
        !url.pathname.endsWith(conversations[0]?.id ?? ""),
    );
    await page.getByRole("heading", { level: 1 }).waitFor();

    const sent = await api("GET", `/api/v1/conversations/${conversations[0]?.id}`);
    // The advisor's reply, not the acknowledgement the customer's message was sent.
    const reply = sent.messages.find(
      (m: { direction: string; automated: boolean }) => m.direction === "outbound" && !m.automated,
    );
    expect(reply.body_text).toBe(body);
    expect(reply.cc).toEqual(["paul.copy@example.com"]);
    expect(reply.attachments).toMatchObject([
      { filename: "photo.png", content_type: "image/png", size: png.length },
    ]);

    // The mail leaves with the copy, the picture and the signature.
    const mail = await mailSaying("It takes an E27 bulb");
    expect(mail.text).toContain(`www.example.com/${stamp}`);
    const cc = [mail.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
    expect(cc).toEqual(["paul.copy@example.com"]);
    expect(mail.attachments.find((a) => a.filename === "photo.png")?.content.equals(png)).toBe(
      true,
    );
  }, 60_000);

  it("shows the picture in the thread, and opens it as a preview", async () => {
    await page.goto(`/conversations/${conversations[0]?.id}`);
    // The reply sent with "send and next" left no draft behind.
    await expect(text().inputValue()).resolves.toBe("");
    const thumbnail = page.getByRole("img", { name: "Preview of photo.png" });
    await thumbnail.waitFor();
    await expect
      .poll(() =>
        thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(4);
    const [popup, response] = await Promise.all([
      page.waitForEvent("popup"),
      page
        .context()
        .waitForEvent(
          "response",
          (r) => r.request().isNavigationRequest() && r.url().endsWith("/preview"),
        ),
      thumbnail.click(),
    ]);
    expect(new URL(response.url()).pathname).toMatch(/\/api\/v1\/attachments\/[^/]+\/preview$/);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(response.headers()["content-security-policy"]).toMatch(/^sandbox;/);
    await popup.close();
    await expect(
      page.locator(".message__cc").filter({ hasText: "paul.copy@example.com" }).count(),
    ).resolves.toBe(1);
  });

  it("inserts a canned answer from the picker at the caret", async () => {
    await text().fill("Before. ");
    await page.getByRole("button", { name: "Canned answers" }).click();
    await page.getByRole("combobox", { name: "Find a canned answer" }).fill("bulb type");
    await page.getByRole("option", { name: new RegExp(`Bulb type ${stamp}`) }).waitFor();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => text().inputValue())
      .toMatch(/^Before\. Hello Jeanne,\nIt takes an E27 bulb/);
  });

  it("resolves with e, asking for the reason while the customer is owed an answer", async () => {
    await page.goto(`/conversations/${conversations[1]?.id}`);
    await page.getByRole("heading", { level: 1, name: conversations[1]?.subject }).waitFor();
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("e");
    await page.getByText("This conversation has no human answer yet").waitFor();
    await page.getByRole("radio", { name: /Nothing to answer/i }).check();
    await page.getByRole("button", { name: /with this reason/ }).click();
    await expect
      .poll(async () => (await api("GET", `/api/v1/conversations/${conversations[1]?.id}`)).status)
      .toBe("resolved");
  });
});
