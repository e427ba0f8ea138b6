// Derek Holloway, an unhappy customer of Northwind: four complaints in three years, each honoured, and
// the latest one left without an answer for days — overdue, escalated to the manager.
import { day, note, reply, type StoryConversation, says, status } from "./story-types.ts";

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

export const unhappyStory: StoryConversation[] = [
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
];
