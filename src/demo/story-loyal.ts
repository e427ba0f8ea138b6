// Hélène Marchand, a customer of Maison Lumière for eight years: a long run of requests answered by
// the same advisor, and the one she is writing about today.
import {
  day,
  note,
  reply,
  type StaffKey,
  type StoryConversation,
  says,
  status,
} from "./story-types.ts";

type Chapter = {
  days: number;
  subject: string;
  ask: string;
  answer: string;
  thanks?: string;
  channel?: "email" | "visit" | "phone";
  by?: StaffKey;
};

const chapters: Chapter[] = [
  {
    days: 2950,
    subject: "Suspension Opaline 30 cm pour une entrée basse",
    ask: "Bonjour, je viens de découvrir votre atelier. La suspension Opaline 30 cm convient-elle à une entrée de 2,30 m sous plafond ?",
    answer:
      "Bonjour Madame Marchand, oui : avec le câble raccourci à 60 cm, le globe reste à 1,70 m du sol. Nous pouvons ajuster la longueur à l'atelier avant l'envoi, sans frais. Camille",
    thanks: "Parfait, faites-la raccourcir s'il vous plaît. Merci !",
  },
  {
    days: 2610,
    subject: "Ampoule grillée au bout d'une semaine",
    ask: "Bonjour, l'ampoule à filament livrée avec ma suspension a grillé au bout d'une semaine. Est-ce normal ?",
    answer:
      "Bonjour Madame Marchand, ce n'est pas normal : je vous envoie deux ampoules neuves aujourd'hui et nous faisons vérifier le lot par notre fournisseur. Camille",
    thanks: "Reçues ce matin, merci beaucoup.",
  },
  {
    days: 2240,
    subject: "Cadeau de mariage pour mon fils",
    ask: "Bonjour, je voudrais offrir deux appliques Cordelia à mon fils qui se marie en juin. Pouvez-vous les emballer pour un cadeau, avec un mot ?",
    answer:
      "Bonjour Madame Marchand, avec plaisir : emballage en papier kraft et carte écrite à la main à l'atelier. Dites-moi le texte du mot et je m'occupe du reste. Camille",
    thanks: "« Tous nos vœux de bonheur, Maman. » Merci Camille !",
  },
  {
    days: 1890,
    subject: "Déménagement : démonter les suspensions",
    ask: "Nous déménageons à Annecy. Comment démonter proprement les trois suspensions Opaline sans casser les globes ?",
    answer:
      "Bonjour Madame Marchand, coupez le courant, dévissez la bague sous le pavillon puis soutenez le globe à deux mains. Je vous envoie trois cartons de transport à nos mesures, offerts. Camille",
    channel: "phone",
  },
  {
    days: 1540,
    subject: "Abat-jour en lin taché",
    ask: "Bonjour, je suis passée à votre showroom de Lyon : l'abat-jour en lin de ma lampe Bergère est taché. Peut-on le remplacer ?",
    answer:
      "Bonjour Madame Marchand, merci de votre visite. Nous fabriquons un abat-jour neuf au même format, au prix coûtant, expédié sous dix jours. Julien",
    channel: "visit",
    by: "julien",
    thanks: "Très bien, merci Julien.",
  },
  {
    days: 1180,
    subject: "Facture pour mon assurance",
    ask: "Bonjour, suite à un dégât des eaux, mon assurance me demande la facture des suspensions achetées chez vous. Pouvez-vous me la renvoyer ?",
    answer:
      "Bonjour Madame Marchand, voici les trois factures, avec une attestation de valeur à neuf pour votre assureur. J'espère que les dégâts ne sont pas trop importants. Camille",
    thanks: "C'est parfait, merci pour l'attestation.",
  },
  {
    days: 880,
    subject: "Lampe Bergère : le variateur grésille",
    ask: "Bonjour, depuis que j'ai changé l'ampoule, le variateur de ma lampe Bergère grésille. Que faire ?",
    answer:
      "Bonjour Madame Marchand, les ampoules LED récentes ne s'entendent pas avec les anciens variateurs. Je vous envoie un variateur compatible, offert : il se visse à la place de l'ancien. Camille",
    thanks: "Plus aucun bruit, merci !",
  },
  {
    days: 590,
    subject: "Commande de Noël : livraison avant le 20 ?",
    ask: "Bonjour Camille, si je commande aujourd'hui deux veilleuses Luciole, les recevrai-je avant le 20 décembre ?",
    answer:
      "Bonjour Madame Marchand, oui : elles partent de l'atelier vendredi et arrivent mardi au plus tard. Je vous envoie le suivi dès l'expédition. Camille",
  },
  {
    days: 330,
    subject: "Opaline en coloris ambre ?",
    ask: "J'ai vu passer un globe ambre sur votre page. Sera-t-il disponible pour la suspension Opaline 30 cm ?",
    answer:
      "Bonjour Madame Marchand, oui, en mars. Je vous en réserve un dans la première série, si vous le souhaitez, sans engagement. Camille",
    thanks: "Oui, réservez-m'en un. Merci de penser à moi !",
  },
  {
    days: 120,
    subject: "Pied en laiton de la lampe Bergère desserré",
    ask: "Bonjour, le pied en laiton de ma première lampe Bergère se desserre. Peut-on le réparer ?",
    answer:
      "Bonjour Madame Marchand, nos luminaires sont réparés à vie : envoyez-nous la lampe avec l'étiquette prépayée ci-jointe, elle vous revient sous quinze jours. Camille",
    thanks: "Elle est revenue comme neuve. Merci à l'atelier !",
  },
];

function chapter(c: Chapter): StoryConversation {
  const by = c.by ?? "camille";
  return {
    brand: "lumiere",
    customer: "helene",
    channel: c.channel ?? "email",
    subject: c.subject,
    steps: [
      says(day(c.days, "09:12"), c.ask),
      reply(day(c.days, "11:40"), by, c.answer),
      ...(c.thanks ? [says(day(c.days - 1, "08:31"), c.thanks)] : []),
      status(day(c.days - 1, "10:05"), by, "resolved"),
    ],
  };
}

export const loyalStory: StoryConversation[] = [
  ...chapters.map(chapter),
  {
    brand: "lumiere",
    customer: "helene",
    channel: "email",
    subject: "Une lampe douce pour la chambre de Jeanne",
    steps: [
      says(
        day(3, "09:05"),
        "Bonjour Camille, ma petite-fille Jeanne est née il y a un peu plus d'un mois ! Je cherche une lampe douce pour sa chambre, sans ampoule apparente. Que me conseilleriez-vous ?",
      ),
      reply(
        day(2, "10:20"),
        "camille",
        "Bonjour Madame Marchand, toutes nos félicitations ! Pour une chambre d'enfant, je vous conseille la veilleuse Luciole : verre opalin, LED 2700 K qui ne chauffe pas, variateur tactile. Je peux vous la réserver en ambre, le coloris que vous aimez. Voulez-vous que je la mette de côté ? Camille",
      ),
      note(
        day(2, "10:24"),
        "camille",
        "Huit ans de fidélité et une naissance : proposer l'emballage cadeau offert et un mot de l'atelier pour Jeanne.",
      ),
    ],
  },
];
