// Mail to the default brand's address: a question about the showroom, and spam closed as spam.
import { day, reply, type StoryConversation, says, status } from "./story-types.ts";

export const supportStory: StoryConversation[] = [
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
