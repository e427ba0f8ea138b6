// The widget's words in French and English, chosen by the page's language or the browser's.
export type Language = "fr" | "en";

export const texts = {
  en: {
    frameTitle: (brand: string) => `Chat with ${brand}`,
    launcher: (brand: string) => `Chat with ${brand}`,
    close: "Close the chat",
    promise: (when: string) => `A person answers you ${when}.`,
    online: "Someone is here now: your answer will come in this window.",
    closed: "We are closed right now. Leave your email: the answer will come by mail.",
    nobodyOnline: "Nobody is online right now. Leave your email: the answer will come by mail.",
    log: "Messages",
    you: "You",
    message: "Your message",
    email: "Your email",
    emailRequired: "Your email (required)",
    emailMissing: "Give your email so that the answer can reach you.",
    send: "Send",
    sending: "Sending…",
    sent: "Sent",
    failed: "Not sent: try again.",
    tooMany: "Too many messages: wait a minute.",
    unavailable: "The chat cannot be reached right now.",
  },
  fr: {
    frameTitle: (brand: string) => `Discuter avec ${brand}`,
    launcher: (brand: string) => `Discuter avec ${brand}`,
    close: "Fermer la discussion",
    promise: (when: string) => `Une personne vous répond ${when}.`,
    online: "Quelqu’un est là\u202f: la réponse arrivera dans cette fenêtre.",
    closed:
      "Nous sommes fermés en ce moment. Laissez votre e-mail\u202f: la réponse vous arrivera par e-mail.",
    nobodyOnline:
      "Personne n’est en ligne en ce moment. Laissez votre e-mail\u202f: la réponse vous arrivera par e-mail.",
    log: "Messages",
    you: "Vous",
    message: "Votre message",
    email: "Votre e-mail",
    emailRequired: "Votre e-mail (obligatoire)",
    emailMissing: "Indiquez votre e-mail pour que la réponse vous parvienne.",
    send: "Envoyer",
    sending: "Envoi…",
    sent: "Envoyé",
    failed: "Non envoyé\u202f: réessayez.",
    tooMany: "Trop de messages\u202f: attendez une minute.",
    unavailable: "La discussion est indisponible pour le moment.",
  },
} satisfies Record<Language, Record<string, unknown>>;

export type Texts = (typeof texts)["en"];
