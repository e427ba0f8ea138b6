// The API's view of organisations (docs/CONTRACT.md §8, partners): what is read and written, and the
// presenter that fills it.
import { z } from "zod";
import type { Organisation } from "../../store/queries/organisations.ts";

const iso = z.string().describe("ISO-8601 UTC");

const organisationInput = {
  name: z.string().trim().min(1).max(200),
  domains: z
    .array(z.string().max(253))
    .max(50)
    .describe(
      "mail domains of the organisation (example.com), stored lower-case; never a shared provider " +
        "such as gmail.com (400), nor a domain another organisation holds (409)",
    ),
  is_partner: z.boolean(),
  partner_manager_id: z
    .uuid()
    .nullable()
    .describe("an active user: a partner's new conversations go to them"),
  advisor_id: z
    .uuid()
    .nullable()
    .describe("an active user: the advisor of the customers who have none of their own"),
  backup_id: z.uuid().nullable().describe("an active user other than the advisor"),
  notes: z.string().max(20_000),
};

type Input = typeof organisationInput;
const optional = Object.fromEntries(
  Object.entries(organisationInput).map(([k, v]) => [k, v.optional()]),
) as { [K in keyof Input]: z.ZodOptional<Input[K]> };

export const newOrganisationBody = z.strictObject({ ...optional, name: organisationInput.name });

export const organisationPatchBody = z
  .strictObject(optional)
  .refine((body) => Object.keys(body).length > 0, "nothing to change");

export const organisationQuery = {
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("part of the name, in any case or accent"),
};

export const organisationView = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  is_partner: z.boolean(),
  partner_manager_id: z.string().nullable(),
  advisor_id: z.string().nullable(),
  backup_id: z.string().nullable(),
  notes: z.string(),
  created_at: iso,
  updated_at: iso,
});

export function presentOrganisation(o: Organisation): z.infer<typeof organisationView> {
  return {
    id: o.id,
    name: o.name,
    domains: o.domains,
    is_partner: o.isPartner,
    partner_manager_id: o.partnerManagerId,
    advisor_id: o.advisorId,
    backup_id: o.backupId,
    notes: o.notes,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

/** The patch as the use case takes it: `undefined` keeps a field, `null` clears it. */
export function organisationFieldsOf(
  b: z.infer<typeof organisationPatchBody> | z.infer<typeof newOrganisationBody>,
) {
  return {
    name: b.name,
    domains: b.domains,
    isPartner: b.is_partner,
    partnerManagerId: b.partner_manager_id,
    advisorId: b.advisor_id,
    backupId: b.backup_id,
    notes: b.notes,
  };
}
