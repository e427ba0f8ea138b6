import { describe, expect, it } from "vitest";
import { eventTypes } from "./catalogue.ts";
import {
  publicIdOf,
  publicSourceTypes,
  publicTypesOf,
  resourceOf,
  rowIdOf,
} from "./public-events.ts";

describe("the public events a stored event gives", () => {
  it.each([
    ["conversation.created", {}, ["conversation.created"]],
    ["message.received", {}, ["message.created"]],
    ["reply.written", {}, ["message.created"]],
    ["note.added", {}, ["message.created"]],
    ["interaction.logged", {}, ["message.created"]],
    ["acknowledgement.queued", {}, ["message.created"]],
    ["conversation.updated", { status: "open" }, ["conversation.updated"]],
    ["conversation.updated", { tags: ["vip"] }, ["conversation.updated"]],
    [
      "conversation.updated",
      { status: "resolved" },
      ["conversation.updated", "conversation.resolved"],
    ],
    [
      "conversation.status_changed",
      { status: "resolved" },
      ["conversation.updated", "conversation.resolved"],
    ],
    ["conversation.status_changed", { status: "open" }, ["conversation.updated"]],
    ["conversation.routed", null, ["conversation.updated"]],
    ["conversation.transfer_accepted", null, ["conversation.updated"]],
    ["conversation.snoozed", null, ["conversation.updated"]],
    ["conversation.marked_spam", null, ["conversation.updated"]],
    ["conversation.priority_raised", null, ["conversation.updated"]],
    ["conversation.escalated", null, ["conversation.updated"]],
    ["sla.warning", null, ["conversation.updated"]],
    ["customer.updated", { name: "Zoé" }, ["customer.updated"]],
    ["customer.merged", null, ["customer.updated"]],
    ["customer.merge_undone", null, ["customer.updated"]],
    ["message.delivered", null, []],
    ["order.recorded", null, []],
    ["token.created", null, []],
    ["brand.updated", { status: "resolved" }, []],
    ["no.such_type", null, []],
  ])("%s (after %j) gives %j", (type, after, expected) => {
    expect(publicTypesOf({ type, data: {}, after })).toEqual(expected);
  });

  it("names only catalogued types as sources", () => {
    expect(publicSourceTypes.filter((t) => !eventTypes.includes(t))).toEqual([]);
  });

  it("says which resource each public event carries", () => {
    expect(resourceOf("message.created")).toBe("message");
    expect(resourceOf("customer.updated")).toBe("customer");
    expect(resourceOf("conversation.resolved")).toBe("conversation");
  });

  it("suffixes the second public event of a row, and finds the row again", () => {
    const row = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b";
    expect(publicIdOf(row, "conversation.updated", 0)).toBe(row);
    expect(publicIdOf(row, "conversation.resolved", 1)).toBe(`${row}:resolved`);
    expect(rowIdOf(`${row}:resolved`)).toBe(row);
    expect(rowIdOf(row)).toBe(row);
  });
});
