import { describe, expect, it } from "vitest";
import { anchorLinks, linkHost, shownHost, textUrls } from "./mail-links.ts";

describe("anchor links", () => {
  it("read each href with its visible text, inner tags dropped", () => {
    const html = `<p>Hello <A class="x" HREF="https://a.example/x">see <b>www.a.example</b></A>
      and <a href='https://b.example'>there</a> and <a href=https://c.example/>c</a></p>`;
    expect(anchorLinks(html)).toEqual([
      { href: "https://a.example/x", text: "see www.a.example" },
      { href: "https://b.example", text: "there" },
      { href: "https://c.example/", text: "c" },
    ]);
  });

  it("decode entities spammers use to hide an address", () => {
    const html = `<a href="http&#58;//evil&#x2E;example/&amp;x">www&period;bank&#46;example</a>`;
    expect(anchorLinks(html)).toEqual([
      { href: "http://evil.example/&x", text: "www.bank.example" },
    ]);
  });

  it("keep a `>` inside a quoted attribute and skip anchors without href", () => {
    const html = `<a name="top">top</a><a title="a > b" href="https://a.example">a</a>`;
    expect(anchorLinks(html)).toEqual([{ href: "https://a.example", text: "a" }]);
  });
});

describe("text URLs", () => {
  it("are found with and without a scheme, trailing punctuation dropped", () => {
    expect(textUrls("Go to https://bit.ly/abc, or www.shop.example/promo! (or not)")).toEqual([
      "https://bit.ly/abc",
      "www.shop.example/promo",
    ]);
  });
});

describe("link hosts", () => {
  it("are the host the browser would visit, userinfo tricks included", () => {
    expect(linkHost("https://www.bank.example@evil.example/login")).toBe("evil.example");
    expect(linkHost("HTTP://Shop.Example:8080/x")).toBe("shop.example");
    expect(linkHost("www.shop.example/x")).toBe("www.shop.example");
  });

  it("are none for other schemes and broken URLs", () => {
    expect(linkHost("mailto:a@b.example")).toBeNull();
    expect(linkHost("javascript:alert(1)")).toBeNull();
    expect(linkHost("http://")).toBeNull();
  });
});

describe("shown hosts", () => {
  it("are read from texts that look like an address", () => {
    expect(shownHost("https://www.bank.example/login")).toBe("www.bank.example");
    expect(shownHost("www.bank.example")).toBe("www.bank.example");
    expect(shownHost("Bank.example/login")).toBe("bank.example");
  });

  it("are none for words and file names", () => {
    expect(shownHost("Click here")).toBeNull();
    expect(shownHost("facture.pdf")).toBeNull();
    expect(shownHost("see bank.example now")).toBeNull();
  });
});
