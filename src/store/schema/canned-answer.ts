// Canned answers: reusable replies with variables, per language and optionally per brand.
import { foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brand.ts";
import { createdAt, tenant, updatedAt } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export const cannedAnswers = pgTable(
  "canned_answers",
  {
    ...tenant,
    title: text("title").notNull(),
    language: text("language").notNull().default("en"),
    brandId: uuid("brand_id"),
    /** The text, with variables such as {{customer.name}} and {{advisor.name}}. */
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.brandId],
      foreignColumns: [brands.workspaceId, brands.id],
    }),
    index("canned_answers_brand").on(t.workspaceId, t.brandId),
  ],
);
