// A customer's habits and preferences as structured entries ("diet: allergic to nuts"), and their
// tags: the small rules that keep both lists clean, and what changed between two versions of them.

export const preferenceKinds = ["contact", "diet", "delivery", "payment", "other"] as const;
export type PreferenceKind = (typeof preferenceKinds)[number];
export type Preference = { kind: PreferenceKind; text: string };

export const preferenceLimits = { entries: 30, text: 200, tags: 30, tag: 40 } as const;

const spaces = (text: string) => text.replace(/\s+/g, " ").trim();
const sameKey = (p: Preference) => `${p.kind}\u0000${spaces(p.text).toLocaleLowerCase()}`;

/** The entries as kept: words trimmed, empty ones dropped, one of each (kind, words) in any case. */
export function cleanPreferences(list: readonly Preference[]): Preference[] {
  const seen = new Set<string>();
  const kept: Preference[] = [];
  for (const p of list) {
    const text = spaces(p.text);
    const key = sameKey(p);
    if (text === "" || seen.has(key)) continue;
    seen.add(key);
    kept.push({ kind: p.kind, text });
  }
  return kept;
}

/** Tags as kept: trimmed, a leading "#" dropped, one of each in any case (the first spelling wins). */
export function cleanTags(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const written of list) {
    const tag = spaces(written).replace(/^#+/, "").trim();
    const key = tag.toLocaleLowerCase();
    if (tag === "" || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}

export type ListChanges<T> = { added: T[]; removed: T[] };

/** What `after` adds to `before` and what it drops, each compared by `key`. */
export function listChanges<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): ListChanges<T> {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return {
    added: after.filter((item) => !had.has(key(item))),
    removed: before.filter((item) => !has.has(key(item))),
  };
}

export const preferenceChanges = (before: readonly Preference[], after: readonly Preference[]) =>
  listChanges(before, after, sameKey);

export const tagChanges = (before: readonly string[], after: readonly string[]) =>
  listChanges(before, after, (t) => t.toLocaleLowerCase());
