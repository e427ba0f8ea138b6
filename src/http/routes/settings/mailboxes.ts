// /api/v1/mailboxes: IMAP mailboxes that feed a brand (CONTRACT §8); admins only, the password
// written and never read back.
import { z } from "zod";
import { runCommand, runIdempotent } from "../../../commands/run-command.ts";
import { createMailbox } from "../../../commands/settings/create-mailbox.ts";
import { deleteMailbox } from "../../../commands/settings/delete-mailbox.ts";
import { updateMailbox } from "../../../commands/settings/update-mailbox.ts";
import { DeskError } from "../../../errors.ts";
import type { Runtime } from "../../../runtime.ts";
import { getMailbox, listMailboxes } from "../../../store/queries/mailboxes.ts";
import type { App } from "../../app-type.ts";
import { principalOf } from "../../plugins/authentication.ts";
import { page, paging, problemView } from "../../schemas/conversation.ts";
import { idempotencyHeader } from "../../schemas/idempotency.ts";
import {
  mailboxPatchBody,
  mailboxView,
  newMailboxBody,
  presentMailbox,
} from "../../schemas/mailbox.ts";
import { invalidInputView } from "../../schemas/settings.ts";
import { idParams, pageAnswer, positionOf } from "./paging.ts";

type MailboxBody = Partial<z.infer<typeof newMailboxBody>>;

const mailboxInput = (b: MailboxBody) => ({
  brandId: b.brand_id,
  host: b.host,
  port: b.port,
  tls: b.tls,
  user: b.user,
  password: b.password,
  folder: b.folder,
  afterTaking: b.after_taking,
  keyword: b.keyword,
  moveTo: b.move_to,
  enabled: b.enabled,
});

export function registerMailboxRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/mailboxes",
    {
      config: { role: "admin" },
      schema: {
        summary: "List the IMAP mailboxes, newest first",
        tags: ["settings"],
        querystring: z.strictObject({ brand: z.uuid().optional(), ...paging }),
        response: { 200: page(mailboxView), 400: invalidInputView, 403: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      const result = await listMailboxes(rt.db, {
        workspaceId: p.workspaceId,
        brandId: q.brand,
        after: positionOf(rt, q.cursor),
        limit: q.limit,
      });
      return pageAnswer(rt, result, presentMailbox);
    },
  );

  app.get(
    "/api/v1/mailboxes/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "One IMAP mailbox, with its connection's state",
        tags: ["settings"],
        params: idParams,
        response: { 200: mailboxView, 403: problemView, 404: problemView },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const mailbox = await getMailbox(rt.db, p.workspaceId, request.params.id);
      if (!mailbox) throw new DeskError("not_found", "no such mailbox");
      return presentMailbox(mailbox);
    },
  );

  app.post(
    "/api/v1/mailboxes",
    {
      config: { role: "admin" },
      schema: {
        summary: "Feed a brand from an existing IMAP mailbox",
        description:
          "The password is kept sealed and never returned. Each mail is taken once, flagged or moved on the server only after it is stored.",
        tags: ["settings"],
        headers: idempotencyHeader,
        body: newMailboxBody,
        response: {
          200: mailboxView,
          201: mailboxView,
          400: invalidInputView,
          403: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const b = request.body;
      const { answer, replayed } = await runIdempotent(
        rt,
        createMailbox,
        p,
        {
          ...mailboxInput(b),
          brandId: b.brand_id,
          host: b.host,
          port: b.port,
          tls: b.tls,
          user: b.user,
          password: b.password,
        },
        {
          key: request.headers["idempotency-key"],
          request: { method: "POST", path: "mailboxes", body: b },
          answer: presentMailbox,
        },
      );
      return reply.code(replayed ? 200 : 201).send(answer);
    },
  );

  app.patch(
    "/api/v1/mailboxes/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change an IMAP mailbox",
        description:
          "A new host, port, user or folder is read from its start again; each mail is still kept once.",
        tags: ["settings"],
        params: idParams,
        body: mailboxPatchBody,
        response: {
          200: mailboxView,
          400: invalidInputView,
          403: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const mailbox = await runCommand(rt, updateMailbox, p, {
        id: request.params.id,
        patch: mailboxInput(request.body),
      });
      return presentMailbox(mailbox);
    },
  );

  app.delete(
    "/api/v1/mailboxes/:id",
    {
      config: { role: "admin" },
      schema: {
        summary: "Stop feeding a brand from an IMAP mailbox",
        description:
          "The mail already taken stays; the mailbox is let go at the poller's next look.",
        tags: ["settings"],
        params: idParams,
        response: { 204: z.null(), 403: problemView, 404: problemView },
      },
    },
    async (request, reply) => {
      await runCommand(rt, deleteMailbox, principalOf(request), { id: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
