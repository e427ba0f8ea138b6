import { describe, expect, it } from "vitest";
import {
  headlineStart as a,
  markContained,
  runsOfHeadline,
  headlineStop as z,
} from "./highlight.ts";

describe("markContained", () => {
  it("marks a part of a name in any case and accent, keeping the text as written", () => {
    expect(markContained("Hélène Dupré", "dupre")).toEqual([
      { text: "Hélène ", match: false },
      { text: "Dupré", match: true },
    ]);
    expect(markContained("Hélène Dupré", "ELE")).toEqual([
      { text: "H", match: false },
      { text: "élè", match: true },
      { text: "ne Dupré", match: false },
    ]);
  });

  it("marks every occurrence, and nothing when the words are absent or blank", () => {
    expect(markContained("anna.hanna@example.com", "nna")).toEqual([
      { text: "a", match: false },
      { text: "nna", match: true },
      { text: ".ha", match: false },
      { text: "nna", match: true },
      { text: "@example.com", match: false },
    ]);
    expect(markContained("Derek Holloway", "smith")).toEqual([
      { text: "Derek Holloway", match: false },
    ]);
    expect(markContained("Derek", "  ")).toEqual([{ text: "Derek", match: false }]);
    expect(markContained("", "x")).toEqual([]);
  });

  it("keeps characters outside the basic plane whole", () => {
    expect(markContained("🙂 Zoé", "zoe")).toEqual([
      { text: "🙂 ", match: false },
      { text: "Zoé", match: true },
    ]);
  });
});

describe("runsOfHeadline", () => {
  it("cuts the database's headline at its markers", () => {
    expect(runsOfHeadline(`mon ${a}colis${z} est ${a}arrivé${z}`)).toEqual([
      { text: "mon ", match: false },
      { text: "colis", match: true },
      { text: " est ", match: false },
      { text: "arrivé", match: true },
    ]);
  });

  it("takes markup in the text as text", () => {
    expect(runsOfHeadline(`<b>${a}x${z}</b>`)).toEqual([
      { text: "<b>", match: false },
      { text: "x", match: true },
      { text: "</b>", match: false },
    ]);
    expect(runsOfHeadline("plain")).toEqual([{ text: "plain", match: false }]);
  });
});
