// The routing story on the conversation page in a real Chromium: why the conversation went to the
// backup (the advisor away), in English and French; the urgent words; the advisor's click that
// escalates to the team's manager, with the keyboard; the assignee picker limited to the team.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import { type ConsoleDesk, pageApi, signIn, startConsole } from "../helpers/browser.ts";
import type { TestServer } from "../helpers/server.ts";

let desk: ConsoleDesk;
let server: TestServer;
let page: Page;
const stamp = Date.now();
const ids: Record<string, string> = {};

beforeAll(async () => {
  desk = await startConsole();
  ({ server, page } = desk);
}, 180_000);
afterAll(() => desk?.stop());

const api = pageApi(() => page);

async function user(key: string, name: string, role = "advisor") {
  ids[key] = (
    await api("POST", "/api/v1/users", { email: `${key}-${stamp}@rapport.test`, name, role })
  ).id;
}

describe("routing on the conversation page", () => {
  it("says the advisor is away and the backup answers, in English and in French", async () => {
    await signIn(page, server.adminEmail, server.adminPassword);
    await api("GET", "/api/v1/me");
    await user("paul", "Paul Aubert");
    await user("lea", "Léa Roux");
    await user("outsider", "Olga Outsider");
    await user("marc", "Marc Petit", "manager");
    const team = await api("POST", "/api/v1/teams", {
      name: `Lamps ${stamp}`,
      manager_id: ids.marc,
      member_ids: [ids.lea],
    });
    const first = await api("POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: `claire-${stamp}@example.com`, name: "Claire" },
      subject: `Hello ${stamp}`,
      body: "A first word.",
    });
    const opened = await api("GET", `/api/v1/conversations/${first.conversation_id}`);
    await api("PATCH", `/api/v1/brands/${opened.brand_id}`, { team_id: team.id });
    await api("PATCH", `/api/v1/customers/${first.customer_id}`, {
      advisor_id: ids.paul,
      backup_id: ids.lea,
    });
    await api("PATCH", `/api/v1/users/${ids.paul}`, {
      out_of_office: { from: "2026-01-01T00:00:00Z", until: "2099-01-04T09:00:00Z" },
    });
    const routed = await api("POST", "/api/v1/messages/inbound", {
      channel: "form",
      from: { email: `claire-${stamp}@example.com`, name: "Claire" },
      subject: `Broken lamp ${stamp}`,
      body: "The lamp arrived broken and I need it tonight, it is urgent.",
    });
    ids.conversation = routed.conversation_id;
    await page.goto(`/conversations/${routed.conversation_id}`);
    const reason = page.getByTestId("routing-reason");
    await reason.waitFor();
    expect(await reason.textContent()).toMatch(
      /^Paul Aubert is away until .*2099.*\. Léa Roux, the backup, will answer\.$/,
    );
    expect(await page.getByTestId("urgency-words").textContent()).toBe(
      "Made urgent by the customer's words: “urgent”, “tonight”.",
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.evaluate(`localStorage.setItem("rapport.language", "fr")`);
    await page.reload();
    await page.getByTestId("routing-reason").waitFor();
    expect(await page.getByTestId("routing-reason").textContent()).toMatch(
      /^Paul Aubert : absence jusqu’au .*2099.*\. Léa Roux, en suppléance, répondra\.$/,
    );
    await page.evaluate(`localStorage.setItem("rapport.language", "en")`);
    await page.reload();
  });

  it("offers the team's people and the managers as assignees, not another brand's advisors", async () => {
    const picker = page.getByLabel("Assigned advisor", { exact: true });
    await picker.waitFor();
    const names = await picker.locator("option").allTextContents();
    expect(names).toContain("Léa Roux");
    expect(names).toContain("Marc Petit");
    expect(names).not.toContain("Olga Outsider");
  });

  it("escalates to the manager with the keyboard, and says so", async () => {
    const button = page.getByRole("button", { name: "Escalate to the manager" });
    await button.focus();
    await page.keyboard.press("Enter");
    const escalated = page.getByTestId("escalation-reason");
    await escalated.waitFor();
    expect(await escalated.textContent()).toBe(
      "Escalated by an advisor to Marc Petit, the manager.",
    );
    const after = await api("GET", `/api/v1/conversations/${ids.conversation}`);
    expect(after.assignee_id).toBe(ids.marc);
    expect(
      after.messages.some(
        (m: { automated: boolean; body_text: string }) =>
          m.automated && m.body_text.includes("Marc Petit"),
      ),
    ).toBe(true);
  });
});
