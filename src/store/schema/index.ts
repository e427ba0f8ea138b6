// The whole schema, as one object for Drizzle and drizzle-kit.
export * from "./brand.ts";
export * from "./canned-answer.ts";
export * from "./continuity.ts";
export * from "./conversation.ts";
export * from "./customer.ts";
export * from "./customer-merge.ts";
export * from "./event.ts";
export * from "./mailbox.ts";
export * from "./notification.ts";
export * from "./order.ts";
export * from "./people.ts";
export * from "./portal.ts";
export * from "./search.ts";
export * from "./transfer.ts";
export * from "./webhook.ts";
export * from "./widget.ts";
export * from "./workspace.ts";
