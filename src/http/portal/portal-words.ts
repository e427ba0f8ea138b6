// The portal pages' words in French and English, the same keys in both (the type says so).
import type { ConversationStatus } from "../../domain/conversation/status.ts";
import type { PageLanguage } from "../../domain/portal/page-language.ts";
import type { ErrorCode } from "../../errors.ts";

type Words = {
  languageName: string;
  switchTo: string;
  skip: string;
  portalOf: (brand: string) => string;
  askTitle: string;
  askLead: (brand: string) => string;
  emailLabel: string;
  askButton: string;
  checkTitle: string;
  checkLead: string;
  askAgain: string;
  signInTitle: string;
  signInLead: (brand: string) => string;
  signInButton: string;
  refusedTitle: string;
  refused: Record<"expired" | "used" | "unknown", string>;
  newLink: string;
  listTitle: string;
  none: string;
  noSubject: string;
  reference: string;
  status: string;
  /** A colon as the language writes it (French puts a narrow no-break space before it). */
  colon: string;
  lastActivity: string;
  statuses: Record<ConversationStatus, string>;
  back: string;
  you: string;
  replyLabel: string;
  replyButton: string;
  replyHint: string;
  rateLegend: string;
  scores: [string, string, string, string, string];
  commentLabel: string;
  rateButton: string;
  rated: (score: number) => string;
  sent: string;
  thanks: string;
  signOut: string;
  signedInAs: (name: string) => string;
  errorTitle: string;
  errors: Partial<Record<ErrorCode, string>> & { internal_error: string };
};

const en: Words = {
  languageName: "English",
  switchTo: "Français",
  skip: "Skip to the content",
  portalOf: (b) => `${b} — your requests`,
  askTitle: "Follow your requests",
  askLead: (b) =>
    `Give the email address you write to ${b} from: we send you a link to sign in, no password needed.`,
  emailLabel: "Your email address",
  askButton: "Email me a sign-in link",
  checkTitle: "Check your mail",
  checkLead:
    "If this address is known to us, a sign-in link is on its way. It works once, for 15 minutes.",
  askAgain: "Ask for another link",
  signInTitle: "Sign in",
  signInLead: (b) => `Press the button to see your requests to ${b}.`,
  signInButton: "Sign in",
  refusedTitle: "This link no longer works",
  refused: {
    expired: "This link has expired: a link works for 15 minutes.",
    used: "This link was already used: a link works only once.",
    unknown: "This link is not valid.",
  },
  newLink: "Ask for a new link below.",
  listTitle: "Your requests",
  none: "You have no requests with us yet.",
  noSubject: "(no subject)",
  reference: "Reference",
  status: "Status",
  colon: ":",
  lastActivity: "Last activity",
  statuses: {
    new: "Received",
    open: "In progress",
    waiting_customer: "Waiting for your reply",
    waiting_third_party: "In progress",
    resolved: "Resolved",
    closed: "Closed",
  },
  back: "All your requests",
  you: "You",
  replyLabel: "Your reply",
  replyButton: "Send",
  replyHint: "A person answers you; the conversation reopens if it was resolved.",
  rateLegend: "How did we do?",
  scores: ["1 — very poor", "2 — poor", "3 — fair", "4 — good", "5 — excellent"],
  commentLabel: "A comment (optional)",
  rateButton: "Rate",
  rated: (s) => `You rated this conversation ${s} out of 5. Thank you.`,
  sent: "Your reply was sent.",
  thanks: "Thank you for your rating.",
  signOut: "Sign out",
  signedInAs: (n) => `Signed in as ${n}`,
  errorTitle: "Something is not right",
  errors: {
    not_found: "This page does not exist, or is not yours.",
    invalid_input: "Something in the form is not right: check it and send it again.",
    rate_limited: "Too many attempts: wait a few minutes and try again.",
    csrf_failed: "This page is out of date: go back, reload it and try again.",
    conflict: "This cannot be done now.",
    payload_too_large: "This is too long.",
    internal_error: "Something went wrong on our side. Try again in a moment.",
  },
};

const fr: Words = {
  languageName: "Français",
  switchTo: "English",
  skip: "Aller au contenu",
  portalOf: (b) => `${b} — vos demandes`,
  askTitle: "Suivre vos demandes",
  askLead: (b) =>
    `Indiquez l’adresse e-mail avec laquelle vous écrivez à ${b} : nous vous envoyons un lien de connexion, sans mot de passe.`,
  emailLabel: "Votre adresse e-mail",
  askButton: "Recevoir un lien de connexion",
  checkTitle: "Consultez votre messagerie",
  checkLead:
    "Si nous connaissons cette adresse, un lien de connexion est en route. Il fonctionne une seule fois, pendant 15 minutes.",
  askAgain: "Demander un autre lien",
  signInTitle: "Connexion",
  signInLead: (b) => `Appuyez sur le bouton pour voir vos demandes auprès de ${b}.`,
  signInButton: "Se connecter",
  refusedTitle: "Ce lien ne fonctionne plus",
  refused: {
    expired: "Ce lien a expiré : un lien fonctionne pendant 15 minutes.",
    used: "Ce lien a déjà servi : un lien ne fonctionne qu’une fois.",
    unknown: "Ce lien n’est pas valide.",
  },
  newLink: "Demandez un nouveau lien ci-dessous.",
  listTitle: "Vos demandes",
  none: "Vous n’avez encore aucune demande chez nous.",
  noSubject: "(sans objet)",
  reference: "Référence",
  status: "État",
  colon: "\u202f:",
  lastActivity: "Dernière activité",
  statuses: {
    new: "Reçue",
    open: "En cours",
    waiting_customer: "En attente de votre réponse",
    waiting_third_party: "En cours",
    resolved: "Résolue",
    closed: "Close",
  },
  back: "Toutes vos demandes",
  you: "Vous",
  replyLabel: "Votre réponse",
  replyButton: "Envoyer",
  replyHint: "Une personne vous répond ; la conversation est rouverte si elle était résolue.",
  rateLegend: "Êtes-vous satisfait de notre réponse ?",
  scores: [
    "1 — très mécontent",
    "2 — mécontent",
    "3 — moyen",
    "4 — satisfait",
    "5 — très satisfait",
  ],
  commentLabel: "Un commentaire (facultatif)",
  rateButton: "Noter",
  rated: (s) => `Vous avez noté cette conversation ${s} sur 5. Merci.`,
  sent: "Votre réponse est envoyée.",
  thanks: "Merci pour votre note.",
  signOut: "Se déconnecter",
  signedInAs: (n) => `Connecté en tant que ${n}`,
  errorTitle: "Quelque chose ne va pas",
  errors: {
    not_found: "Cette page n’existe pas, ou ne vous concerne pas.",
    invalid_input: "Un élément du formulaire ne va pas : vérifiez-le et envoyez-le à nouveau.",
    rate_limited: "Trop de tentatives : attendez quelques minutes et réessayez.",
    csrf_failed: "Cette page n’est plus à jour : revenez en arrière, rechargez-la et réessayez.",
    conflict: "Ce n’est pas possible pour le moment.",
    payload_too_large: "C’est trop long.",
    internal_error: "Un problème est survenu de notre côté. Réessayez dans un instant.",
  },
};

export const portalWords: Record<PageLanguage, Words> = { en, fr };
export type PortalWords = Words;
