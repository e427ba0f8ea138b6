// The bar above every screen keeps to one line on a laptop (1280 px, English and French, an admin's
// full navigation, room left to search), gives the navigation a row of its own at 1024 px, and folds
// without overflowing on a phone (375 px).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConsoleDesk,
  consoleContext,
  type Language,
  signIn,
  startConsole,
} from "../helpers/browser.ts";

let desk: ConsoleDesk;
beforeAll(async () => {
  desk = await startConsole();
}, 120_000);
afterAll(async () => {
  await desk?.stop();
});

/** The header's rows (distinct tops of its direct children) and whether the page scrolls sideways. */
async function headerAt(width: number, language: Language) {
  const context = await consoleContext(desk.browser, desk.server.url, language, {
    viewport: { width, height: 800 },
  });
  try {
    const page = await context.newPage();
    await signIn(page, desk.server.adminEmail, desk.server.adminPassword);
    if (process.env.RAPPORT_SCREENSHOTS)
      await page.screenshot({
        path: `${process.env.RAPPORT_SCREENSHOTS}/header-${width}-${language}.png`,
      });
    return (await page.evaluate(`(() => {
      const header = document.querySelector(".app-header");
      // Items of one line share their middle (align-items: center); a new line starts lower.
      const middles = [...header.children]
        .map((c) => c.getBoundingClientRect())
        .filter((r) => r.height > 0)
        .map((r) => r.top + r.height / 2)
        .sort((a, b) => a - b);
      const rows = middles.filter((m, i) => i === 0 || m - middles[i - 1] > 8).length;
      const search = document.querySelector(".header-search");
      return {
        rows,
        overflow: document.documentElement.scrollWidth > window.innerWidth,
        headerOverflow: [...header.querySelectorAll("*")].some(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
        ),
        searchWidth: Math.round(search.getBoundingClientRect().width),
      };
    })()`)) as { rows: number; overflow: boolean; headerOverflow: boolean; searchWidth: number };
  } finally {
    await context.close();
  }
}

describe("the app header", () => {
  it.each(["en", "fr"] as const)("holds on one line at 1280 px (%s)", async (language) => {
    const header = await headerAt(1280, language);
    expect(header.rows).toBe(1);
    expect(header.searchWidth).toBeGreaterThanOrEqual(160);
    expect(header.headerOverflow).toBe(false);
  });

  it.each(["en", "fr"] as const)(
    "at 1024 px (%s), the navigation has a row of its own",
    async (language) => {
      const header = await headerAt(1024, language);
      expect(header.rows).toBe(2);
      expect(header.overflow).toBe(false);
      expect(header.headerOverflow).toBe(false);
    },
  );

  it.each(["en", "fr"] as const)(
    "folds on a phone (375 px, %s) without overflowing",
    async (language) => {
      const header = await headerAt(375, language);
      expect(header.overflow).toBe(false);
    },
  );
});
