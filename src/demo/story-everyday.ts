// The everyday requests of both brands — a question, an answer, often a thank-you — spread over each
// customer's years with the desk. Chosen by position, never at random, so every load tells the same story.
import type { Channel } from "../domain/conversation/status.ts";
import { everydayLumiere, everydayNorthwind } from "./story-everyday-customers.ts";
import {
  day,
  reply,
  type StaffKey,
  type StoryConversation,
  type StoryCustomer,
  says,
  status,
} from "./story-types.ts";

type Request = { subject: string; ask: string; answer: string; thanks: string };

const french: Request[] = [
  {
    subject: "Délai de fabrication d'une suspension Opaline",
    ask: "Bonjour, quel est le délai de fabrication de la suspension Opaline 40 cm en ce moment ?",
    answer:
      "Bonjour, chaque globe est soufflé à l'atelier : comptez douze jours ouvrés avant l'expédition, puis 48 h de livraison. Je vous préviens dès son départ de Lyon. {advisor}",
    thanks: "Parfait, merci pour la réponse rapide !",
  },
  {
    subject: "Ampoule de rechange pour la lampe Bergère",
    ask: "Bonjour, quelle ampoule dois-je racheter pour ma lampe Bergère ? Le culot est petit.",
    answer:
      "Bonjour, c'est un culot E14 : une LED 4 W en 2700 K garde la lumière chaude d'origine. Nous en avons en stock si vous le souhaitez. {advisor}",
    thanks: "Merci, j'en prends deux avec ma prochaine commande.",
  },
  {
    subject: "Copie de facture",
    ask: "Bonjour, pourriez-vous me renvoyer la facture de ma dernière commande ? Je ne la retrouve plus.",
    answer:
      "Bonjour, la voici en pièce jointe ; elle reste aussi disponible dans votre espace client. {advisor}",
    thanks: "Merci beaucoup.",
  },
  {
    subject: "Variateur compatible ?",
    ask: "Bonjour, puis-je brancher l'applique Cordelia sur mon variateur mural ?",
    answer:
      "Bonjour, oui, avec une ampoule LED indiquée « dimmable ». Si le variateur a plus de dix ans, il peut grésiller : dites-le-moi et nous trouverons une solution. {advisor}",
    thanks: "Ça fonctionne, merci !",
  },
  {
    subject: "Changer l'adresse de livraison",
    ask: "Bonjour, je viens de passer commande mais je me suis trompé d'adresse. Peut-on la corriger ?",
    answer:
      "Bonjour, c'est corrigé : votre commande n'avait pas encore quitté l'atelier. Vous recevrez le suivi à la bonne adresse. {advisor}",
    thanks: "Ouf, merci beaucoup !",
  },
  {
    subject: "Retour d'un lampadaire",
    ask: "Bonjour, le lampadaire Arc est trop grand pour notre salon. Puis-je le retourner ?",
    answer:
      "Bonjour, bien sûr, vous avez 30 jours : je vous envoie l'étiquette de retour et nous passons le reprendre chez vous s'il est trop encombrant. {advisor}",
    thanks: "Merci pour l'enlèvement à domicile, c'est très appréciable.",
  },
  {
    subject: "Câble textile trop court",
    ask: "Bonjour, notre plafond est à 3,20 m : le câble de la suspension sera-t-il assez long ?",
    answer:
      "Bonjour, le câble standard fait 1,20 m ; nous pouvons le monter en 2 m à l'atelier, sans supplément. Indiquez-le simplement à la commande. {advisor}",
    thanks: "Super, je commande avec le câble de 2 m.",
  },
  {
    subject: "Carte cadeau",
    ask: "Bonjour, proposez-vous des cartes cadeaux ? C'est pour l'anniversaire de ma sœur.",
    answer:
      "Bonjour, oui, de 30 à 300 €, envoyées par courrier dans une enveloppe de l'atelier ou par e-mail à la date de votre choix. {advisor}",
    thanks: "Merci, je vais la commander pour samedi.",
  },
];

const english: Request[] = [
  {
    subject: "Sizing for the Fellwalker jacket",
    ask: "Hi, I'm between a medium and a large. Which size for the Fellwalker jacket if I wear a fleece underneath?",
    answer:
      "Hello, take the large: the Fellwalker is cut to fit over a midlayer. Exchanges are free if it isn't right. {advisor}",
    thanks: "Great, ordering the large. Thanks!",
  },
  {
    subject: "Where is my order?",
    ask: "Hi, I ordered last Monday and the tracking hasn't moved for three days.",
    answer:
      "Hello, the carrier had a backlog at the Preston depot; your parcel left this morning and arrives tomorrow. Sorry for the wait. {advisor}",
    thanks: "It's arrived, thanks for chasing it.",
  },
  {
    subject: "Re-proofing the Ridge boots",
    ask: "How often should I re-proof my Ridge boots, and with what?",
    answer:
      "Hello, every 20 walks or so, with a water-based wax on clean, damp leather. Avoid drying them by a fire. {advisor}",
    thanks: "Very helpful, thank you.",
  },
  {
    subject: "Return label for a tent",
    ask: "Hi, I'd like to return the Tarn 3 tent, unused. How do I get a label?",
    answer:
      "Hello, the prepaid label is attached; drop the parcel at any post office. The refund follows within three working days. {advisor}",
    thanks: "Done, thanks.",
  },
  {
    subject: "Gift card balance",
    ask: "How can I check what's left on my Northwind gift card?",
    answer:
      "Hello, your card has £42.50 left and it's valid for two more years. It applies automatically at checkout. {advisor}",
    thanks: "Perfect, thank you!",
  },
  {
    subject: "Spare pole section for the Tarn 2",
    ask: "Do you sell single pole sections for the Tarn 2? One got bent.",
    answer:
      "Hello, we send single sections free of charge for the life of the tent; one is on its way. {advisor}",
    thanks: "Brilliant service, thanks.",
  },
  {
    subject: "VAT invoice for my order",
    ask: "Could I have a VAT invoice with my company name for my last order?",
    answer:
      "Hello, the VAT invoice with your company name is attached; future ones will carry it too. {advisor}",
    thanks: "Thanks, that's exactly what I needed.",
  },
  {
    subject: "Hip belt sizes for the Cairn 45",
    ask: "Hi, is the hip belt on the Cairn 45 rucksack adjustable for a small waist?",
    answer:
      "Hello, yes: the belt comes in two sizes and we swap it for free. Your waist measurement is all I need. {advisor}",
    thanks: "I'll send my measurement, thank you.",
  },
];

const channels: Channel[] = ["email", "email", "form", "chat", "email", "portal"];
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

function requestsOf(
  c: StoryCustomer,
  i: number,
  brand: "lumiere" | "northwind",
  pool: Request[],
  advisors: [StaffKey, StaffKey],
): StoryConversation[] {
  const count = 1 + (i % 3 === 0 ? 1 : 0) + (i % 7 === 0 ? 1 : 0);
  const recent = i % 10 === 4;
  return Array.from({ length: count + (recent ? 1 : 0) }, (_, k) => {
    const r = pool[(i * 3 + k * 5) % pool.length] as Request;
    const by = c.advisor ?? advisors[(i + k) % 2] ?? advisors[0];
    const channel = channels[(i + k) % channels.length] ?? "email";
    const days = k === count ? 2 : 8 + Math.floor(((c.since - 10) * (count - k)) / (count + 1));
    const asked = 8 * 60 + ((i * 7 + k * 3) % 9) * 60 + ((i * 17 + k * 11) % 60);
    const delay = channel === "chat" ? 4 + (i % 9) : 35 + ((i * 29 + k * 13) % 200);
    const first = c.name.split(" ")[0] ?? "";
    const answer = r.answer
      .replace(/^(Bonjour|Hello),/, `$1 ${first},`)
      .replace("{advisor}", by[0]?.toUpperCase() + by.slice(1));
    const finished = k < count;
    return {
      brand,
      customer: c.key,
      channel,
      subject: r.subject,
      steps: [
        says(day(days, clock(asked)), r.ask),
        reply(day(days, clock(asked + delay)), by, answer),
        ...(finished && (i + k) % 2 === 0 ? [says(day(days - 1, "08:15"), r.thanks)] : []),
        ...(finished ? [status(day(days - 1, "09:40"), by, "resolved")] : []),
      ],
    };
  });
}

export const everydayStory: StoryConversation[] = [
  ...everydayLumiere.flatMap((c, i) => requestsOf(c, i, "lumiere", french, ["camille", "julien"])),
  ...everydayNorthwind.flatMap((c, i) => requestsOf(c, i, "northwind", english, ["priya", "tom"])),
];
