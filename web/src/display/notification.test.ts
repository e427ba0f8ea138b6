import { describe, expect, it } from "vitest";
import type { Notification } from "../api/types.ts";
import { notificationFacts } from "./notification.ts";

const base: Notification = {
  id: "n1",
  kind: "sla.warn_manager",
  conversation_id: "c1",
  data: { reference: "K7M2QX9A", subject: "Parcel lost", due_at: "2025-03-10T12:00:00Z" },
  created_at: "2025-03-10T10:00:00Z",
  read_at: null,
};

describe("notificationFacts", () => {
  it("reads an escalation's conversation and due time", () => {
    expect(notificationFacts(base)).toEqual({
      kind: "sla.warn_manager",
      reference: "K7M2QX9A",
      subject: "Parcel lost",
      dueAt: "2025-03-10T12:00:00Z",
    });
  });

  it("keeps an unknown kind and odd data readable", () => {
    expect(
      notificationFacts({ ...base, kind: "merge.suggested", data: { reference: 7, due_at: null } }),
    ).toEqual({ kind: null, reference: null, subject: null, dueAt: null });
  });
});
