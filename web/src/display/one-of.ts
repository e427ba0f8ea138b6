// Narrows an open string from the API (a channel, a timeline type) to the values the console has words for.

export function oneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * A name the console has no word for, made readable: "loyalty_milestone" → "Loyalty milestone",
 * "merge.undone" → "Merge undone", "closeReason" → "Close reason".
 */
export function readable(value: string): string {
  const spaced = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.\-\s]+/g, " ")
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
