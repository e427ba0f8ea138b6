// Types of the `sentiment` package (5.0.x ships none): the parts the mood reader uses.
declare module "sentiment" {
  type ScoringStrategy = { apply(tokens: string[], cursor: number, tokenScore: number): number };
  type Language = { labels: Record<string, number>; scoringStrategy?: ScoringStrategy };
  type Analysis = {
    score: number;
    comparative: number;
    calculation: Array<Record<string, number>>;
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  };
  class Sentiment {
    registerLanguage(code: string, language: Language): void;
    analyze(
      phrase: string,
      options?: { language?: string; extras?: Record<string, number> },
    ): Analysis;
  }
  export = Sentiment;
}
declare module "sentiment/languages/en/index.js" {
  const english: { labels: Record<string, number> };
  export = english;
}
