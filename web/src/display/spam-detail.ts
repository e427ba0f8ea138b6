// A spam rule's detail in the advisor's language. The server writes each detail in English from a
// fixed sentence with a few values in it (src/domain/mail/*.ts); the console recognises the sentence,
// keeps the values and says it again in its own words. A sentence it does not know is shown as sent.
import type { TFunction } from "i18next";
import type { SpamReason } from "../api/types.ts";
import { formatNumber } from "./format.ts";

type Detail = keyof typeof sentences;

/** Each sentence the server writes, its values captured by name. */
const sentences = {
  noMessageId: /^The mail has no Message-ID header\.$/,
  unreadableDate: /^The Date header cannot be read\.$/,
  noDate: /^The mail has no Date header\.$/,
  futureDate: /^The mail is dated (?<date>\S+), more than a day ahead\.$/,
  replyElsewhere: /^Replies would go to (?<to>\S+), but the mail is from (?<from>\S+)\.$/,
  forgedTrail: /^The relay trail looks forged: (?<what>.+)\.$/s,
  shoutingCapitals: /^The subject shouts: mostly capitals\.$/,
  shoutingExclamations: /^The subject shouts: (?<count>\d+) exclamation marks\.$/,
  shoutingBoth: /^The subject shouts: mostly capitals, (?<count>\d+) exclamation marks\.$/,
  deceptiveLink: /^A link shows (?<shown>\S+) but leads to (?<target>\S+)\.$/,
  shortener: /^Links go through a URL shortener: (?<hosts>.+)\.$/,
  program: /^The attachment (?<name>".*") is a program or disk image\.$/,
  disguisedProgram: /^The attachment (?<name>".*") is a program disguised as another file\.$/,
  phrases: /^The mail uses spam phrases: (?<phrases>.+)\.$/s,
  spfFail: /^SPF: the sending server is not allowed to send for this domain\.$/,
  spfSoftfail: /^SPF: the domain says the sending server is probably not its own\.$/,
  dkimFail: /^DKIM: a signature on the mail does not verify\.$/,
  dmarcFail: /^DMARC: the sender's domain does not vouch for this mail\.$/,
  htmlOnly: /^The mail has HTML and no plain-text part\.$/,
  shoutingBody: /^Much of the text is in capitals\.$/,
  moneyAmounts: /^The text announces large sums of money\.$/,
  removal: /^The text tells how to be removed from a mailing list\.$/,
  impersonal: /^The greeting names nobody \(/,
  exclamations: /^The text has five or more “!”\.$/,
  imageHeavy: /^The mail is mostly images, with little text\.$/,
  hiddenText: /^The HTML hides text \(white, invisible or tiny\)\.$/,
  salesPressure: /^The text pushes a sale \(/,
  undisclosed: /^The recipients are hidden \(“undisclosed recipients”\)\.$/,
  toItself: /^The mail is addressed to its own sender; the real recipients were hidden\.$/,
  manyRecipients: /^The mail went to (?<count>\d+) visible recipients at once\.$/,
  dateWithoutZone: /^The Date header has no time zone, which mail programs always write\.$/,
  advertisementLabel: /^The subject is labelled as an advertisement \(“ADV:”\)\.$/,
  notSpamClaim: /^The mail insists it is not spam, quoting rules for bulk senders\.$/,
  bareAddress: /^A link leads to a bare IP address \((?<address>[^)]+)\), not to a named site\.$/,
  form: /^The mail holds a form to fill in\.$/,
  scripts: /^The mail holds scripts or frames\.$/,
  clickHere: /^The text says “click here”\.$/,
  advertLayout: /^The HTML is laid out like an advert \(large type on coloured blocks\)\.$/,
  pretendReply: /^The subject says “Re:”, but the mail answers no earlier message\.$/,
  learnt: /^what advisors marked before \((?<percent>\d+) % spam-like: (?<words>.*)\)$/s,
  spamassassin:
    /^SpamAssassin (?<score>-?[\d.]+) \/ (?<threshold>-?[\d.]+)(?: (?<symbols>\(.*\)))?$/s,
} satisfies Record<string, RegExp>;

export function spamDetailText(t: TFunction, reason: SpamReason, locale: string): string {
  for (const [key, sentence] of Object.entries(sentences) as Array<[Detail, RegExp]>) {
    const match = sentence.exec(reason.detail);
    if (!match) continue;
    const values: Record<string, string | number> = { ...match.groups };
    if (values.count !== undefined) values.count = Number(values.count);
    if (typeof values.date === "string") {
      const date = new Date(values.date);
      if (!Number.isNaN(date.getTime())) {
        values.date = new Intl.DateTimeFormat(locale, {
          dateStyle: "long",
          timeStyle: "short",
        }).format(date);
      }
    }
    for (const name of ["score", "threshold"] as const) {
      if (typeof values[name] === "string") {
        values[name] = formatNumber(Number(values[name]), locale, 2);
      }
    }
    if (key === "spamassassin" && values.symbols === undefined) values.symbols = "";
    return t(`spam.detail.${key}`, values);
  }
  return reason.detail;
}

/** The sentences recognised, for the test that every one has words in both languages. */
export const SPAM_DETAILS = Object.keys(sentences) as Detail[];
