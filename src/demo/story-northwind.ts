// Northwind Outfitters' stories — an unhappy customer whose latest complaint is overdue, a new one
// racing a deadline, a club leader, a French-speaking hiker, chat and phone — and the default brand's mail.
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

type Complaint = { days: number; subject: string; ask: string; answer: string; thanks: string };

const pastComplaints: Complaint[] = [
  {
    days: 1050,
    subject: "Zip on my Fellwalker jacket broke",
    ask: "The main zip of my Fellwalker jacket split after one winter. Not what I expect for the price.",
    answer:
      "Hello Mr Holloway, sorry about that. Our Kendal workshop replaces the zip for free: the prepaid label is attached. Priya",
    thanks: "Jacket's back and the zip is fine. Thanks.",
  },
  {
    days: 700,
    subject: "Order arrived a week late",
    ask: "My order was promised in 48 hours and took eight days. I missed the walk I bought it for.",
    answer:
      "Hello Mr Holloway, you are right, we broke our 48-hour promise. I have refunded the delivery and added a £10 credit to your account. Priya",
    thanks: "Fine. But this keeps happening.",
  },
  {
    days: 400,
    subject: "Refund still not received",
    ask: "I returned the trekking poles three weeks ago. Still no refund.",
    answer:
      "Hello Mr Holloway, the refund left us on the 3rd; I've asked our bank for the trace and sent it to you. It should show within two days. Tom",
    thanks: "It's arrived now.",
  },
  {
    days: 160,
    subject: "Wrong colour sent AGAIN",
    ask: "I ordered the Ridge fleece in green. You sent blue. Again.",
    answer:
      "Hello Mr Holloway, I'm sorry: the green one left this morning by express, keep the blue one with our apologies. Priya",
    thanks: "OK, thank you.",
  },
];

const complaint = (c: Complaint, i: number): StoryConversation => ({
  brand: "northwind",
  customer: "derek",
  channel: "email",
  subject: c.subject,
  steps: [
    says(day(c.days, "08:40"), c.ask),
    reply(day(c.days, "13:15"), i === 2 ? "tom" : "priya", c.answer),
    ...(i === 3
      ? [
          note(
            day(c.days, "13:20"),
            "oliver" as const,
            "Fourth complaint in three years, all legitimate. Approved a £20 goodwill credit.",
          ),
        ]
      : []),
    says(day(c.days - 1, "19:30"), c.thanks),
    status(day(c.days - 2, "09:00"), i === 2 ? "tom" : "priya", "resolved"),
  ],
});

export const northwindStory: StoryConversation[] = [
  ...pastComplaints.map(complaint),
  {
    brand: "northwind",
    customer: "derek",
    channel: "email",
    subject: "Ridge boots leaking after two weeks",
    priority: "high",
    steps: [
      says(
        day(5, "08:47"),
        "My new Ridge boots let water in after two weeks. This is ridiculous for 'waterproof' boots.",
      ),
      note(day(4, "09:30"), "priya", "Asked the warehouse for the batch number before answering."),
      note(
        day(2, "16:10"),
        "oliver",
        "Escalated to me: no answer in three days, Derek is right to be angry. I'll call him first thing; replacement pair approved without return.",
      ),
      says(day(1, "07:55"), "Still no answer. I'll post a review if nobody replies today."),
    ],
  },
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
        day(16, "10:02"),
        "Call: Grace's Trailblaze stove (bought eight months ago) keeps going out on low heat.",
      ),
      reply(
        day(16, "10:30"),
        "tom",
        "Hello Grace, following our call: the maker will send you a new regulator directly, at no cost. Tom",
      ),
      status(day(16, "10:31"), "tom", "waiting_third_party"),
      says(
        day(11, "17:45"),
        "The new regulator arrived and the stove works perfectly. Thank you!",
        { channel: "email" },
      ),
      status(day(10, "09:00"), "tom", "resolved"),
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
  {
    brand: "support",
    customer: "nadia",
    channel: "email",
    subject: "Avez-vous une boutique à Paris ?",
    steps: [
      says(
        day(6, "11:20"),
        "Bonjour, peut-on voir vos luminaires quelque part à Paris avant d'acheter ?",
      ),
      reply(
        day(6, "14:05"),
        "isabelle",
        "Bonjour Madame Haddad, notre showroom est à Lyon ; à Paris, nous pouvons organiser un rendez-vous vidéo avec l'atelier. Voulez-vous que je vous propose un créneau ? Isabelle",
      ),
    ],
  },
  {
    brand: "support",
    customer: { email: "offers@rankfast.example", name: "RankFast SEO" },
    channel: "email",
    subject: "Boost your Google ranking — exclusive offer",
    spam: true,
    steps: [
      says(
        day(8, "03:12"),
        "Dear business owner, get 1st page on Google in 7 days!!! Click here for our exclusive offer.",
      ),
      status(day(8, "09:15"), "camille", "closed", "spam"),
    ],
  },
];
