// The console's list of webhook events is the API's: a new public event shows as a checkbox.
import { describe, expect, it } from "vitest";
import { publicEventTypes } from "../../../src/domain/events/public-events.ts";
import en from "../i18n/en.json" with { type: "json" };
import { WEBHOOK_EVENTS } from "./settings.ts";

describe("the webhook events of the console", () => {
  it("are the public events, each with its name", () => {
    expect([...WEBHOOK_EVENTS]).toEqual([...publicEventTypes]);
    for (const event of WEBHOOK_EVENTS) {
      expect(en.settings.webhooks.eventNames[event]).toContain(event);
    }
  });
});
