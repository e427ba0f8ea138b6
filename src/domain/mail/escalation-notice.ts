// The automated notice a customer gets when their conversation goes to the team's manager (they
// asked for one, or their advisor did), in French or English, naming the manager.
import {
  type Acknowledgement,
  type AcknowledgementLanguage,
  clean,
  greetingName,
  replySubject,
  signOff,
} from "./acknowledgement.ts";

export type EscalationNoticeInput = {
  language: AcknowledgementLanguage;
  reference: string;
  subject: string;
  managerName: string;
  /** When they will hear back, worded by the caller; null when no clock runs. */
  promiseText: string | null;
  /** True when the customer asked for it themselves. */
  asked: boolean;
  brandName: string;
  customerName?: string | null;
  signature?: string | null;
};

export function composeEscalationNotice(input: EscalationNoticeInput): Acknowledgement {
  const name = greetingName(input.customerName);
  const manager = clean(input.managerName) ?? "";
  const promise = clean(input.promiseText);
  const lines =
    input.language === "fr"
      ? [
          name ? `Bonjour ${name},` : "Bonjour,",
          "",
          `${input.asked ? "Comme vous l’avez demandé, votre" : "Votre"} demande ${input.reference} est confiée à ${manager}, responsable de l’équipe${promise ? `, qui vous répondra ${promise}` : ""}.`,
          "",
          ...signOff(input, "Bien cordialement,", `L’équipe ${input.brandName}`),
        ]
      : [
          name ? `Hello ${name},` : "Hello,",
          "",
          `${input.asked ? "As you asked, your" : "Your"} request ${input.reference} is now with ${manager}, the team’s manager${promise ? `, who will get back to you ${promise}` : ""}.`,
          "",
          ...signOff(input, "Kind regards,", `The ${input.brandName} team`),
        ];
  return { subject: replySubject(input.subject, input.reference), text: `${lines.join("\n")}\n` };
}
