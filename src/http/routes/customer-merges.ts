// Merge suggestions, merging two customers and undoing a merge. Every role may merge, as in Help
// Scout: a merge loses nothing, is recorded on both timelines and can be undone exactly.
import { z } from "zod";
import { mergeCustomers } from "../../commands/customer/merge-customers.ts";
import { suggestMerges } from "../../commands/customer/suggest-merges.ts";
import { undoMerge } from "../../commands/customer/undo-merge.ts";
import { runCommand, runIdempotent } from "../../commands/run-command.ts";
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";

const idParams = z.object({ id: z.uuid() });

const evidenceView = z
  .object({
    kind: z.enum([
      "same_phone",
      "email_seen",
      "email_variant",
      "same_handle",
      "same_name_organisation",
      "same_name_domain",
    ]),
    phone: z.string().optional(),
    email: z.string().optional(),
    other_email: z.string().optional(),
    handle: z.string().optional(),
    name: z.string().optional(),
    domain: z.string().optional(),
  })
  .describe(
    "same_phone: one holds the number and a message of the other carried it; email_seen: the " +
      "same for an address; email_variant: addresses that differ by a +tag or, at Gmail, by " +
      "dots (only ever a suggestion); same_handle: a chat visitor id or social handle; " +
      "same_name_organisation; same_name_domain: same name and an address at the same domain, " +
      "never a shared provider's",
  );

const suggestionsView = z.object({
  items: z.array(
    z.object({
      customer: z.object({
        id: z.string(),
        name: z.string(),
        identities: z.array(z.object({ kind: z.string(), value: z.string() })),
      }),
      score: z.number().min(0).max(1).describe("1 − Π(1 − weight of each evidence)"),
      evidence: z.array(evidenceView),
      moves: z
        .record(z.string(), z.number())
        .describe("rows a merge of this customer into the one asked about would move, per table"),
    }),
  ),
});

const mergeBody = z.strictObject({
  other_id: z.uuid().describe("the customer merged into this one (it then answers `merged_into`)"),
});
const mergeView = z.object({
  merge_id: z.string(),
  customer_id: z.string().describe("the surviving customer"),
  other_id: z.string(),
  moved: z.record(z.string(), z.number()).describe("rows moved, per table"),
});
const undoView = z.object({
  merge_id: z.string(),
  customer_id: z.string(),
  other_id: z.string(),
  undone: z.literal(true),
});

export function registerCustomerMergeRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/customers/:id/merge-suggestions",
    {
      schema: {
        summary: "Customers that may be the same person, with the evidence",
        description:
          "At most 10, likeliest first. Candidates are found through indexes (identities the " +
          "customer's messages carried that another holds, and the reverse; address variants; " +
          "the same name) and weighed by src/domain/identity/merge-suggestions.ts.",
        tags: ["customers"],
        params: idParams,
        response: { 200: suggestionsView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const list = await suggestMerges(rt.db, p.workspaceId, request.params.id);
      return {
        items: list.map((s) => ({
          customer: {
            id: s.customer.id,
            name: s.customer.name,
            identities: s.customer.identities.map((i) => ({ kind: i.kind, value: i.value })),
          },
          score: s.score,
          evidence: s.evidence,
          moves: s.moves,
        })),
      };
    },
  );

  app.post(
    "/api/v1/customers/:id/merge",
    {
      schema: {
        summary: "Merge another customer into this one",
        description:
          "Every conversation, identity, message and event of `other_id` moves to this customer; " +
          "`other_id` keeps answering GET with `merged_into`. Both customers are locked in the " +
          "order of their ids, so concurrent merges sharing a customer wait for each other. A " +
          "customer already merged is a 409 `customer_already_merged`; merging into itself a 400. " +
          "Any role may merge (it can be undone: POST /api/v1/merges/{id}/undo).",
        tags: ["customers"],
        params: idParams,
        headers: idempotencyHeader,
        body: mergeBody,
        response: {
          200: mergeView,
          201: mergeView,
          400: problemView,
          404: problemView,
          409: problemView,
          422: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { id } = request.params;
      const { answer, replayed } = await runIdempotent(
        rt,
        mergeCustomers,
        p,
        { customerId: id, otherId: request.body.other_id },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: `customers/${id}/merge`, body: request.body },
          answer: (r) => ({
            merge_id: r.mergeId,
            customer_id: r.customerId,
            other_id: r.otherId,
            moved: Object.fromEntries(
              Object.entries(r.moved).map(([k, ids]) => [k.split(".")[0] ?? k, ids.length]),
            ),
          }),
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.post(
    "/api/v1/merges/:id/undo",
    {
      schema: {
        summary: "Undo a merge",
        description:
          "Restores both customers: what the merge moved goes back to the merged customer, and so " +
          "does what reached the survivor since through an identity that came from it — a " +
          "conversation opened since by a message from its address or number goes back with its " +
          "messages and events, a message sent since from it into the survivor's conversation " +
          "goes back as that customer's message (the conversation stays). Identities added to the " +
          "survivor since stay with it. A second undo is a 409 `merge_already_undone`; a merge " +
          "whose survivor was merged again since, 409 `merge_not_undoable`.",
        tags: ["customers"],
        params: idParams,
        response: { 200: undoView, 404: problemView, 409: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const r = await runCommand(rt, undoMerge, p, { mergeId: request.params.id });
      return {
        merge_id: r.mergeId,
        customer_id: r.customerId,
        other_id: r.otherId,
        undone: true as const,
      };
    },
  );
}
