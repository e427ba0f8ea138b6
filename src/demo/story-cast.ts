// The demo's setting: two brands beside the default one (a French maker of lights, an English outdoor
// shop), their calendars, the people at the desk, their teams, a partner reseller and canned answers.
import type { Role } from "../domain/access/roles.ts";
import type { WeeklyHours } from "../store/schema/brand.ts";
import type { StaffKey } from "./story-types.ts";

type StoryBrand = {
  name: string;
  slug: string;
  addresses: string[];
  language: "fr" | "en";
  timeZone: string;
  signature: string;
  charterPublic: boolean;
  calendarName: string;
  weeklyHours: WeeklyHours;
  /** Public holidays as MM-DD, for last year, this year and next year. */
  holidays: string[];
};

const open = (start: string, end: string) => [{ start, end }];
const lunchBreak = [
  { start: "09:00", end: "12:30" },
  { start: "13:30", end: "18:00" },
];

export const storyBrands: Record<"lumiere" | "northwind", StoryBrand> = {
  lumiere: {
    name: "Maison Lumière",
    slug: "maison-lumiere",
    addresses: ["bonjour@maison-lumiere.localhost"],
    language: "fr",
    timeZone: "Europe/Paris",
    signature: "Bien à vous,\nL'atelier Maison Lumière — luminaires dessinés et fabriqués à Lyon",
    charterPublic: true,
    calendarName: "Atelier de Lyon",
    weeklyHours: {
      mon: lunchBreak,
      tue: lunchBreak,
      wed: lunchBreak,
      thu: lunchBreak,
      fri: lunchBreak,
      sat: open("10:00", "13:00"),
      sun: [],
    },
    holidays: ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"],
  },
  northwind: {
    name: "Northwind Outfitters",
    slug: "northwind",
    addresses: ["help@northwind.localhost"],
    language: "en",
    timeZone: "Europe/London",
    signature: "Kind regards,\nNorthwind Outfitters — kit for the long way round",
    charterPublic: false,
    calendarName: "Kendal customer care",
    weeklyHours: {
      mon: open("08:30", "17:30"),
      tue: open("08:30", "17:30"),
      wed: open("08:30", "17:30"),
      thu: open("08:30", "17:30"),
      fri: open("08:30", "17:30"),
      sat: [],
      sun: [],
    },
    holidays: ["01-01", "12-25", "12-26"],
  },
};

type StoryStaff = {
  name: string;
  email: string;
  role: Role;
  languages: string[];
  timeZone: string;
  capacity: number;
};

export const storyStaff: Record<StaffKey, StoryStaff> = {
  isabelle: {
    name: "Isabelle Moreau",
    email: "isabelle.moreau@maison-lumiere.localhost",
    role: "manager",
    languages: ["fr", "en"],
    timeZone: "Europe/Paris",
    capacity: 10,
  },
  oliver: {
    name: "Oliver Grant",
    email: "oliver.grant@northwind.localhost",
    role: "manager",
    languages: ["en"],
    timeZone: "Europe/London",
    capacity: 10,
  },
  camille: {
    name: "Camille Laurent",
    email: "camille.laurent@maison-lumiere.localhost",
    role: "advisor",
    languages: ["fr", "en"],
    timeZone: "Europe/Paris",
    capacity: 25,
  },
  julien: {
    name: "Julien Petit",
    email: "julien.petit@maison-lumiere.localhost",
    role: "advisor",
    languages: ["fr"],
    timeZone: "Europe/Paris",
    capacity: 20,
  },
  priya: {
    name: "Priya Shah",
    email: "priya.shah@northwind.localhost",
    role: "advisor",
    languages: ["en"],
    timeZone: "Europe/London",
    capacity: 25,
  },
  tom: {
    name: "Tom Fletcher",
    email: "tom.fletcher@northwind.localhost",
    role: "advisor",
    languages: ["en", "fr"],
    timeZone: "Europe/London",
    capacity: 20,
  },
};

/** Julien is away next week: his customers' new requests go to his backup. */
export const storyAbsence = { who: "julien" as StaffKey, fromDays: 3, untilDays: 10 };

export const storyTeams = {
  lumiere: { name: "Conseil Maison Lumière", manager: "isabelle", members: ["camille", "julien"] },
  northwind: { name: "Northwind Care", manager: "oliver", members: ["priya", "tom"] },
} as const satisfies Record<string, { name: string; manager: StaffKey; members: StaffKey[] }>;

export const storyPartner = {
  name: "Atelier Duval — décoration & agencement",
  domains: ["atelier-duval.example"],
  partnerManager: "isabelle" as StaffKey,
  notes:
    "Revendeur agréé Maison Lumière : showroom à Annecy, commandes pro chaque mois, tarif revendeur −30 %. " +
    "Interlocuteur principal : Marc Duval. Toujours prévenir Isabelle Moreau en cas de retard.",
};

/** A faster promise on Northwind's chat, where customers expect an answer while they wait. */
export const storyChatPolicy = {
  name: "Northwind chat",
  firstResponseMinutes: 30,
  nextResponseMinutes: 60,
  resolutionMinutes: 2700,
};

export const storyCannedAnswers = [
  {
    brand: "lumiere",
    language: "fr",
    title: "Suivi de livraison",
    body:
      "Bonjour {{customer.name}},\n\nVotre commande a quitté l'atelier ; vous trouverez le suivi du transporteur " +
      "dans votre espace client. Je reste à votre écoute si la livraison tarde.\n\n{{advisor.name}}",
  },
  {
    brand: "lumiere",
    language: "fr",
    title: "Pièce détachée",
    body:
      "Bonjour {{customer.name}},\n\nNous fabriquons nos pièces à Lyon : je vous envoie la pièce de remplacement " +
      "dès demain, sans frais. Pourriez-vous m'indiquer la référence inscrite sous le pied ?\n\n{{advisor.name}}",
  },
  {
    brand: "northwind",
    language: "en",
    title: "Returns within 60 days",
    body:
      "Hello {{customer.name}},\n\nYou can return anything unused within 60 days: print the label from your " +
      "account and drop the parcel at any post office. The refund follows within 3 working days.\n\n{{advisor.name}}",
  },
  {
    brand: "northwind",
    language: "en",
    title: "Lifetime repair promise",
    body:
      "Hello {{customer.name}},\n\nEvery Northwind jacket and pack is repaired for free for its whole life. " +
      "Send it to our Kendal workshop with the prepaid label attached.\n\n{{advisor.name}}",
  },
] as const;
