// The catalogue covers every event type the code writes, and accepts payloads as they are written.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkEventData, eventTypes, isEventType } from "./catalogue.ts";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Event types written as literals: `type: "a.b"`, `? "a.b" : "c.d"` and the intake's event("a.b"). */
function writtenTypes(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(src)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:type: |\? |: |event\()"([a-z_]+\.[a-z_]+)"/g)) {
      found.add(m[1] as string);
    }
  }
  return found;
}

describe("the event catalogue", () => {
  it("names every event type the code writes", () => {
    const written = [...writtenTypes()];
    expect(written.length).toBeGreaterThan(20);
    expect(written.filter((t) => !isEventType(t))).toEqual([]);
  });

  it("accepts payloads as today's writers store them, actor_name included", () => {
    expect(
      checkEventData("interaction.logged", {
        actor_name: "Ada",
        message_id: "m1",
        channel: "phone",
        direction: "inbound",
        answering: false,
      }).success,
    ).toBe(true);
    expect(checkEventData("conversation.marked_spam", null).success).toBe(true);
    expect(checkEventData("team.created", { actor_name: "Alex" }).success).toBe(true);
  });

  it("refuses a payload without what its readers rely on", () => {
    expect(checkEventData("reply.written", { actor_name: "Ada" }).success).toBe(false);
    expect(checkEventData("message.received", { message_id: "m1" }).success).toBe(false);
  });

  it("lists each type once", () => {
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
  });
});
