// The customer portal in Chromium: ask for a sign-in link on the portal's page, read it from the
// outbox (the mail as a relay would get it) and press the sign-in button it leads to.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { eventually } from "./eventually.ts";

/** The sign-in links mailed to `email` so far, oldest first. */
export async function mailedLinks(dataDir: string, email: string): Promise<string[]> {
  const outbox = path.join(dataDir, "outbox");
  const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")) : [];
  const links: string[] = [];
  for (const file of files.sort()) {
    const mail = await simpleParser(readFileSync(path.join(outbox, file)));
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.text.toLowerCase() : "";
    const link = /https?:\/\/\S+\/portal\/\S+\/sign-in\?token=[A-Za-z0-9_-]{43}/.exec(
      mail.text ?? "",
    );
    if (to === email.toLowerCase() && link) links.push(link[0]);
  }
  return links;
}

/**
 * On `page`, asks the portal of `slug` for a link for `email`, follows the mailed link and signs in;
 * ends on the list of the customer's requests.
 */
export async function portalSignIn(
  page: Page,
  dataDir: string,
  slug: string,
  email: string,
): Promise<void> {
  const before = (await mailedLinks(dataDir, email)).length;
  await page.goto(`/portal/${slug}`);
  await page.locator("input[type=email]").fill(email);
  await page.locator("main form button[type=submit]").click();
  await page.locator("main [role=status]").waitFor();
  const links = await eventually(async () => {
    const all = await mailedLinks(dataDir, email);
    return all.length > before ? all : null;
  });
  await page.goto(links.at(-1) as string);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL(/\/conversations/);
}
