import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { payloadOf, secretOf, signDelivery } from "./signed-delivery.ts";

const secret = secretOf(new Uint8Array(32).map((_, i) => i * 7));
const at = new Date("2026-12-06T10:00:00.000Z");

describe("a signed webhook delivery", () => {
  it("is verified by a Standard Webhooks receiver holding the secret", () => {
    const payload = payloadOf("conversation.created", at, { id: "c1", subject: "Hello" });
    const signed = signDelivery(secret, "d1", new Date(), payload);
    expect(new Webhook(secret).verify(signed.body, signed.headers)).toEqual(payload);
    expect(signed.headers["webhook-id"]).toBe("d1");
    expect(signed.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it("has a body of type, timestamp and data", () => {
    const signed = signDelivery(secret, "d1", at, payloadOf("message.created", at, { n: 1 }));
    expect(JSON.parse(signed.body)).toEqual({
      type: "message.created",
      timestamp: "2026-12-06T10:00:00.000Z",
      data: { n: 1 },
    });
    expect(signed.headers["webhook-timestamp"]).toBe(String(at.getTime() / 1000));
  });

  it("is refused under another secret or with an altered body", () => {
    const signed = signDelivery(secret, "d1", new Date(), payloadOf("webhook.test", at, {}));
    const other = secretOf(new Uint8Array(32).fill(1));
    expect(() => new Webhook(other).verify(signed.body, signed.headers)).toThrow();
    expect(() =>
      new Webhook(secret).verify(
        signed.body.replace("webhook.test", "webhook.tesT"),
        signed.headers,
      ),
    ).toThrow();
  });

  it("makes secrets in the whsec_ form", () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });
});
