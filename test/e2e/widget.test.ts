// The chat widget in a real Chromium: a test site on another port embeds the script; a visitor
// writes; the advisor, signed in with the console open in a second browser context (so online),
// sees it and answers from the console; the visitor sees the answer without reloading. With nobody
// online, the widget says so, asks for an email, the answer leaves by mail (the outbox) and the
// customer's mail reply, over SMTP, lands in the same conversation.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import { consoleContext, launchChromium, pageApi, signIn } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSmtp } from "../helpers/smtp-client.ts";

let server: TestServer;
let browser: Browser;
let site: http.Server;
let siteUrl: string;
let advisor: BrowserContext;
let advisorPage: Page;
const api = pageApi(() => advisorPage);
const stamp = Date.now();

/** A shop's page on its own origin that embeds the widget of `brand`. */
function sitePage(brand: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title>
<style>button { background: red !important; font-size: 40px !important; }</style></head>
<body><main><h1>Lamps and shades</h1><p>Our shop.</p></main>
<script src="${server.url}/widget.js" data-brand="${brand}" async></script></body></html>`;
}

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  browser = await launchChromium();
  site = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://site.test");
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(
      sitePage(url.searchParams.get("brand") ?? "support", url.searchParams.get("lang") ?? "en"),
    );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  advisor = await consoleContext(browser, server.url, "en");
  advisorPage = await advisor.newPage();
  await signIn(advisorPage, server.adminEmail, server.adminPassword);
  const me = (await api("GET", "/api/v1/me")).user;
  // The support brand answers every hour of every day, by a team the admin belongs to.
  const always = Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
      d,
      [{ start: "00:00", end: "24:00" }],
    ]),
  );
  const calendar = await api("POST", "/api/v1/calendars", {
    name: "Always",
    time_zone: "Europe/Paris",
    weekly_hours: always,
  });
  const team = await api("POST", "/api/v1/teams", {
    name: "Chat team",
    manager_id: me.id,
    member_ids: [me.id],
  });
  const brands = await api("GET", "/api/v1/brands");
  const support = brands.items.find((b: { slug: string }) => b.slug === "support");
  await api("PATCH", `/api/v1/brands/${support.id}`, {
    calendar_id: calendar.id,
    team_id: team.id,
  });
  // The advisor's open console holds its live stream, which keeps them online on every node.
  await advisorPage.goto("/");
  for (let i = 0; i < 100; i++) {
    const answer = await fetch(`${server.url}/api/v1/widget/support/config`);
    const config = (await answer.json()) as { online: boolean };
    if (config.online) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // A second brand with no team: nobody is ever online for it.
  await api("POST", "/api/v1/brands", {
    name: "Atelier",
    slug: "atelier",
    addresses: ["hello@atelier.test"],
    calendar_id: calendar.id,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.stop();
});

async function visitorOn(brand: string, lang: string, locale: string) {
  const context = await browser.newContext({ locale });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(`${siteUrl}/?brand=${brand}&lang=${lang}`);
  const frame = page.frameLocator("iframe");
  return { context, page, frame };
}

async function mailSaying(words: string) {
  const outbox = path.join(server.dataDir, "outbox");
  for (let i = 0; i < 300; i++) {
    const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith(".eml")) : [];
    for (const f of files) {
      const raw = readFileSync(path.join(outbox, f));
      const parsed = await simpleParser(raw);
      if (parsed.text?.includes(words)) return parsed;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail saying ${words} in the outbox`);
}

const log = (frame: FrameLocator) => frame.getByRole("log", { name: "Messages" });

describe("the chat widget", () => {
  it("is answered live by an advisor whose console is open", async () => {
    const visitor = await visitorOn("support", "en", "en-GB");
    try {
      const launcher = visitor.frame.getByRole("button", { name: "Chat with Support" });
      // The frame keeps the host page's styles out: its launcher is not the page's red.
      await launcher.waitFor();
      await expect(
        launcher.evaluate((b) => b.ownerDocument.defaultView?.getComputedStyle(b).backgroundColor),
      ).resolves.not.toBe("rgb(255, 0, 0)");
      // Keyboard only: Tab from the page reaches the launcher, Enter opens the dialog.
      await launcher.focus();
      await visitor.page.keyboard.press("Enter");
      const dialog = visitor.frame.getByRole("dialog", { name: "Support" });
      await dialog.waitFor();
      await dialog.getByText(/^A person answers you by /).waitFor();
      await dialog.getByText("Someone is here now", { exact: false }).waitFor();
      // Escape closes it and gives the focus back to the launcher.
      await visitor.page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await expect(launcher.evaluate((b) => b === b.ownerDocument.activeElement)).resolves.toBe(
        true,
      );
      await visitor.page.keyboard.press("Enter");

      const words = `Is the brass lamp in stock? ${stamp}`;
      await visitor.frame.getByRole("textbox", { name: "Your message" }).fill(words);
      await visitor.page.keyboard.press("Enter");
      await log(visitor.frame).getByText("Sent").waitFor();

      // The advisor's inbox, open all along, shows it without a reload; they answer with the composer.
      const row = advisorPage.locator("a.conversation-row", { hasText: String(stamp) });
      await row.waitFor();
      await row.click();
      await advisorPage.locator(".thread").getByText(words).waitFor();
      await advisorPage.getByText("Chat", { exact: true }).first().waitFor();
      await advisorPage.getByText("Shown in the visitor's chat", { exact: false }).waitFor();
      await advisorPage.getByRole("textbox", { name: "Your message" }).fill("Yes, two left.");
      await advisorPage.getByRole("button", { name: "Send reply" }).click();
      await advisorPage.getByText("Reply sent.").waitFor();

      // The visitor sees it without reloading, named by who wrote it.
      await log(visitor.frame).getByText("Yes, two left.").waitFor();
    } finally {
      await visitor.context.close();
    }
  });

  it("says nobody is online, asks for an email, and the answer goes and comes back by mail", async () => {
    const visitor = await visitorOn("atelier", "fr", "fr-FR");
    const email = `claire-${stamp}@example.com`;
    const words = `Ma lampe ne s'allume plus ${stamp}`;
    try {
      await visitor.frame.getByRole("button", { name: "Discuter avec Atelier" }).click();
      const dialog = visitor.frame.getByRole("dialog", { name: "Atelier" });
      await dialog.getByText("Personne n’est en ligne en ce moment", { exact: false }).waitFor();
      await dialog.getByRole("textbox", { name: "Votre message" }).fill(words);
      await dialog.getByRole("button", { name: "Envoyer" }).click();
      // Refused without the email, then sent with it.
      await dialog.getByText("Indiquez votre e-mail", { exact: false }).waitFor();
      await dialog.getByRole("textbox", { name: "Votre e-mail (obligatoire)" }).fill(email);
      await dialog.getByRole("textbox", { name: "Votre message" }).fill(words);
      await dialog.getByRole("button", { name: "Envoyer" }).click();
      await log(visitor.frame).getByText("Envoyé").waitFor();
    } finally {
      // The visitor leaves the site.
      await visitor.context.close();
    }

    const found = await api("GET", `/api/v1/conversations?q=${stamp}&limit=5`);
    const conversation = found.items.find((c: { channel: string }) => c.channel === "chat");
    const id = conversation.id as string;
    // Their widget is gone: the reply leaves by mail.
    let reply = await api("POST", `/api/v1/conversations/${id}/messages`, {
      kind: "reply",
      body: `Avez-vous essayé une autre ampoule ? ${stamp}`,
    });
    for (let i = 0; i < 50 && reply.channel !== "email"; i++) {
      // The widget's stream may still be closing: a reply written meanwhile is shown in the widget.
      await new Promise((r) => setTimeout(r, 100));
      reply = await api("POST", `/api/v1/conversations/${id}/messages`, {
        kind: "reply",
        body: `Avez-vous essayé une autre ampoule ? ${stamp}`,
      });
    }
    expect(reply.channel).toBe("email");
    const mail = await mailSaying(`Avez-vous essayé une autre ampoule ? ${stamp}`);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(email);
    const replyTo = mail.replyTo && "value" in mail.replyTo ? mail.replyTo.value[0]?.address : "";

    // The customer answers the mail, over SMTP, to the Reply-To it carried.
    const smtp = await openSmtp(server.smtpPort);
    try {
      const raw = [
        `From: Claire <${email}>`,
        `To: ${replyTo}`,
        `Subject: Re: ${mail.subject}`,
        `Date: ${new Date().toUTCString()}`,
        `Message-ID: <answer-${stamp}@example.com>`,
        `In-Reply-To: ${mail.messageId}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        `Oui, toujours rien. ${stamp}`,
        "",
      ].join("\r\n");
      const answer = await smtp.send({ from: email, to: [replyTo ?? ""] }, raw);
      expect(answer.code).toBe(250);
    } finally {
      smtp.close();
    }
    const thread = await api("GET", `/api/v1/conversations/${id}`);
    const bodies = thread.messages.map((m: { body_text: string }) => m.body_text);
    expect(bodies.some((b: string) => b.includes(`Oui, toujours rien. ${stamp}`))).toBe(true);
  });

  it.each([
    ["en", "Chat with Support", "Your message"],
    ["fr", "Discuter avec Support", "Votre message"],
  ])(
    "has no serious accessibility problem, closed and open (%s)",
    async (lang, launcherName, field) => {
      const context = await browser.newContext({ locale: lang === "fr" ? "fr-FR" : "en-GB" });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/widget/frame?brand=support&lang=${lang}`);
        const launcher = page.getByRole("button", { name: launcherName });
        await launcher.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await launcher.click();
        await page.getByRole("textbox", { name: field }).fill(`Accessibility ${lang} ${stamp}`);
        await page.keyboard.press("Enter");
        await page.getByRole("log").getByText(`Accessibility ${lang} ${stamp}`).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
