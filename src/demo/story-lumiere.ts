// Maison Lumière's stories beside the loyal customer's and the partner's: a new customer on the chat,
// a renovation project, an English speaker, a duplicate, a thank-you that needs no answer, a broken globe.
import {
  businessAgo,
  day,
  minutesAgo,
  note,
  reply,
  type StoryConversation,
  says,
  status,
} from "./story-types.ts";

export const lumiereStory: StoryConversation[] = [
  {
    brand: "lumiere",
    customer: "ines",
    channel: "chat",
    subject: "Quelle ampoule pour la lampe Bergère ?",
    steps: [
      says(
        minutesAgo(25),
        "Bonjour ! J'ai reçu ma lampe Bergère hier, elle est superbe. Quelle ampoule me conseillez-vous pour une lumière chaude, et jusqu'à combien de watts ?",
      ),
    ],
  },
  {
    brand: "lumiere",
    customer: "claire",
    channel: "email",
    subject: "Éclairage de l'îlot de cuisine",
    steps: [
      says(
        day(9, "18:40"),
        "Bonjour Julien, pour l'îlot de la cuisine (2,40 m de long), vaut-il mieux trois suspensions Opaline 25 cm ou deux de 40 cm ?",
      ),
      reply(
        day(8, "10:15"),
        "julien",
        "Bonjour Madame Fontaine, pour 2,40 m, trois globes de 25 cm espacés de 70 cm éclairent tout le plan de travail sans éblouir. Je vous envoie le schéma de pose. Julien",
      ),
      says(
        day(6, "21:02"),
        "Merci Julien, c'est très clair. Je commande les trois Opaline en 25 cm.",
      ),
      status(day(5, "09:30"), "julien", "resolved"),
    ],
  },
  {
    brand: "lumiere",
    customer: "claire",
    channel: "email",
    subject: "Livraison avant l'emménagement ?",
    steps: [
      says(
        businessAgo(150),
        "Bonjour, nous emménageons dans la longère dans trois semaines. Les trois suspensions peuvent-elles être livrées avant, et l'électricien peut-il les poser sans rosace ?",
      ),
      note(
        minutesAgo(20),
        "julien",
        "Je vérifie avec l'atelier la date d'expédition avant de lui répondre. Absent la semaine prochaine : Camille prend le relais.",
      ),
    ],
  },
  {
    brand: "lumiere",
    customer: "sarah",
    channel: "email",
    subject: "Wall light for a bathroom?",
    steps: [
      says(
        day(48, "08:55"),
        "Hello, I love the Cordelia wall light. Can it be fitted above a bathroom mirror, or is it not rated for damp rooms?",
      ),
      reply(
        day(48, "11:30"),
        "camille",
        "Hello Ms Mitchell, the Cordelia is not rated for bathrooms, but its sister model Cordelia IP44 is sealed for zone 2, above a mirror. Same brass, same glass. Camille",
      ),
      says(
        day(47, "19:12"),
        "Perfect, I'll order the IP44 one. Thank you for answering in English!",
      ),
      status(day(46, "09:10"), "camille", "resolved"),
    ],
  },
  {
    brand: "lumiere",
    customer: "bernard",
    channel: "form",
    subject: "Devis : 6 appliques Cordelia pour un couloir",
    steps: [
      says(
        day(12, "14:02"),
        "Bonjour, je souhaite un devis pour 6 appliques Cordelia en laiton brossé, livrées en Bretagne.",
      ),
      reply(
        day(11, "09:30"),
        "julien",
        "Bonjour Monsieur Roux, voici le devis : 6 appliques Cordelia laiton brossé, 1 140 € TTC, livraison offerte, expédition sous douze jours. Julien",
      ),
      says(day(10, "18:20"), "Merci, je valide le devis."),
      status(day(10, "18:45"), "julien", "resolved"),
    ],
  },
  {
    brand: "lumiere",
    customer: "bernard",
    channel: "email",
    subject: "Devis appliques Cordelia",
    steps: [
      says(
        day(12, "14:09"),
        "Bonjour, je souhaite un devis pour 6 appliques Cordelia en laiton brossé, livrées en Bretagne.",
      ),
      note(
        day(11, "09:32"),
        "julien",
        "Même demande que celle du formulaire de 14 h 02 : répondu là-bas.",
      ),
      status(day(11, "09:33"), "julien", "closed", "duplicate"),
    ],
  },
  {
    brand: "lumiere",
    customer: "lucie",
    channel: "email",
    subject: "Re: Votre commande est en route",
    steps: [
      says(day(20, "20:14"), "Bien reçu, merci !"),
      status(day(19, "09:05"), "camille", "resolved", "nothing_to_answer"),
    ],
  },
  {
    brand: "lumiere",
    customer: "paul",
    channel: "email",
    subject: "Globe Opaline fêlé à la livraison",
    assignee: "julien",
    steps: [
      says(
        day(6, "12:31"),
        "Bonjour, le globe de ma suspension est arrivé fêlé. Le carton était pourtant intact. Que faire ?",
      ),
      reply(
        day(6, "15:02"),
        "julien",
        "Bonjour Monsieur Lefèvre, je suis désolé. Un globe neuf part aujourd'hui, emballé à l'atelier ; inutile de renvoyer le premier. Julien",
      ),
      says(
        day(1, "18:30"),
        "Le nouveau globe est arrivé intact, merci. Par contre il manque le cache-piton pour le plafond : est-il vendu à part ?",
      ),
    ],
  },
];
