// Message-IDs as Rapport stores and compares them: without angle brackets, one per id.

const MAX_LENGTH = 998;

/** The first id of a Message-ID or In-Reply-To value, without `<>`; null when there is none. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  return messageIdList(value)[0] ?? null;
}

/**
 * Every id in a References-like value. Ids in angle brackets win; a value without any
 * (some clients write bare ids) is split on whitespace and commas, keeping what has an `@`.
 */
export function messageIdList(value: string | null | undefined): string[] {
  if (!value) return [];
  const bracketed = Array.from(value.matchAll(/<([^<>\s]+)>/g), (match) => match[1] ?? "");
  const ids =
    bracketed.length > 0
      ? bracketed
      : value
          .split(/[\s,]+/)
          .map(stripBrackets)
          .filter((id) => id.includes("@"));
  return ids.filter((id) => id !== "" && id.length <= MAX_LENGTH && !hasControlCharacter(id));
}

function hasControlCharacter(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) < 0x20) return true;
  return false;
}

function stripBrackets(id: string): string {
  return id.replace(/^<+|>+$/g, "").trim();
}
