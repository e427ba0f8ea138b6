// The vocabulary of a message: its direction, who wrote it, and where its delivery stands.

export const messageDirections = ["inbound", "outbound", "note"] as const;
export type MessageDirection = (typeof messageDirections)[number];

export const deliveryStates = ["queued", "sent", "failed", "bounced"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const authorKinds = ["customer", "user", "system"] as const;
export type AuthorKind = (typeof authorKinds)[number];
