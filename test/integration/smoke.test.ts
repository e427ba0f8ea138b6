import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

describe("smoke", () => {
  it("takes a message through the API and lists it", async () => {
    const res = await desk.app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: desk.as("advisor"),
      payload: {
        channel: "api",
        from: { email: "Marie@Example.fr", name: "Marie" },
        subject: "Hello",
        body: "Where is my order?",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await desk.app.inject({
      method: "GET",
      url: "/api/v1/conversations?customer_email=marie@example.fr",
      headers: desk.as("advisor"),
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
  });
});
