// The words of the sign-in link's mail, in the customer's language.
import type { Language } from "../language.ts";

export function linkMail(
  language: Language,
  brand: string,
  url: string,
): { subject: string; text: string } {
  if (language === "fr") {
    return {
      subject: `Votre lien de connexion — ${brand}`,
      text:
        `Bonjour,\n\nPour suivre vos demandes auprès de ${brand}, ouvrez ce lien :\n\n${url}\n\n` +
        "Il fonctionne une seule fois, pendant 15 minutes.\n" +
        "Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans lui.\n",
    };
  }
  return {
    subject: `Your sign-in link — ${brand}`,
    text:
      `Hello,\n\nTo follow your requests to ${brand}, open this link:\n\n${url}\n\n` +
      "It works once, for 15 minutes.\n" +
      "If you did not ask for it, ignore this message: nobody can sign in without it.\n",
  };
}
