// An admin connects an existing IMAP mailbox in the console, against a real Dovecot: a wrong
// password shows as a failing connection with its reason (never the password), the password
// written again (it is never shown) brings the mailbox to "waiting for mail", and its mail arrives.
import { ImapFlow } from "imapflow";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openConsole, signIn } from "../helpers/browser.ts";
import { type Dovecot, dovecotAvailable, startDovecot } from "../helpers/dovecot.ts";
import { startTestServer } from "../helpers/server.ts";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const here = dovecotAvailable();
let server: TestServer;
let dovecot: Dovecot;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!here) return;
  [server, dovecot] = await Promise.all([startTestServer(), startDovecot()]);
  ({ browser, page } = await openConsole(server.url));
  await signIn(page, server.adminEmail, server.adminPassword);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dovecot?.stop();
});

/** The list as it is now: the screen is read again until the mailbox's row says `text`. */
async function rowSays(text: RegExp) {
  for (let look = 0; look < 60; look++) {
    const row = page.getByRole("row", { name: new RegExp(dovecot.user) });
    if (text.test((await row.textContent()) ?? "")) return (await row.textContent()) ?? "";
    await new Promise((r) => setTimeout(r, 500));
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Mailboxes" }).waitFor();
  }
  throw new Error(`the mailbox's row never said ${text}`);
}

describe.skipIf(!here)("the mailboxes screen", () => {
  it("connects a mailbox, shows why it fails, and takes its mail once the password is right", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("link", { name: /^Mailboxes/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mailboxes" }).waitFor();
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page.getByLabel("IMAP server").fill(dovecot.host);
    await page.getByLabel("Port").fill(String(dovecot.port));
    await page.getByLabel("TLS").uncheck();
    await page.getByLabel("User name").fill(dovecot.user);
    await page.getByLabel("Password").fill("wrong-password-9876");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: dovecot.user }).waitFor();

    const failing = await rowSays(/Failing/);
    expect(failing).toContain("refused the user name or password");
    expect(failing).not.toContain("wrong-password-9876");

    await page.getByRole("button", { name: new RegExp(`^Edit ${dovecot.user}`) }).click();
    expect(await page.getByLabel("Password").inputValue()).toBe("");
    await page.getByLabel("Password").fill(dovecot.password);
    await page.getByRole("button", { name: "Save" }).click();
    await rowSays(/Connected, waiting for mail/);

    const imap = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await imap.connect();
    await imap.append(
      "INBOX",
      "From: Lou <lou@customer.test>\r\nTo: old@shop.test\r\nSubject: Ma commande\r\nMessage-ID: <e2e-imap@customer.test>\r\n\r\nBonjour, où en est ma commande ?\r\n",
    );
    await imap.logout();
    await expect
      .poll(
        async () =>
          page.evaluate(async () => {
            const answer = await fetch("/api/v1/search?q=commande");
            return answer.ok ? await answer.text() : "";
          }),
        { timeout: 30_000, interval: 500 },
      )
      .toContain("Ma commande");
  });
});
