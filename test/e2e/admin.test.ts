// What an admin does in the settings and reports screens, in a real Chromium against a real server
// with the demo data: create a team, a calendar with a holiday and an SLA policy without the API,
// change a brand's signature, write a canned answer in French, and read the reports as charts.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleDesk, signIn, startConsole, WAIT_MS } from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

const SCREENSHOTS = new URL("../../docs/screenshots/", import.meta.url);

let desk: ConsoleDesk;
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  desk = await startConsole();
  ({ server, browser, page } = desk);
  await signIn(page, server.adminEmail, server.adminPassword);
}, 180_000);

afterAll(() => desk?.stop());

/** What the API holds now, read as the signed-in admin. */
const apiList = (resource: string) =>
  page.evaluate(
    async (path) =>
      ((await (await fetch(path)).json()) as { items: Array<Record<string, unknown>> }).items,
    `/api/v1/${resource}?limit=100`,
  );

const openSection = async (name: string) => {
  await page.getByRole("navigation").getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(`^${name}`) }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
};

const savedNotice = () => page.getByRole("status").textContent();

describe("the settings screens", () => {
  it("list, for an admin, every section and the reports", async () => {
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    for (const section of [
      "Brands",
      "Users",
      "Teams",
      "Calendars",
      "SLA policies",
      "Canned answers",
      "Mailboxes",
      "Workspace",
      "Organisations",
      "Reports",
    ]) {
      expect(
        await page
          .getByRole("main")
          .getByRole("link", { name: new RegExp(`^${section}`) })
          .count(),
      ).toBe(1);
    }
  });

  it("create a team with its manager and a member", async () => {
    await openSection("Teams");
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page.getByLabel("Name", { exact: true }).fill("Night shift");
    const members = page.getByRole("group", { name: "Members" }).getByRole("checkbox");
    await members.first().check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(savedNotice).toContain("Night shift");
    await page.getByRole("cell", { name: "Night shift", exact: true }).waitFor();
    const teams = await apiList("teams");
    const team = teams.find((t) => t.name === "Night shift");
    expect(team?.manager_id).toBeTruthy();
    expect(team?.member_ids).toHaveLength(1);
  });

  it("create a calendar with a holiday, after showing the API's problem with a bad time", async () => {
    await openSection("Calendars");
    await page.getByRole("button", { name: "New", exact: true }).click();
    await page.getByLabel("Name", { exact: true }).fill("Lyon workshop");
    await page.getByLabel("Monday").fill("25:00-26:00");
    await page.getByLabel("Holiday", { exact: true }).fill("2026-12-25");
    await page.getByRole("button", { name: "Add holiday" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Times are written HH:MM, from 00:00 to 24:00.").waitFor();
    expect(await page.getByLabel("Monday").getAttribute("aria-invalid")).toBe("true");
    expect((await apiList("calendars")).some((c) => c.name === "Lyon workshop")).toBe(false);

    await page.getByLabel("Monday").fill("09:00-12:00, 13:00-17:00");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(savedNotice).toContain("Lyon workshop");
    const row = page.getByRole("row", { name: /Lyon workshop/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("25 Dec 2026");
    const calendar = (await apiList("calendars")).find((c) => c.name === "Lyon workshop");
    await page.screenshot({ path: new URL("settings.png", SCREENSHOTS).pathname, fullPage: true });
    expect(calendar?.holidays).toEqual(["2026-12-25"]);
    expect((calendar?.weekly_hours as Record<string, unknown> | undefined)?.mon).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "17:00" },
    ]);
  });

  it("create an SLA policy for urgent conversations, and Escape cancels an edit", async () => {
    await openSection("SLA policies");
    const create = page.getByRole("button", { name: "New", exact: true });
    await create.click();
    await page.getByLabel("Name", { exact: true }).press("Escape");
    await page.getByRole("form").waitFor({ state: "detached" });
    await expect.poll(() => create.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);

    await create.click();
    await page.getByLabel("Name", { exact: true }).fill("Urgent within the half hour");
    await page.getByLabel("Priority").selectOption("urgent");
    const first = page.getByRole("group", { name: "First response" });
    await first.getByLabel("Hours").fill("0");
    await first.getByLabel("Minutes").fill("30");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(savedNotice).toContain("Urgent within the half hour");
    const row = page.getByRole("row", { name: /Urgent within the half hour/ });
    expect(await row.textContent()).toContain("30 min");
    const policy = (await apiList("sla-policies")).find(
      (p) => p.name === "Urgent within the half hour",
    );
    expect(policy).toMatchObject({ priority: "urgent", first_response_minutes: 30 });
  });

  it("change a brand's signature", async () => {
    await openSection("Brands");
    const [brand] = await apiList("brands");
    const name = String(brand?.name);
    await page.getByRole("button", { name: `Edit ${name}` }).click();
    await page.getByLabel("Signature").fill("The Rapport team\nWe answer within the day.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(savedNotice).toContain(name);
    const saved = (await apiList("brands")).find((b) => b.id === brand?.id);
    expect(saved?.signature).toBe("The Rapport team\nWe answer within the day.");
  });

  it("write a canned answer in French, with the console in French", async () => {
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("navigation").getByRole("link", { name: "Réglages", exact: true }).click();
    await page.getByRole("link", { name: /^Réponses types/ }).click();
    await page.getByRole("button", { name: "Nouveau", exact: true }).click();
    await page.getByLabel("Titre").fill("Colis en route");
    await page.getByLabel("Langue", { exact: true }).selectOption("fr");
    await page
      .getByLabel("Texte")
      .fill("Bonjour {{customer.name}},\n\nVotre colis est en route.\n\n{{advisor.name}}");
    expect(await page.getByText("le nom du client").count()).toBe(1);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(savedNotice).toContain("« Colis en route » enregistré.");
    const answer = (await apiList("canned-answers")).find((a) => a.title === "Colis en route");
    expect(answer).toMatchObject({ language: "fr" });
    const row = page.getByRole("cell", { name: "Colis en route", exact: true });
    await page.getByLabel("Afficher").selectOption("en");
    await row.waitFor({ state: "detached" });
    await page.getByLabel("Afficher").selectOption("fr");
    await row.waitFor();
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  });
});

describe("the reports screen", () => {
  it("shows the workload and the charter as charts with their figures", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
    const workload = page.getByRole("img", { name: /open conversations/ });
    await workload.waitFor();
    expect(await workload.evaluate((canvas) => canvas.tagName)).toBe("CANVAS");
    expect(await workload.evaluate((c) => c.getBoundingClientRect().width)).toBeGreaterThan(0);
    const charter = page.getByRole("img", { name: /conversations answered/ });
    await charter.waitFor();
    // The figures behind the chart, for those who do not see it.
    await page.getByRole("table", { name: "Workload" }).waitFor();
    expect(
      await page.getByRole("table", { name: "Workload" }).getByRole("row").count(),
    ).toBeGreaterThan(1);
    await page.screenshot({ path: new URL("reports.png", SCREENSHOTS).pathname, fullPage: true });
  });
});

describe("what a manager sees", () => {
  it("lists only the teams and organisations among the settings, and no team they do not manage to edit", async () => {
    const created = await page.evaluate(async () => {
      const me = (await (await fetch("/api/v1/me")).json()) as { csrf_token: string };
      const res = await fetch("/api/v1/users", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrf_token },
        body: JSON.stringify({
          email: "mina.manager@rapport.test",
          name: "Mina Manager",
          role: "manager",
          password: "a long enough password",
        }),
      });
      return res.status;
    });
    expect(created).toBe(201);
    const context = await browser.newContext({ baseURL: server.url, locale: "en-GB" });
    await context.addInitScript({
      content: `localStorage.setItem("rapport.language", "en");`,
    });
    context.setDefaultTimeout(WAIT_MS);
    const manager = await context.newPage();
    await manager.goto("/");
    await manager.getByLabel("Email").fill("mina.manager@rapport.test");
    await manager.getByLabel("Password").fill("a long enough password");
    await manager.getByRole("button", { name: "Sign in" }).click();
    await manager.getByRole("link", { name: "Settings", exact: true }).click();
    await manager.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    const links = await manager.getByRole("main").getByRole("link").allTextContents();
    expect(links).toHaveLength(4);
    expect(links.some((l) => l.startsWith("Teams"))).toBe(true);
    expect(links.some((l) => l.startsWith("Organisations"))).toBe(true);
    expect(links.some((l) => l.startsWith("Reports"))).toBe(true);
    // Their API tokens are here rather than in the bar, which holds the settings and reports.
    expect(links.some((l) => l.startsWith("API tokens"))).toBe(true);
    expect(links.some((l) => l.startsWith("Brands"))).toBe(false);
    await manager.getByRole("link", { name: /^Teams/ }).click();
    await manager.getByRole("cell", { name: "Night shift", exact: true }).waitFor();
    expect(await manager.getByRole("button", { name: "New", exact: true }).count()).toBe(0);
    expect(await manager.getByRole("button", { name: /^Edit / }).count()).toBe(0);
    await manager.goto("/settings/brands");
    await manager.getByRole("heading", { level: 1 }).waitFor();
    expect(await manager.getByRole("heading", { level: 1, name: "Brands" }).count()).toBe(0);
    await context.close();
  });
});
