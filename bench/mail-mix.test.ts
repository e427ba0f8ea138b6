// The ingest bench's mail mix: the same seed gives the same mails, and the shares it promises hold.
import { describe, expect, it } from "vitest";
import { parseMail } from "../src/channels/email/parse.ts";
import { mailMix } from "./mail-mix.ts";

const now = new Date("2026-12-05T12:00:00Z");
const mix = (seed: number, count = 3000) =>
  mailMix({ seed, count, to: "support@rapport.localhost", prefix: "t", now });

describe("the mail mix", () => {
  it("gives the same bytes for the same seed, and others for another seed", () => {
    const a = mix(7, 200).map((m) => m.raw.toString("base64"));
    expect(mix(7, 200).map((m) => m.raw.toString("base64"))).toEqual(a);
    expect(mix(8, 200).map((m) => m.raw.toString("base64"))).not.toEqual(a);
  });

  it("holds its shares: half French, replies, text+HTML, 5 % attachments, a few large mails", () => {
    const mails = mix(1);
    const share = (test: (m: (typeof mails)[number]) => boolean) =>
      mails.filter(test).length / mails.length;
    expect(share((m) => m.language === "fr")).toBeGreaterThan(0.4);
    expect(share((m) => m.language === "fr")).toBeLessThan(0.6);
    expect(share((m) => m.reply)).toBeGreaterThan(0.3);
    expect(share((m) => m.reply)).toBeLessThan(0.55);
    expect(share((m) => m.multipart)).toBeGreaterThan(0.5);
    expect(share((m) => m.multipart)).toBeLessThan(0.7);
    expect(share((m) => m.attachment)).toBeGreaterThan(0.04);
    expect(share((m) => m.attachment)).toBeLessThan(0.07);
    const large = mails.filter((m) => m.large).map((m) => m.raw.length);
    expect(large.length).toBeGreaterThan(0);
    expect(large.every((size) => size > 200_000 && size < 1_100_000)).toBe(true);
    const small = mails.filter((m) => !m.large);
    const average = small.reduce((sum, m) => sum + m.raw.length, 0) / small.length;
    expect(average).toBeGreaterThan(3_000);
    expect(average).toBeLessThan(5_000);
  });

  it("writes mail a parser reads as sent: threads, attachments, a dated and signed header", async () => {
    const mails = mix(3, 400);
    const reply = mails.find((m) => m.reply && m.attachment && !m.large);
    if (!reply) throw new Error("the mix has no reply with an attachment");
    const parsed = await parseMail(reply.raw);
    expect(parsed.subject).toMatch(/^re: /i);
    expect(parsed.inReplyTo).toBeTruthy();
    expect(parsed.references).toContain(parsed.inReplyTo);
    const earlier = mails.find((m) => m.raw.includes(`Message-ID: <${parsed.inReplyTo}>`));
    expect(earlier?.from).toBe(reply.from);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.from?.address).toBe(reply.from);
    expect(parsed.date?.getTime()).toBeLessThan(now.getTime());
    expect(parsed.headers.get("dkim-signature")).toHaveLength(1);
    expect(parsed.headers.get("received")).toHaveLength(2);
    expect(parsed.defects).toEqual([]);
    const french = await parseMail((mails.find((m) => m.language === "fr") ?? reply).raw);
    expect(french.text).toMatch(/Bonjour|Madame|Bonsoir|Salut/);
  });
});
