import { describe, expect, it } from "vitest";
import type { BayesModel, SpamMark } from "./bayes.ts";
import {
  BAYES_MAX_POINTS,
  classify,
  combinedScore,
  emptyModel,
  FULL_TRUST_DOCUMENTS,
  isBayesModel,
  MAX_TOKENS,
  MIN_DOCUMENTS_PER_CLASS,
  tokenize,
  train,
  untrain,
} from "./bayes.ts";

const SPAM = [
  "Cheap replica watches, best prices, order now at www.replica-shop.example",
  "Montres de luxe à prix cassés, livraison offerte, commandez sur replica-shop.example",
  "Increase your followers today: 10000 followers for 9 dollars, visit https://boost.example/go",
  "Augmentez vos abonnés : 10000 abonnés pour 9 euros https://boost.example/fr",
  "SEO services: rank first on search engines, guaranteed backlinks, reply for prices",
  "Référencement garanti, première page, backlinks de qualité, répondez pour nos tarifs",
];
const NOT_SPAM = [
  "Bonjour, ma commande 4521 n'est toujours pas arrivée, pouvez-vous vérifier le suivi ?",
  "Hello, the parcel arrived damaged, the box was crushed. Can I get a replacement?",
  "Bonjour, je souhaite retourner l'article reçu hier, la taille ne convient pas.",
  "Hi, I was charged twice for order 8812, please refund the second payment.",
  "Bonjour, le colis indique livré mais je ne l'ai pas reçu. Merci de votre aide.",
  "Hello, could you change the delivery address of my order before it ships?",
];

function trained(spam = SPAM, notSpam = NOT_SPAM): BayesModel {
  let model = emptyModel();
  for (const text of spam) model = train(model, text, "spam");
  for (const text of notSpam) model = train(model, text, "not_spam");
  return model;
}

describe("tokens", () => {
  it("are lower-case words with accents folded, French and English alike", () => {
    expect(tokenize("Référencement GARANTI, première page; Great DEAL")).toEqual([
      "referencement",
      "garanti",
      "premiere",
      "page",
      "great",
      "deal",
    ]);
  });

  it("keep a URL's organisational domain and an address's domain", () => {
    expect(
      tokenize("Go to https://www.shop.Replica.example/x?y=1 or write to Sales@Replica.example"),
    ).toEqual(["url:replica.example", "mail:replica.example", "go", "to", "or", "write", "to"]);
  });

  it("collapse numbers and codes", () => {
    expect(tokenize("Order 4521 costs 9,99 € ref A12B")).toEqual([
      "order",
      "#num",
      "costs",
      "#num",
      "#num",
      "ref",
      "#code",
    ]);
  });

  it("drop single letters and overlong runs", () => {
    expect(tokenize(`l'offre a ${"x".repeat(41)} ok`)).toEqual(["offre", "ok"]);
  });

  it("are bounded", () => {
    expect(tokenize("word ".repeat(MAX_TOKENS * 3))).toHaveLength(MAX_TOKENS);
  });
});

describe("training", () => {
  it("counts documents and, per class, the documents each token appeared in", () => {
    const model = train(emptyModel(), "Cheap cheap watches", "spam");
    expect(model).toEqual({
      version: 1,
      documents: { spam: 1, not_spam: 0 },
      tokens: { cheap: [1, 0], watches: [1, 0] },
      tokenTotals: { spam: 2, not_spam: 0 },
    });
  });

  it("leaves the model it was given unchanged", () => {
    const before = train(emptyModel(), "cheap watches", "spam");
    const snapshot = structuredClone(before);
    train(before, "cheap watches again", "not_spam");
    untrain(before, "cheap watches", "spam");
    expect(before).toEqual(snapshot);
  });

  it("survives a round trip through JSON", () => {
    const model = trained();
    const stored = JSON.parse(JSON.stringify(model));
    expect(isBayesModel(stored)).toBe(true);
    expect(classify(stored, SPAM[0] ?? "")).toEqual(classify(model, SPAM[0] ?? ""));
  });

  it("is safe with words that name object properties", () => {
    const model = train(
      emptyModel(),
      "constructor toString __proto__ proto hasOwnProperty",
      "spam",
    );
    expect(Object.getPrototypeOf(model.tokens)).toBe(Object.prototype);
    expect(model.tokens.constructor).toEqual([1, 0]);
    expect(Object.keys(model.tokens)).toEqual([
      "constructor",
      "tostring",
      "proto",
      "hasownproperty",
    ]);
  });
});

describe("untraining", () => {
  it("undoes a training exactly, dropping tokens nobody holds any more", () => {
    const base = trained();
    const marked = train(base, "Unique wording zanzibar quokka", "spam");
    expect(untrain(marked, "Unique wording zanzibar quokka", "spam")).toEqual(base);
  });

  it("moves a reversed mark to the other class", () => {
    const text = "Votre devis de référencement";
    const wrong = train(trained(), text, "spam");
    const fixed = train(untrain(wrong, text, "spam"), text, "not_spam");
    expect(fixed.documents).toEqual({ spam: 6, not_spam: 7 });
    expect(fixed.tokens.devis).toEqual([0, 1]);
  });

  it("never counts below zero", () => {
    const model = train(train(emptyModel(), "cheap", "not_spam"), "cheap watches", "spam");
    expect(untrain(emptyModel(), "cheap", "spam")).toEqual(emptyModel());
    const twice = untrain(untrain(model, "cheap", "not_spam"), "cheap", "not_spam");
    expect(twice.documents).toEqual({ spam: 1, not_spam: 0 });
    expect(twice.tokens).toEqual({ cheap: [1, 0], watches: [1, 0] });
  });
});

describe("classification", () => {
  it("says nothing until each class holds the minimum of marked mails", () => {
    const model = trained(SPAM, NOT_SPAM.slice(0, MIN_DOCUMENTS_PER_CLASS - 1));
    const silent = { probabilitySpam: 0.5, evidence: [], trust: 0 };
    expect(classify(model, SPAM[0] ?? "")).toEqual(silent);
    expect(classify(emptyModel(), "anything")).toEqual(silent);
  });

  it("finds new spam like the marked spam, in either language", () => {
    const model = trained();
    expect(
      classify(model, "Backlinks garantis, prix imbattables, répondez").probabilitySpam,
    ).toBeGreaterThan(0.9);
    expect(
      classify(model, "Replica watches at www.replica-shop.example").probabilitySpam,
    ).toBeGreaterThan(0.9);
  });

  it("finds a customer's question like the marked customers' questions", () => {
    const model = trained();
    const verdict = classify(
      model,
      "Bonjour, ma commande n'est pas arrivée, pouvez-vous vérifier ?",
    );
    expect(verdict.probabilitySpam).toBeLessThan(0.1);
  });

  it("explains itself with the tokens that weighed most, strongest first", () => {
    const verdict = classify(trained(), "Guaranteed backlinks for your shop, order now");
    const weights = verdict.evidence.map((item) => Math.abs(item.weight));
    expect(verdict.evidence.length).toBeGreaterThan(0);
    expect(verdict.evidence.length).toBeLessThanOrEqual(10);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(verdict.evidence.find((item) => item.token === "backlinks")?.weight).toBeGreaterThan(0);
  });

  it("leaves out tokens it never saw", () => {
    const verdict = classify(trained(), "xylophone zeppelin");
    expect(verdict).toMatchObject({ probabilitySpam: 0.5, evidence: [] });
  });

  it("counts a word repeated in a text once", () => {
    const model = trained();
    expect(classify(model, "backlinks backlinks backlinks")).toEqual(classify(model, "backlinks"));
  });

  it("weighs each class equally, whatever the share of marks", () => {
    const many = [...SPAM, ...SPAM, ...SPAM];
    const model = trained(many, NOT_SPAM);
    const balanced = trained(SPAM, NOT_SPAM);
    const text = "xylophone order";
    const skewed = classify(model, text).probabilitySpam;
    expect(Math.abs(skewed - classify(balanced, text).probabilitySpam)).toBeLessThan(0.2);
  });
});

describe("stored models", () => {
  it("are recognised, and anything else refused", () => {
    expect(isBayesModel(emptyModel())).toBe(true);
    expect(isBayesModel(null)).toBe(false);
    expect(isBayesModel({ ...emptyModel(), version: 2 })).toBe(false);
    expect(isBayesModel({ ...emptyModel(), tokenTotals: undefined })).toBe(false);
    expect(isBayesModel({ ...emptyModel(), documents: { spam: -1, not_spam: 0 } })).toBe(false);
    expect(isBayesModel({ ...emptyModel(), tokens: { a: [1] } })).toBe(false);
    expect(isBayesModel({ ...emptyModel(), tokens: { a: [1, 0.5] } })).toBe(false);
  });
});

describe("trust in the model", () => {
  it("grows with the marks of its smaller class, up to full trust", () => {
    expect(classify(trained(), "backlinks").trust).toBe(6 / FULL_TRUST_DOCUMENTS);
    const many = Array.from({ length: FULL_TRUST_DOCUMENTS + 20 }, (_, i) => `${SPAM[i % 6]} ${i}`);
    const manyNot = Array.from({ length: FULL_TRUST_DOCUMENTS }, (_, i) => `${NOT_SPAM[i % 6]}`);
    expect(classify(trained(many, manyNot), "backlinks").trust).toBe(1);
  });
});

describe("the combined score", () => {
  const verdict = (probabilitySpam: number, trust = 1) => ({
    probabilitySpam,
    evidence: [{ token: "x", weight: 1 }],
    trust,
  });

  it("is the rules' score alone while the model has no evidence", () => {
    expect(combinedScore(4, { probabilitySpam: 0.5, evidence: [], trust: 1 })).toEqual({
      score: 4,
      bayesPoints: 0,
      likelySpam: false,
    });
  });

  it("adds twice the model's log10 odds", () => {
    expect(combinedScore(3, verdict(0.9)).bayesPoints).toBe(1.9);
    expect(combinedScore(3, verdict(0.5)).bayesPoints).toBe(0);
    expect(combinedScore(3, verdict(0.1)).bayesPoints).toBe(-1.9);
  });

  it("never lets the model alone file a mail as spam", () => {
    const sure = combinedScore(0, verdict(1));
    expect(sure.bayesPoints).toBe(BAYES_MAX_POINTS.towardsSpam);
    expect(sure.likelySpam).toBe(false);
    expect(combinedScore(1, verdict(0.9999)).likelySpam).toBe(true);
  });

  it("lets the model pull a borderline mail back, not one with strong signs", () => {
    expect(combinedScore(6, verdict(0))).toEqual({ score: 3, bayesPoints: -3, likelySpam: false });
    expect(combinedScore(8, verdict(0.0001)).likelySpam).toBe(true);
  });

  it("gives a model with few marks a share of its say", () => {
    expect(combinedScore(1, verdict(1, 0.25))).toEqual({
      score: 2,
      bayesPoints: 1,
      likelySpam: false,
    });
    expect(combinedScore(6, verdict(0, 0.1)).bayesPoints).toBe(-0.3);
  });

  it("decides with the rules' threshold", () => {
    expect(combinedScore(3.1, verdict(0.9)).likelySpam).toBe(true);
    expect(combinedScore(3, verdict(0.9)).likelySpam).toBe(false);
  });
});

describe("a workspace's model over time", () => {
  it("learns from marks as they come and forgets reversed ones", () => {
    const marks: Array<[string, SpamMark]> = [
      ...SPAM.map((text): [string, SpamMark] => [text, "spam"]),
      ...NOT_SPAM.map((text): [string, SpamMark] => [text, "not_spam"]),
    ];
    let model = emptyModel();
    for (const [text, mark] of marks) model = train(model, text, mark);
    for (const [text, mark] of marks) model = untrain(model, text, mark);
    expect(model).toEqual(emptyModel());
  });
});
