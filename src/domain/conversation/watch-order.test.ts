// The watch's order: the minute due, then urgency, then the exact time and the id.
import { describe, expect, it } from "vitest";
import { compareWatch, urgencyRank, type WatchFacts } from "./watch-order.ts";

const at = (iso: string) => new Date(iso);
const c = (id: string, due: string | null, priority: WatchFacts["priority"]): WatchFacts => ({
  id,
  dueAt: due ? at(due) : null,
  priority,
});
const order = (list: WatchFacts[]) => [...list].sort(compareWatch).map((x) => x.id);

describe("the unanswered watch's order", () => {
  it("ranks urgent, high, normal, low", () => {
    expect(["low", "normal", "high", "urgent"].map((p) => urgencyRank(p as "low"))).toEqual([
      3, 2, 1, 0,
    ]);
  });

  it("puts the urgent first among conversations due the same minute", () => {
    const list = [
      c("a", "2026-12-06T10:00:05Z", "low"),
      c("b", "2026-12-06T10:00:40Z", "urgent"),
      c("c", "2026-12-06T10:00:20Z", "high"),
      c("d", "2026-12-06T10:00:20Z", "normal"),
    ];
    expect(order(list)).toEqual(["b", "c", "d", "a"]);
  });

  it("keeps time left first: an earlier minute beats urgency", () => {
    const list = [c("u", "2026-12-06T10:01:00Z", "urgent"), c("l", "2026-12-06T10:00:59Z", "low")];
    expect(order(list)).toEqual(["l", "u"]);
  });

  it("breaks full ties by the exact due time then the id, and puts no clock last", () => {
    const list = [
      c("z", null, "urgent"),
      c("y", "2026-12-06T10:00:30Z", "normal"),
      c("x", "2026-12-06T10:00:30Z", "normal"),
      c("w", "2026-12-06T10:00:10Z", "normal"),
      c("v", null, "low"),
    ];
    expect(order(list)).toEqual(["w", "x", "y", "z", "v"]);
  });
});
