// The everyday customers of both brands: names, addresses and tenures derived by position, never at random.
import type { StaffKey, StoryCustomer } from "./story-types.ts";

const everydayFrench = [
  "Jeanne Dubois",
  "Louis Bernard",
  "Chloé Mercier",
  "Thomas Lambert",
  "Manon Fournier",
  "Nicolas Faure",
  "Élise Rousseau",
  "Hugo Blanc",
  "Léa Chevalier",
  "Mathieu Robin",
  "Sandrine Perrin",
  "Olivier Morel",
  "Aurélie Masson",
  "Julie Henry",
  "François Gauthier",
  "Nathalie Renaud",
  "Pierre Colin",
  "Émilie Vidal",
  "Vincent Noël",
  "Margaux Lefort",
];

const everydayEnglish = [
  "James Carter",
  "Emily Watson",
  "Harry Collins",
  "Sophie Turner",
  "George Bennett",
  "Charlotte Hughes",
  "Jack Robinson",
  "Lucy Evans",
  "William Price",
  "Chloe Ward",
  "Daniel Wood",
  "Hannah Cooper",
  "Samuel Bailey",
  "Isla Campbell",
  "Noah Richardson",
  "Freya Morgan",
  "Ben Ashworth",
  "Ruby Clarke",
  "Callum Fraser",
  "Zara Ahmed",
];

const providers = {
  fr: ["orange", "free", "laposte", "sfr", "gmail"],
  en: ["gmail", "outlook", "btinternet", "yahoo", "icloud"],
};

const address = (name: string, provider: string) =>
  `${name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")}@${provider}.example`;

function everyday(names: string[], language: "fr" | "en", advisors: [StaffKey, StaffKey]) {
  return names.map((name, i): StoryCustomer => {
    const advisor = i % 3 === 0 ? advisors[i % 2] : undefined;
    return {
      key: `${language}-${i}`,
      name,
      email: address(name, providers[language][i % 5] ?? "mail"),
      language,
      since: 45 + ((i * 137) % 1800),
      ...(advisor ? { advisor, backup: advisor === advisors[0] ? advisors[1] : advisors[0] } : {}),
    };
  });
}

export const everydayLumiere = everyday(everydayFrench, "fr", ["camille", "julien"]);
export const everydayNorthwind = everyday(everydayEnglish, "en", ["priya", "tom"]);
