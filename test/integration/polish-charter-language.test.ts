// The public charter page in the reader's language: French figures, dates and typography when the
// brand writes French or the reader asks for it, English otherwise.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let slug: string;
beforeAll(async () => {
  desk = await startDesk();
  const [brand] = await desk.booted.rt.db.select().from(brands).limit(1);
  if (!brand) throw new Error("no brand");
  slug = brand.slug;
  await desk.booted.rt.db
    .update(brands)
    .set({ charterPublic: true, language: "fr" })
    .where(eq(brands.id, brand.id));
  await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("advisor"),
    payload: { channel: "form", from: { email: "lea@example.fr" }, body: "Bonjour" },
  });
});
afterAll(async () => {
  await desk?.close();
});

const page = (query: string, headers: Record<string, string> = {}) =>
  desk.app.inject({ method: "GET", url: `/charter/${slug}${query}`, headers });
const period = "?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z";

describe("the public charter page's language", () => {
  it("writes the brand's French: channel names, dates and the narrow space before a colon", async () => {
    const res = await page(period);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-language"]).toBe("fr");
    expect(res.headers.vary).toMatch(/accept-language/i);
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain("Période\u202f:");
    expect(res.body).toContain("1–30 novembre 2026");
    expect(res.body).toContain("Tous les canaux");
    expect(res.body).not.toContain("2026-11-01 →");
  });

  it("names the channels in French and writes percentages the French way", async () => {
    const res = await page("");
    expect(res.body).toContain(">Formulaire web<");
    expect(res.body).not.toContain(">form<");
    expect(res.body).toMatch(/\d[\u00a0\u202f]%/);
  });

  it("follows the reader's browser when it asks for English", async () => {
    const res = await page(period, { "accept-language": "en-GB,en;q=0.9,fr;q=0.5" });
    expect(res.headers["content-language"]).toBe("en");
    expect(res.body).toContain("our commitment to answer");
    expect(res.body).toContain("Period: <time");
    expect(res.body).toMatch(/November 1\s–\s30, 2026/);
  });

  it("lets ?lang= override the browser", async () => {
    const res = await page(`${period}&lang=fr`, { "accept-language": "en" });
    expect(res.headers["content-language"]).toBe("fr");
    expect(res.body).toContain("notre engagement de réponse");
  });
});
