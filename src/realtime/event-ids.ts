// Event ids are UUIDv7: their first 48 bits are the millisecond they were made, so a time bound on
// the events is a range of the primary key (workspace_id, id).

const uuidV7Shape = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isEventId = (id: string): boolean => uuidV7Shape.test(id);

/** The smallest UUIDv7 of the millisecond `at`: every id made at or after it compares above. */
export function firstIdAt(at: Date): string {
  const hex = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/** The millisecond a UUIDv7 was made. */
export function timeOfId(id: string): Date {
  return new Date(Number.parseInt(`${id.slice(0, 8)}${id.slice(9, 13)}`, 16));
}
