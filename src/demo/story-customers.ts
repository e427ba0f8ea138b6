// The demo's customers: the ones with a story of their own, then the everyday customers of both brands.
import type { StaffKey, StoryCustomer } from "./story-types.ts";

const featured: StoryCustomer[] = [
  {
    key: "helene",
    name: "Hélène Marchand",
    email: "helene.marchand@orange.example",
    phone: "+33 6 12 45 78 90",
    language: "fr",
    since: 8 * 365 + 40,
    advisor: "camille",
    backup: "julien",
    preferredChannel: "email",
    notes:
      "Cliente depuis l'ouverture de la boutique en ligne ; collectionne les suspensions Opaline. " +
      "Préfère être appelée le matin.",
    importantDates: [
      { label: "Anniversaire", inDays: 26 },
      { label: "Naissance de sa petite-fille Jeanne", inDays: -40 },
    ],
  },
  {
    key: "ines",
    name: "Inès Bouchard",
    email: "ines.bouchard@free.example",
    language: "fr",
    since: 3,
    preferredChannel: "chat",
  },
  {
    key: "claire",
    name: "Claire Fontaine",
    email: "claire.fontaine@laposte.example",
    phone: "+33 6 70 11 23 58",
    language: "fr",
    since: 540,
    advisor: "julien",
    backup: "camille",
    notes: "Rénove une longère dans le Finistère : projet d'éclairage pièce par pièce.",
    importantDates: [
      { label: "Emménagement dans la longère", inDays: 21 },
      { label: "Anniversaire", inDays: 64 },
    ],
  },
  {
    key: "sarah",
    name: "Sarah Mitchell",
    email: "sarah.mitchell@outlook.example",
    language: "en",
    timeZone: "Europe/Paris",
    since: 410,
    advisor: "camille",
    backup: "isabelle",
    notes: "Britannique installée à Lyon ; préfère qu'on lui écrive en anglais.",
  },
  {
    key: "marc",
    name: "Marc Duval",
    email: "marc@atelier-duval.example",
    phone: "+33 4 50 45 12 30",
    language: "fr",
    since: 6 * 365,
    advisor: "camille",
    backup: "isabelle",
    organisation: "duval",
    notes: "Gérant de l'Atelier Duval (revendeur). Décide des commandes pro.",
  },
  {
    key: "sophie",
    name: "Sophie Duval",
    email: "sophie@atelier-duval.example",
    language: "fr",
    since: 5 * 365,
    advisor: "camille",
    organisation: "duval",
  },
  {
    key: "karim",
    name: "Karim Benali",
    email: "logistique@atelier-duval.example",
    phone: "+33 6 44 90 17 02",
    language: "fr",
    since: 3 * 365,
    organisation: "duval",
  },
  { key: "bernard", name: "Bernard Roux", email: "b.roux@sfr.example", language: "fr", since: 210 },
  {
    key: "lucie",
    name: "Lucie Garnier",
    email: "lucie.garnier@gmail.example",
    language: "fr",
    since: 700,
  },
  {
    key: "paul",
    name: "Paul Lefèvre",
    email: "paul.lefevre@free.example",
    language: "fr",
    since: 95,
  },
  {
    key: "derek",
    name: "Derek Holloway",
    email: "derek.holloway@gmail.example",
    phone: "+44 7700 900123",
    language: "en",
    since: 3 * 365 + 20,
    advisor: "priya",
    backup: "tom",
    notes:
      "Several complaints in three years, every one honoured. Prefers a call back when something " +
      "goes wrong. Oliver reviews any further goodwill.",
  },
  {
    key: "ethan",
    name: "Ethan Cole",
    email: "ethan.cole@proton.example",
    language: "en",
    since: 4,
  },
  {
    key: "amelia",
    name: "Amelia Hart",
    email: "amelia.hart@btinternet.example",
    phone: "+44 7700 900456",
    language: "en",
    since: 5 * 365,
    advisor: "tom",
    backup: "priya",
    notes: "Leads a trekking club in the Lake District; buys group kit twice a year.",
    importantDates: [
      { label: "Kilimanjaro trek departure", inDays: 18 },
      { label: "Birthday", inDays: 95 },
    ],
  },
  {
    key: "antoine",
    name: "Antoine Girard",
    email: "antoine.girard@wanadoo.example",
    language: "fr",
    timeZone: "Europe/Paris",
    since: 800,
    advisor: "tom",
    backup: "priya",
    notes: "Writes in French; hikes in the Alps. Tom answers him in French.",
  },
  {
    key: "rahul",
    name: "Rahul Mehta",
    email: "rahul.mehta@icloud.example",
    language: "en",
    since: 30,
  },
  {
    key: "grace",
    name: "Grace O'Brien",
    email: "grace.obrien@yahoo.example",
    phone: "+44 7700 900789",
    language: "en",
    since: 260,
    preferredChannel: "phone",
  },
  {
    key: "megan",
    name: "Megan Lewis",
    email: "megan.lewis@outlook.example",
    language: "en",
    since: 150,
  },
  {
    key: "nadia",
    name: "Nadia Haddad",
    email: "nadia.haddad@gmail.example",
    language: "fr",
    since: 6,
  },
];

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

export const storyCustomers: StoryCustomer[] = [
  ...featured,
  ...everydayLumiere,
  ...everydayNorthwind,
];
