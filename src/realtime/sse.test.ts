import { describe, expect, it } from "vitest";
import { sseComment, sseEvent, sseRetry } from "./sse.ts";

describe("the text of server-sent events", () => {
  it("writes id, event and one data line of JSON, ended by an empty line", () => {
    expect(sseEvent({ id: "e1", event: "message.created", data: { body: "a\nb" } })).toBe(
      'id: e1\nevent: message.created\ndata: {"body":"a\\nb"}\n\n',
    );
  });

  it("leaves out the id of an event that must not move the client's cursor", () => {
    expect(sseEvent({ event: "presence.changed", data: {} })).toBe(
      "event: presence.changed\ndata: {}\n\n",
    );
  });

  it("keeps a line break out of the fields", () => {
    expect(sseEvent({ id: "a\nb", event: "x\ry", data: 1 })).toBe(
      "id: a b\nevent: x y\ndata: 1\n\n",
    );
    expect(sseComment("heart\nbeat")).toBe(": heart beat\n\n");
  });

  it("says how long to wait before reconnecting", () => {
    expect(sseRetry(3000)).toBe("retry: 3000\n\n");
  });
});
