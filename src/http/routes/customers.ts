// Customers: search, profile with identities, profile changes, timeline, the summary an advisor reads
// first, and logged calls and visits, which every role may use; the person's data rights (export for
// managers, erasure for admins).

import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { eraseCustomer } from "../../commands/customer/erase-customer.ts";
import { exportCustomer } from "../../commands/customer/export-customer.ts";
import { forgetFiles } from "../../commands/customer/forget-files.ts";
import { logInteraction } from "../../commands/customer/log-interaction.ts";
import { updateCustomer } from "../../commands/customer/update-customer.ts";
import { idempotencyOf, runCommand } from "../../commands/run-command.ts";
import { normalizeEmail, normalizePhone } from "../../domain/identity/normalize.ts";
import { customerValue } from "../../domain/orders/value.ts";
import { phoneDigitsOf } from "../../domain/search/phone-digits.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import {
  factsOf,
  getProfile,
  listCustomers,
  profilesOf,
  timelineOf,
  userNames,
} from "../../store/queries/customers.ts";
import { mergedInto, workspaceCountry } from "../../store/queries/identity.ts";
import { lastMoodsOf } from "../../store/queries/moods.ts";
import { orderTotalsOf } from "../../store/queries/orders.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";
import {
  customerPatchBody,
  customerSummaryView,
  customerView,
  firstContactOf,
  interactionBody,
  interactionView,
  presentCustomer,
  presentInteraction,
  presentSummary,
  presentTimelineEntry,
  timelineEntryView,
} from "../schemas/customer.ts";
import { presentGlance } from "../schemas/glance.ts";
import { idempotencyHeader } from "../schemas/idempotency.ts";
import { invalidInputView } from "../schemas/settings.ts";

const idParams = z.object({ id: z.uuid() });

const erasureView = z.object({
  customer_id: z.string(),
  erased_at: z.string(),
  conversations: z.number().describe("conversations whose subject and messages were erased"),
  messages: z.number().describe("messages whose words, addresses and files were erased"),
});

export function registerCustomerRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/customers",
    {
      schema: {
        summary: "Find customers by email, phone or words, newest first",
        description:
          "`email` matches an identity whatever its case; `phone` a normalised number; `q` names " +
          "and identities (part of a word is enough); `advisor` and `organisation` the customers " +
          "of one advisor or one organisation. Filters combine. Merged profiles are left out.",
        tags: ["customers"],
        querystring: z.strictObject({
          email: z.string().trim().min(1).max(320).optional(),
          phone: z.string().trim().min(1).max(40).optional(),
          q: z.string().trim().min(1).max(200).optional(),
          advisor: z.uuid().optional().describe("the customers this user is the advisor of"),
          organisation: z.uuid().optional().describe("the customers of this organisation"),
          ...paging,
        }),
        response: { 200: page(customerView), 400: invalidInputView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const phone =
        q.phone === undefined
          ? undefined
          : normalizePhone(q.phone, await workspaceCountry(rt.db, p.workspaceId));
      if (phone === null) throw new DeskError("invalid_input", "phone: not a phone number");
      const digits = q.q ? phoneDigitsOf(q.q) : null;
      const result = await listCustomers(rt.db, {
        workspaceId: p.workspaceId,
        email: q.email === undefined ? undefined : normalizeEmail(q.email),
        phone,
        q: q.q,
        qDigits: digits ?? undefined,
        advisorId: q.advisor,
        organisationId: q.organisation,
        after: q.cursor ? decodeCursor(rt.secret, q.cursor) : undefined,
        limit: q.limit,
      });
      const profiles = await profilesOf(rt.db, p.workspaceId, result.rows);
      return {
        items: profiles.map(presentCustomer),
        next_cursor: result.next ? encodeCursor(rt.secret, result.next) : null,
      };
    },
  );

  app.get(
    "/api/v1/customers/:id",
    {
      schema: {
        summary: "A customer's profile with their identities",
        description:
          "A profile merged into another still answers 200, with `merged_into` (the surviving " +
          "customer's id) and `merge_id` (to undo the merge).",
        tags: ["customers"],
        params: idParams,
        response: { 200: customerView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const profile = await getProfile(rt.db, p.workspaceId, request.params.id);
      if (!profile) throw new DeskError("not_found", "no such customer");
      // A merged profile still answers, naming where the person lives on.
      const merged = profile.mergedIntoId
        ? await mergedInto(rt.db, p.workspaceId, profile.id)
        : null;
      return {
        ...presentCustomer(profile),
        merged_into: merged?.customerId ?? profile.mergedIntoId,
        merge_id: merged?.mergeId ?? null,
      };
    },
  );

  app.patch(
    "/api/v1/customers/:id",
    {
      schema: {
        summary: "Change a customer's profile",
        description:
          "Only the fields sent change. `emails` and `phones` are whole lists: addresses left out " +
          "are removed, new ones added; one that identifies another customer is a 409 (merge " +
          "them). Writes one customer.updated event naming the fields, with their values before " +
          "and after; none when nothing changed.",
        tags: ["customers"],
        params: idParams,
        body: customerPatchBody,
        response: {
          200: customerView,
          400: invalidInputView,
          404: problemView,
          409: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const b = request.body;
      const profile = await runCommand(rt, updateCustomer, p, {
        id: request.params.id,
        patch: {
          name: b.name,
          emails: b.emails,
          phones: b.phones,
          contactTimes: b.contact_times,
          preferredLanguage: b.preferred_language,
          timeZone: b.time_zone,
          preferredChannel: b.preferred_channel,
          notes: b.notes,
          importantDates: b.important_dates,
          preferences: b.preferences,
          tags: b.tags,
          advisorId: b.advisor_id,
          backupId: b.backup_id,
          organisationId: b.organisation_id,
        },
      });
      return presentCustomer(profile);
    },
  );

  app.get(
    "/api/v1/customers/:id/timeline",
    {
      schema: {
        summary: "A customer's timeline, newest first",
        description:
          "Every event about the customer: messages, conversations, calls and visits, changes. " +
          "Each entry names its conversation (reference, subject); an entry about a message shows " +
          "that message's author, direction, channel and the start of its words (`excerpt`).",
        tags: ["customers"],
        params: idParams,
        querystring: z.strictObject({ ...paging }),
        response: { 200: page(timelineEntryView), 400: invalidInputView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const after = request.query.cursor
        ? decodeCursor(rt.secret, request.query.cursor)
        : undefined;
      const profile = await getProfile(rt.db, p.workspaceId, request.params.id);
      if (!profile) throw new DeskError("not_found", "no such customer");
      const result = await timelineOf(rt.db, p.workspaceId, profile.id, {
        after,
        limit: request.query.limit,
      });
      return {
        items: result.rows.map((e) => presentTimelineEntry(e, result)),
        next_cursor: result.next ? encodeCursor(rt.secret, result.next) : null,
      };
    },
  );

  app.get(
    "/api/v1/customers/:id/summary",
    {
      schema: {
        summary:
          "What an advisor sees before reading: tenure, value, open conversations, last contact, advisor",
        description:
          "The glance: tenure, advisor and backup, preferences and tags, the partner flag, the " +
          "important dates of the next 30 days (yearly ones on their next occurrence, in the " +
          "customer's time zone) and the mood of their last five messages with the words behind it.",
        tags: ["customers"],
        params: idParams,
        response: { 200: customerSummaryView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const profile = await getProfile(rt.db, p.workspaceId, request.params.id);
      if (!profile) throw new DeskError("not_found", "no such customer");
      // The glance's reads at once: it waits for the slowest, not for all of them in turn.
      const [facts, names, moods, totals] = await Promise.all([
        factsOf(rt.db, p.workspaceId, profile.id),
        userNames(rt.db, p.workspaceId, [profile.advisorId, profile.backupId]),
        lastMoodsOf(rt.db, p.workspaceId, profile.id),
        orderTotalsOf(rt.db, p.workspaceId, profile.id),
      ]);
      const value = customerValue(
        totals,
        { customerSince: profile.customerSince, firstContactAt: firstContactOf(profile, facts) },
        rt.now(),
      );
      return {
        ...presentSummary(profile, facts, names, value),
        ...presentGlance(profile, moods, rt.now(), "UTC"),
      };
    },
  );

  app.post(
    "/api/v1/customers/:id/interactions",
    {
      schema: {
        summary: "Log a call or a visit",
        description:
          "inbound: the customer called or came, and waits for an answer unless `answering`; " +
          "outbound: the advisor called or visited them. Marked `answering`, it counts as a human " +
          "answer. Without `conversation_id` it opens a new conversation for the customer.",
        tags: ["customers"],
        params: idParams,
        headers: idempotencyHeader,
        body: interactionBody,
        response: {
          200: interactionView,
          201: interactionView,
          422: problemView,
          400: invalidInputView,
          404: problemView,
          409: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const key = request.headers["idempotency-key"];
      const path = `customers/${request.params.id}/interactions`;
      const idempotency = idempotencyOf<ReturnType<typeof presentInteraction>>(rt, p, key, {
        method: "POST",
        path,
        body: b,
      });
      const input = {
        customerId: request.params.id,
        channel: b.channel,
        direction: b.direction,
        summary: b.summary,
        answering: b.answering,
        conversationId: b.conversation_id,
        occurredAt: b.occurred_at === undefined ? undefined : new Date(b.occurred_at),
        durationMinutes: b.duration_minutes,
      };
      const { answer, replayed } = await idempotency.run(async () =>
        presentInteraction(
          await logInteraction(rt, p, input, (tx, logged) =>
            idempotency.remember(tx, rt, presentInteraction(logged)),
          ),
        ),
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.get(
    "/api/v1/customers/:id/export",
    {
      config: { role: "manager" },
      schema: {
        summary: "Everything held about a customer, as a ZIP (the right of access)",
        description:
          "`customer.json` (profile, identities, merged profiles), `conversations/<reference>.json` " +
          "(each with its messages and attachments' metadata), `events.json` (the timeline and " +
          "audit trail), `mail/<message_id>.eml` (raw mails as received) and " +
          "`attachments/<message_id>/<id>-<filename>`. Streamed as it is written.",
        tags: ["customers"],
        params: idParams,
        response: {
          200: z.unknown().describe("a ZIP archive (application/zip)"),
          404: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const archive = await exportCustomer(rt, p.workspaceId, request.params.id);
      if (!archive) throw new DeskError("not_found", "no such customer");
      archive.on("error", (error) =>
        request.log.error({ err: error, customer_id: request.params.id }, "export cut short"),
      );
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="customer-${request.params.id}.zip"`)
        .header("x-content-type-options", "nosniff")
        .send(archive);
    },
  );

  app.post(
    "/api/v1/customers/:id/erase",
    {
      config: { role: "admin" },
      schema: {
        summary: "Erase a customer everywhere (the right to erasure)",
        description:
          "Removes their identities, the words, addresses and files of their messages (raw mails " +
          "and attachments on disk), their conversations' subjects, their events' payloads, " +
          "notifications, replayable answers and queued jobs about them. The profile and the " +
          "conversations stay, anonymised, so the charter's figures hold. Writes one " +
          "`customer.erased` event without personal data. Cannot be undone.",
        tags: ["customers"],
        params: idParams,
        response: { 200: erasureView, 404: problemView, 409: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const erased = await runCommand(rt, eraseCustomer, p, { id: request.params.id });
      await forgetFiles(rt, erased);
      return {
        customer_id: erased.customerId,
        erased_at: erased.erasedAt.toISOString(),
        conversations: erased.conversations,
        messages: erased.messages,
      };
    },
  );
}
