// Reads the machine part of a delivery status notification (RFC 3464 §2): the per-message
// fields, then one group of fields per recipient, e.g. `Action: failed`, `Status: 5.1.1`.

export type DsnAction = "failed" | "delayed" | "delivered" | "relayed" | "expanded";

export type DsnRecipient = {
  /** The address, without its type (`rfc822;`) and angle brackets; null when absent. */
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: DsnAction | null;
  /** The enhanced status code (RFC 3463), e.g. `5.1.1`; null when absent or malformed. */
  status: string | null;
  /** Without its type (`smtp;`), unfolded. */
  diagnosticCode: string | null;
  remoteMta: string | null;
};

export type DeliveryStatus = { reportingMta: string | null; recipients: DsnRecipient[] };

const ACTIONS = new Set<string>(["failed", "delayed", "delivered", "relayed", "expanded"]);
/** An enhanced status code (RFC 3463): class 2, 4 or 5, subject and detail of 1–3 digits. */
export const ENHANCED_STATUS = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)/;
const MAX_FIELD = 1000;

export function parseDeliveryStatus(text: string): DeliveryStatus {
  const groups = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map(fieldsOf)
    .filter((fields) => fields.size > 0);
  const perMessage = groups[0] && !isRecipientGroup(groups[0]) ? groups.shift() : undefined;
  return {
    reportingMta: typed(perMessage?.get("reporting-mta")),
    recipients: groups.filter(isRecipientGroup).map((fields) => {
      const action = fields.get("action")?.toLowerCase().split(/[\s(]/)[0] ?? "";
      return {
        finalRecipient: address(fields.get("final-recipient")),
        originalRecipient: address(fields.get("original-recipient")),
        action: ACTIONS.has(action) ? (action as DsnAction) : null,
        status: enhancedStatus(fields.get("status")),
        diagnosticCode: typed(fields.get("diagnostic-code")),
        remoteMta: typed(fields.get("remote-mta")),
      };
    }),
  };
}

/** The first enhanced status code in a text: `#5.1.1`, `550 5.1.10 …` → `5.1.1`, `5.1.10`. */
export function enhancedStatus(text: string | null | undefined): string | null {
  const match = text?.match(ENHANCED_STATUS);
  return match ? `${match[1]}.${Number(match[2])}.${Number(match[3])}` : null;
}

/** The first Message-ID header of a header block (an attached message or its headers). */
export function messageIdOfHeaders(text: string): string | null {
  const end = text.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, " ");
  const match = block.match(/^message-id:\s*<([^<>\s]+)>/im);
  return match?.[1] ?? null;
}

function fieldsOf(group: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of group.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name))
      fields.set(
        name,
        line
          .slice(colon + 1)
          .trim()
          .slice(0, MAX_FIELD),
      );
  }
  return fields;
}

function isRecipientGroup(fields: Map<string, string>): boolean {
  return fields.has("final-recipient") || fields.has("original-recipient") || fields.has("action");
}

/** `rfc822; a@b` → `a@b`, `smtp; 550 …` → `550 …`, whitespace collapsed. */
function typed(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semicolon = value.indexOf(";");
  const bare = (
    semicolon >= 0 && /^[\w-]+$/.test(value.slice(0, semicolon).trim())
      ? value.slice(semicolon + 1)
      : value
  )
    .replace(/\s+/g, " ")
    .trim();
  return bare === "" ? null : bare;
}

function address(value: string | undefined): string | null {
  const bare = typed(value)?.replace(/^<|>$/g, "").trim() ?? "";
  return bare.includes("@") ? bare : null;
}
