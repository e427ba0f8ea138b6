// `npm run screenshots`: the console's main screens, in English and French, from a desk with the
// demo story, saved as docs/screenshots/{screen}-{language}.png. The screens are listed once, in
// test/helpers/browser.ts (consoleScreens).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { consoleScreens, type Language } from "../test/helpers/browser.ts";
import { repositoryRoot } from "../test/helpers/rapport-process.ts";
import { openConsoleDesk } from "./console-desk.ts";

const folder = path.join(repositoryRoot, "docs", "screenshots");
mkdirSync(folder, { recursive: true });

const desk = await openConsoleDesk();
try {
  for (const language of ["en", "fr"] as Language[]) {
    const page = await desk.signedIn(language);
    for (const screen of consoleScreens) {
      await page.goto(screen.path(desk.facts));
      // What shows the screen is drawn is also what it is taken for: scrolled into sight if below.
      await page.locator(screen.ready).first().scrollIntoViewIfNeeded();
      // Fonts and late lists settle before the picture.
      await page.evaluate("document.fonts.ready");
      await page.waitForLoadState("networkidle");
      const file = path.join(folder, `${screen.name}-${language}.png`);
      await page.screenshot({ path: file });
      process.stdout.write(`${path.relative(repositoryRoot, file)}\n`);
    }
    await page.context().close();
  }
} finally {
  await desk.close();
}
