import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition.ts";

describe("Content-Disposition", () => {
  it("names a plain ASCII file once", () => {
    expect(contentDisposition("attachment", "invoice 12.pdf")).toBe(
      'attachment; filename="invoice 12.pdf"',
    );
  });

  it("gives a non-ASCII name in UTF-8 (RFC 5987) with an ASCII fallback", () => {
    expect(contentDisposition("inline", "reçu été.png")).toBe(
      "inline; filename=\"recu ete.png\"; filename*=UTF-8''re%C3%A7u%20%C3%A9t%C3%A9.png",
    );
    expect(contentDisposition("attachment", "日本.txt")).toBe(
      "attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt",
    );
  });

  it("never lets a quote or a backslash end the quoted name", () => {
    const header = contentDisposition("attachment", 'a"b\\c.txt');
    expect(header).toContain('filename="a_b_c.txt"');
    expect(header).toContain("filename*=UTF-8''a%22b%5Cc.txt");
  });
});
