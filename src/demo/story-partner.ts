// Atelier Duval, a reseller with a partner account at Maison Lumière: its conditions, a pallet stuck at
// the carrier that two of its people write about, and an urgent order for a trade fair.
import {
  businessAgo,
  day,
  note,
  reply,
  type StoryConversation,
  says,
  status,
} from "./story-types.ts";

export const partnerStory: StoryConversation[] = [
  {
    brand: "lumiere",
    customer: "marc",
    channel: "email",
    subject: "Conditions revendeur pour cette année",
    steps: [
      says(
        day(210, "10:02"),
        "Bonjour Isabelle, pouvez-vous me confirmer nos conditions pour cette année : remise, franco de port et délais sur les Opaline ?",
      ),
      reply(
        day(210, "14:45"),
        "isabelle",
        "Bonjour Marc, remise revendeur de 30 %, franco dès 800 € HT et expédition sous dix jours ouvrés pour les Opaline. Vos commandes passent en priorité à l'atelier. Isabelle",
      ),
      status(day(209, "09:00"), "isabelle", "resolved"),
    ],
  },
  {
    brand: "lumiere",
    customer: "karim",
    channel: "email",
    subject: "Commande PRO-2291 : 12 suspensions bloquées chez le transporteur",
    priority: "high",
    assignee: "camille",
    steps: [
      says(
        day(4, "08:50"),
        "Bonjour, la palette de la commande PRO-2291 (12 suspensions Opaline) est indiquée « en anomalie » chez Geodis depuis trois jours. Pouvez-vous voir avec eux ?",
      ),
      reply(
        day(4, "10:05"),
        "camille",
        "Bonjour Karim, j'ai ouvert une réclamation chez Geodis ce matin et je les relance chaque jour. Je vous écris dès que la palette repart. Camille",
      ),
      status(day(4, "10:07"), "camille", "waiting_third_party"),
      note(
        day(4, "10:10"),
        "camille",
        "Réclamation Geodis GE-88412. Compte partenaire : Isabelle prévenue, relance jeudi.",
      ),
      says(
        day(1, "16:45"),
        "Bonjour, des nouvelles du transporteur ? Notre client ouvre son restaurant samedi et compte sur ces suspensions.",
        { from: "sophie" },
      ),
      reply(
        day(1, "17:20"),
        "camille",
        "Bonjour Sophie, Geodis a retrouvé la palette à Chambéry : livraison prévue demain matin. Si elle n'arrive pas, nous renvoyons douze suspensions de notre stock en express. Camille",
      ),
      status(day(1, "17:22"), "camille", "waiting_third_party"),
    ],
  },
  {
    brand: "lumiere",
    customer: "marc",
    channel: "email",
    subject: "Salon : 4 lampadaires Arc avant jeudi",
    priority: "urgent",
    steps: [
      says(
        businessAgo(35),
        "Isabelle, Camille, un exposant du salon d'Annecy nous demande 4 lampadaires Arc en laiton pour jeudi. Pouvez-vous les expédier aujourd'hui ?",
      ),
    ],
  },
];
