// The main flow walked with the keyboard alone, as an advisor who never touches the mouse: sign in,
// move to a conversation with j and open it with Enter, come back with the browser's Back to the
// row left, answer with r and Ctrl+Enter, list the shortcuts with ?, and find a customer with / and
// the arrows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleDesk, startConsole } from "../helpers/browser.ts";

let desk: ConsoleDesk;

beforeAll(async () => {
  desk = await startConsole();
}, 180_000);

afterAll(async () => {
  await desk?.stop();
});

/** A short description of the element holding the focus (tag, and the address of a link). */
const focused = () =>
  desk.page.evaluate(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "nothing";
    const href = element.getAttribute("href");
    const type = element.getAttribute("type");
    return element.tagName.toLowerCase() + (href ? " " + href : "") + (type ? " " + type : "");
  })()`) as Promise<string>;

/** Tabs forward until the focus is on the element `matches` describes; fails after 20 stops. */
async function tabTo(matches: (description: string) => boolean) {
  for (let stop = 0; stop < 20; stop++) {
    if (matches(await focused())) return;
    await desk.page.keyboard.press("Tab");
  }
  throw new Error(`the keyboard never reached the element (last: ${await focused()})`);
}

describe("the main flow, keyboard only", () => {
  it("signs in with the keyboard", async () => {
    const { page, server } = desk;
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await tabTo((d) => d === "input email");
    await page.keyboard.type(server.adminEmail);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("input password");
    await page.keyboard.type(server.adminPassword);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
  });

  let opened = "";

  it("moves to a conversation with j and opens it with Enter", async () => {
    const { page } = desk;
    const rows = page.locator("a.conversation-row");
    await rows.first().waitFor();
    await page.keyboard.press("j");
    await expect.poll(() => rows.first().getAttribute("aria-current")).toBe("true");
    opened = (await rows.first().getAttribute("href")) ?? "";
    expect(opened).toMatch(/^\/conversations\//);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${opened}`);
    await page.locator(".thread").waitFor();
  });

  it("comes back with the browser's Back to the row it left, and opens it again with Enter", async () => {
    const { page } = desk;
    // Alt+Left is the browser's own key, which headless Chromium leaves to a window it has not.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await expect.poll(focused, { timeout: 15_000 }).toBe(`a ${opened}`);
    // Enter opens it again from there.
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${opened}`);
    await page.locator(".thread").waitFor();
  });

  it("answers with r, typing, and Ctrl+Enter, and the customer panel follows", async () => {
    const { page } = desk;
    const words = `Thank you, it leaves today (${Date.now()}).`;
    // The customer panel beside the thread says when the customer was last in touch.
    const lastContact = page
      .locator(".panel .profile__row", { hasText: "Last contact" })
      .locator("time");
    const before = await lastContact.getAttribute("datetime");
    await page.keyboard.press("r");
    expect(await focused()).toBe("textarea");
    await page.keyboard.type(words);
    await page.keyboard.press("Control+Enter");
    await page.locator(".thread").getByText(words).waitFor();
    // The panel reads the customer again at once: the reply is the last contact now.
    await expect
      .poll(() => lastContact.getAttribute("datetime"), { timeout: 5_000 })
      .not.toBe(before);
  });

  it("lists the shortcuts with ? and closes the list with Escape", async () => {
    const { page } = desk;
    await page.keyboard.press("Escape"); // out of the composer
    await page.keyboard.press("Shift+Slash");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("Write a reply");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  it("finds a customer with /, the arrows and Enter", async () => {
    const { page } = desk;
    await page.keyboard.press("/");
    expect(await focused()).toMatch(/^input/);
    await page.keyboard.type("Holloway");
    await page
      .getByRole("option", { name: /Derek Holloway/ })
      .first()
      .waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Derek Holloway/ }).waitFor();
  });
});
