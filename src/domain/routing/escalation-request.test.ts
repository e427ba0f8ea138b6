import { describe, expect, it } from "vitest";
import { detectEscalationRequest } from "./escalation-request.ts";

const requests = [
  "Je veux parler à un responsable.",
  "Bonjour, je souhaiterais parler à votre supérieur s'il vous plaît",
  "Passez-moi le responsable, j'attends depuis trois semaines !",
  "Je demande à voir la direction",
  "I want to speak to a manager.",
  "Can I talk to your supervisor please?",
  "I'd like to speak to the manager, this is unacceptable",
  "I need a manager to look at this now",
];
const notRequests = [
  "je ne veux pas de responsable",
  "Je ne veux pas parler à un responsable, juste une réponse.",
  "no need for a manager",
  "I don't want to speak to a manager, just fix it",
  "No need to escalate to a manager, thanks",
  "My manager asked me to write to you about the invoice",
  "Mon responsable veut connaître le délai",
  "The manager of the shop was very kind",
  "Where is my parcel?",
];

describe("a customer asking for a manager", () => {
  it.each(requests)("is a request: %s", (text) => {
    expect(detectEscalationRequest(text)).not.toBeNull();
  });
  it.each(notRequests)("is not a request: %s", (text) => {
    expect(detectEscalationRequest(text)).toBeNull();
  });
  it("names the words that asked", () => {
    expect(detectEscalationRequest("Bon. Je veux parler à un responsable !")?.words).toBe(
      "je veux parler a un responsable",
    );
  });
});
