// Reads the human-written part of a bounce when no machine-readable report came with it: the
// wording of Exim, Exchange and Office 365, Gmail, qmail and Postfix, else SMTP reply codes.

export type BounceFormat = "exim" | "exchange" | "gmail" | "qmail" | "postfix" | "generic";

/** What the text itself says of the failure, for when it holds no SMTP code. */
export type BounceNature = "permanent" | "temporary" | "delayed" | null;

export type TextBounce = {
  format: BounceFormat;
  recipient: string | null;
  /** The remote server's answer when the text holds one, e.g. `550 5.1.1 User unknown`. */
  diagnostic: string | null;
  nature: BounceNature;
};

const ADDRESS = "[^\\s<>()\"',;:\\[\\]]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+";
const ANY_ADDRESS = new RegExp(ADDRESS, "i");
// Where the notice ends and the copy of the returned message begins; the last one is how
// postal-mime renders a message/rfc822 part it inlines (outside a multipart/report).
const COPY_MARKER =
  /^[ \t]*(?:-+ ?This is a copy of the message|-+ ?Below this line is a copy of the message|Original message headers:|-+ ?Original message|-+ ?The header of the original message|-{20,}\n(?=From: ))/im;
const SMTP_CODE = /(?<![\w.#-])[45][0-5]\d(?=[ -]+\S)|(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?!\.?\d)/;
const MAX_DIAGNOSTIC = 300;

/** The notice part of a bounce's text: what comes before the copy of the returned message. */
export function noticeOf(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n");
  const marker = normalized.search(COPY_MARKER);
  return marker >= 0 ? normalized.slice(0, marker) : normalized;
}

/**
 * The format whose wording the text has, read; with `generic`, any text holding an SMTP
 * reply code is read as a bounce too (the caller decides when the mail is one for sure).
 */
export function readTextBounce(text: string, options: { generic: boolean }): TextBounce | null {
  const notice = noticeOf(text);
  return (
    exim(notice) ??
    exchange(notice) ??
    gmail(notice) ??
    qmail(notice) ??
    postfix(notice) ??
    (options.generic ? generic(notice) : null)
  );
}

function exim(notice: string): TextBounce | null {
  if (!/created automatically by mail delivery software/i.test(notice)) return null;
  const delayed = /has not yet been delivered/i.test(notice);
  const line = notice.match(new RegExp(`^[ \\t]+<?(${ADDRESS})>?:?[ \\t]*$`, "im"));
  return {
    format: "exim",
    recipient: line?.[1] ?? null,
    diagnostic: line ? diagnosticOf(paragraphAt(notice, line.index ?? 0)) : null,
    // Exim says "permanent error" even when it gave up retrying a temporary one.
    nature: delayed
      ? "delayed"
      : /retry time(?:out)? (?:not reached|exceeded)/i.test(notice)
        ? "temporary"
        : /permanent error/i.test(notice)
          ? "permanent"
          : null,
  };
}

function exchange(notice: string): TextBounce | null {
  const office365 = notice.match(
    new RegExp(`Your message to (${ADDRESS}) couldn['’]t be delivered`, "i"),
  );
  const legacy = notice.search(/Delivery (?:has failed|is delayed) to these recipients or groups/i);
  if (!office365 && legacy < 0) return null;
  const answer =
    notice.match(/Remote Server returned ['‘]([^'’]+)['’]/i)?.[1] ??
    notice.match(/Reported error:[ \t]*(.+)/i)?.[1] ??
    notice.match(/#([45]\d\d[^#\n]*)#/)?.[1] ??
    null;
  const after = legacy >= 0 ? notice.slice(legacy).split("\n").slice(1).join("\n") : "";
  return {
    format: "exchange",
    recipient: office365?.[1] ?? after.match(ANY_ADDRESS)?.[0] ?? null,
    diagnostic: answer ? clip(answer) : null,
    nature: /Delivery is delayed/i.test(notice) ? "delayed" : null,
  };
}

function gmail(notice: string): TextBounce | null {
  const failed = notice.match(new RegExp(`Your message wasn['’]t delivered to (${ADDRESS})`, "i"));
  const delayed = notice.match(
    new RegExp(`There was a temporary problem delivering your message to (${ADDRESS})`, "i"),
  );
  if (!failed && !delayed) return null;
  const response = notice.match(
    /The response(?: from the remote server)? was:\s*\n?([^\n]+(?:\n[^\n]+)*)/i,
  );
  return {
    format: "gmail",
    recipient: (failed ?? delayed)?.[1] ?? null,
    diagnostic: response?.[1] ? clip(response[1]) : null,
    nature: delayed
      ? "delayed"
      : /address couldn['’]t be found|Address not found/i.test(notice)
        ? "permanent"
        : null,
  };
}

function qmail(notice: string): TextBounce | null {
  if (!/This is the qmail-send program/i.test(notice)) return null;
  const line = notice.match(new RegExp(`^<(${ADDRESS})>:[ \\t]*$`, "im"));
  return {
    format: "qmail",
    recipient: line?.[1] ?? null,
    diagnostic: line ? diagnosticOf(paragraphAt(notice, line.index ?? 0)) : null,
    // qmail too calls a message that expired in its queue a permanent error.
    nature: /not going to try again|in the queue too long/i.test(notice)
      ? "temporary"
      : /This is a permanent error/i.test(notice)
        ? "permanent"
        : null,
  };
}

function postfix(notice: string): TextBounce | null {
  if (!/This is the mail system at host/i.test(notice)) return null;
  const line = notice.match(new RegExp(`^<(${ADDRESS})>(?: \\(expanded from <[^>]*>\\))?:`, "im"));
  return {
    format: "postfix",
    recipient: line?.[1] ?? null,
    diagnostic: line ? diagnosticOf(paragraphAt(notice, line.index ?? 0)) : null,
    nature: /THIS IS A WARNING ONLY|still being retried/i.test(notice) ? "delayed" : null,
  };
}

function generic(notice: string): TextBounce | null {
  const code = notice.match(SMTP_CODE);
  if (!code) return null;
  const paragraph = paragraphAt(notice, code.index ?? 0);
  return {
    format: "generic",
    recipient: paragraph.match(ANY_ADDRESS)?.[0] ?? notice.match(ANY_ADDRESS)?.[0] ?? null,
    diagnostic: diagnosticOf(paragraph),
    nature:
      /\b(?:delayed|still being retried|will (?:retry|keep trying)|not yet been delivered)\b/i.test(
        notice,
      )
        ? "delayed"
        : null,
  };
}

/** The paragraph (lines between blank lines) holding `index`, joined. */
function paragraphAt(text: string, index: number): string {
  const blanks = Array.from(text.slice(0, index).matchAll(/\n[ \t]*\n/g));
  const last = blanks.at(-1);
  const start = last ? (last.index ?? 0) + last[0].length : 0;
  const end = text.slice(start).search(/\n[ \t]*\n/);
  return (end >= 0 ? text.slice(start, start + end) : text.slice(start))
    .replace(/\s+/g, " ")
    .trim();
}

/** From the first SMTP code of a paragraph onwards; the whole paragraph when it holds none. */
function diagnosticOf(paragraph: string): string | null {
  const code = paragraph.search(SMTP_CODE);
  const answer = code >= 0 ? paragraph.slice(code) : paragraph;
  return answer === "" ? null : clip(answer);
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_DIAGNOSTIC ? `${flat.slice(0, MAX_DIAGNOSTIC - 1)}…` : flat;
}
