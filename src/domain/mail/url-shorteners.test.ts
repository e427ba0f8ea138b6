import { describe, expect, it } from "vitest";
import { urlShortener } from "./url-shorteners.ts";

describe("URL shorteners", () => {
  it("are recognised by host, with or without a sub-domain", () => {
    expect(urlShortener("bit.ly")).toBe("bit.ly");
    expect(urlShortener("WWW.TinyURL.com")).toBe("tinyurl.com");
    expect(urlShortener("t.co")).toBe("t.co");
    expect(urlShortener("cutt.ly.")).toBe("cutt.ly");
  });

  it("are not confused with hosts that only end alike", () => {
    expect(urlShortener("microsoft.co")).toBeNull();
    expect(urlShortener("habit.ly.example")).toBeNull();
    expect(urlShortener("notbit.ly")).toBeNull();
  });
});
