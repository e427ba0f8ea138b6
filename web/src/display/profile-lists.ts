// The preferences and tags a profile change added or removed, read from its event's data, so the
// timeline can say them in words ("Léa added a preference: diet — allergic to nuts").

export type ListedPreference = { kind: string; text: string };
export type ProfileListChanges = {
  preferencesAdded: ListedPreference[];
  preferencesRemoved: ListedPreference[];
  tagsAdded: string[];
  tagsRemoved: string[];
};

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function preferences(value: unknown): ListedPreference[] {
  return listOf(value).flatMap((p) => {
    const { kind, text } = (p ?? {}) as { kind?: unknown; text?: unknown };
    return typeof kind === "string" && typeof text === "string" ? [{ kind, text }] : [];
  });
}

const strings = (value: unknown) => listOf(value).filter((v): v is string => typeof v === "string");

/** Null when the change touched neither list. */
export function profileListChanges(data: Record<string, unknown>): ProfileListChanges | null {
  const p = (data.preferences ?? {}) as { added?: unknown; removed?: unknown };
  const t = (data.tags ?? {}) as { added?: unknown; removed?: unknown };
  const changes = {
    preferencesAdded: preferences(p.added),
    preferencesRemoved: preferences(p.removed),
    tagsAdded: strings(t.added),
    tagsRemoved: strings(t.removed),
  };
  return Object.values(changes).some((list) => list.length > 0) ? changes : null;
}
