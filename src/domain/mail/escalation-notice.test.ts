import { describe, expect, it } from "vitest";
import { composeAcknowledgement } from "./acknowledgement.ts";
import { composeEscalationNotice } from "./escalation-notice.ts";

const base = {
  reference: "K7M2QX9A",
  subject: "Commande en retard",
  managerName: "Marc Petit",
  promiseText: "avant demain 12 h",
  asked: true,
  brandName: "Maison",
  customerName: "Marie",
};

describe("the escalation notice", () => {
  it("names the manager in French, as the customer asked", () => {
    const notice = composeEscalationNotice({ ...base, language: "fr" });
    expect(notice.subject).toBe("Re: Commande en retard [#K7M2QX9A]");
    expect(notice.text).toContain(
      "Comme vous l’avez demandé, votre demande K7M2QX9A est confiée à Marc Petit, responsable de l’équipe, qui vous répondra avant demain 12 h.",
    );
  });

  it("names the manager in English, without a promise when no clock runs", () => {
    const notice = composeEscalationNotice({
      ...base,
      language: "en",
      asked: false,
      promiseText: null,
    });
    expect(notice.text).toContain(
      "Your request K7M2QX9A is now with Marc Petit, the team’s manager.",
    );
  });

  it("the acknowledgement of a first message that asked for a manager names them", () => {
    const ack = composeAcknowledgement({
      language: "en",
      reference: "K7M2QX9A",
      promiseText: "by tomorrow 12:00",
      brandName: "Maison",
      advisorName: "Marc Petit",
      escalated: true,
    });
    expect(ack.text).toContain(
      "As you asked, your request is now with Marc Petit, the team’s manager",
    );
  });
});
