// Narrows an open string from the API (a channel, a timeline type) to the values the console has words for.

export function oneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
