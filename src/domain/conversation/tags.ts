// Tags on a conversation: short labels an advisor adds, normalised so that "Refund " and "refund"
// are one tag, and capped so that a list row stays readable.

export const maxTags = 10;
export const maxTagLength = 32;

/** Lower case, trimmed, inner spaces as one hyphen, no leading "#"; empty ones dropped. */
export function normaliseTag(tag: string): string {
  return tag.normalize("NFC").trim().replace(/^#+/, "").toLowerCase().replace(/\s+/g, "-");
}

export type TagsDecision = { ok: true; tags: string[] } | { ok: false; message: string };

/** The tags as stored: normalised, each once, in the order given; refused past the caps. */
export function decideTags(requested: readonly string[]): TagsDecision {
  const tags: string[] = [];
  for (const raw of requested) {
    const tag = normaliseTag(raw);
    if (tag === "") continue;
    if (tag.length > maxTagLength) {
      return { ok: false, message: `a tag holds at most ${maxTagLength} characters: "${tag}"` };
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > maxTags) {
    return { ok: false, message: `a conversation holds at most ${maxTags} tags` };
  }
  return { ok: true, tags };
}

/** Adds tags to those a conversation has (a bulk "tag" action). */
export function withTags(current: readonly string[], added: readonly string[]): TagsDecision {
  return decideTags([...current, ...added]);
}
