import { describe, expect, it } from "vitest";
import { checkWebhookUrl } from "./webhook-url.ts";

describe("the URL of a webhook", () => {
  it.each([
    ["https://hooks.example.com/rapport", "hooks.example.com", 443, false],
    ["http://hooks.example.com/x?y=1", "hooks.example.com", 80, false],
    ["https://hooks.example.com:8443/x", "hooks.example.com", 8443, false],
    ["http://93.184.215.14:8080/", "93.184.215.14", 8080, true],
    ["https://[2606:4700::1111]/in", "2606:4700::1111", 443, true],
  ])("%s is sent to %s port %s", (url, host, port, literal) => {
    const check = checkWebhookUrl(url);
    expect(check.ok && check.target).toMatchObject({ host, port, literal });
  });

  it.each([
    ["ftp://hooks.example.com/", "must start with https:// or http://"],
    ["file:///etc/passwd", "must start with https:// or http://"],
    ["javascript:alert(1)", "must start with https:// or http://"],
    ["https://user:pw@hooks.example.com/", "must not carry a user name or password"],
    ["hooks.example.com/x", "is not an absolute URL such as https://example.com/hooks"],
    [`https://example.com/${"a".repeat(2000)}`, "is longer than 2000 characters"],
    ["http://example.com:0/", "has port 0"],
  ])("%s is refused: %s", (url, why) => {
    expect(checkWebhookUrl(url)).toEqual({ ok: false, why });
  });

  it("drops the fragment, which never reaches the receiver", () => {
    const check = checkWebhookUrl("https://hooks.example.com/a#secret");
    expect(check.ok && check.target.url).toBe("https://hooks.example.com/a");
  });
});
