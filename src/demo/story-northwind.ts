// Northwind Outfitters' everyday stories beside the unhappy customer's: a new customer racing a
// deadline, a club leader, a French-speaking hiker, the chat, a phone call, a follow-up question.
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

export const northwindStory: StoryConversation[] = [
  {
    brand: "northwind",
    customer: "ethan",
    channel: "email",
    subject: "Wrong size — need an exchange before Saturday",
    steps: [
      says(
        businessAgo(200),
        "Hi, my first order arrived but the boots are a 9 instead of a 10. I'm hiking on Saturday: can you swap them in time?",
      ),
    ],
  },
  {
    brand: "northwind",
    customer: "amelia",
    channel: "email",
    subject: "Group order: 8 Tarn 2 tents for the club",
    steps: [
      says(
        day(900, "10:10"),
        "Hello Tom, our trekking club needs 8 Tarn 2 tents for the summer. Is there a group price?",
      ),
      reply(
        day(900, "15:40"),
        "tom",
        "Hello Amelia, for 8 tents we give 10 % off and free delivery to your club hut. I've set the order aside for you. Tom",
      ),
      says(day(899, "09:05"), "Wonderful, please go ahead. Thanks Tom!"),
      status(day(899, "09:30"), "tom", "resolved"),
    ],
  },
  {
    brand: "northwind",
    customer: "amelia",
    channel: "email",
    subject: "Kit check for Kilimanjaro",
    steps: [
      says(
        day(3, "10:30"),
        "Hi Tom, I leave for Kilimanjaro in three weeks. Could you check my kit list? Worried about the summit night cold.",
      ),
      reply(
        day(3, "15:10"),
        "tom",
        "Hi Amelia, your list is solid. For summit night add the Summit down mitts and a spare base layer; I can send both by Friday. Tom",
      ),
      note(
        day(3, "15:12"),
        "tom",
        "Departure in three weeks: send a good-luck note a few days before.",
      ),
    ],
  },
  {
    brand: "northwind",
    customer: "antoine",
    channel: "email",
    subject: "Pointure des chaussures Ridge",
    steps: [
      says(
        day(300, "19:20"),
        "Bonjour, je chausse du 43 en France. Quelle taille UK dois-je prendre pour les Ridge ?",
      ),
      reply(
        day(299, "09:10"),
        "tom",
        "Bonjour Antoine, prenez un UK 9 : les Ridge taillent normalement. Retour gratuit si ça ne va pas. Tom",
      ),
      status(day(299, "09:12"), "tom", "resolved"),
    ],
  },
  {
    brand: "northwind",
    customer: "antoine",
    channel: "email",
    subject: "Sac à dos : boucle de ceinture cassée",
    steps: [
      says(
        day(3, "21:40"),
        "Bonjour Tom, la boucle de la ceinture de mon sac Cairn 45 s'est cassée en montée. Peut-on la remplacer ?",
      ),
      reply(
        day(2, "09:20"),
        "tom",
        "Bonjour Antoine, oui, et gratuitement. J'ai demandé la pièce au fabricant des boucles ; je vous l'envoie dès réception. Tom",
      ),
      status(day(2, "09:22"), "tom", "waiting_third_party"),
    ],
  },
  {
    brand: "northwind",
    customer: "rahul",
    channel: "chat",
    subject: "Do the Fellwalker gloves run small?",
    steps: [
      says(day(2, "13:05"), "Hi! Do the Fellwalker gloves run small? I'm usually a medium."),
      reply(
        day(2, "13:12"),
        "priya",
        "Hi Rahul, they run true to size; take a medium. If you wear liners, go for a large. Priya",
      ),
    ],
  },
  {
    brand: "northwind",
    customer: "grace",
    channel: "phone",
    subject: "Trailblaze stove does not hold its flame",
    assignee: "tom",
    steps: [
      says(
        day(9, "10:02"),
        "Call: Grace's Trailblaze stove (bought eight months ago) keeps going out on low heat.",
      ),
      reply(
        day(9, "10:30"),
        "tom",
        "Hello Grace, following our call: the maker will send you a new regulator directly, at no cost. Tom",
      ),
      status(day(9, "10:31"), "tom", "waiting_third_party"),
      says(day(5, "17:45"), "The new regulator arrived and the stove works perfectly. Thank you!", {
        channel: "email",
      }),
      status(day(4, "09:00"), "tom", "resolved"),
    ],
  },
  {
    brand: "northwind",
    customer: "megan",
    channel: "email",
    subject: "Tent pole replacement",
    steps: [
      says(
        day(4, "10:00"),
        "One pole section of my Tarn 2 snapped in the wind. Can I buy a replacement?",
      ),
      reply(
        day(4, "14:30"),
        "priya",
        "Hello Megan, no need to buy one: a replacement section is on its way, free. Priya",
      ),
      says(
        minutesAgo(150),
        "Thanks! Which section is it? Mine has three of different lengths and the broken one is the middle one.",
      ),
    ],
  },
];
