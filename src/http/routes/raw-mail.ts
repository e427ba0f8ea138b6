// GET /api/v1/messages/{id}/raw: a mail as it was received, whole, as a download. A conversation
// shows at most a part of a very large body; this is where the rest is.
import { z } from "zod";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { rawMailOf } from "../../store/queries/conversations.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";

/** Raw mail is kept under this kind and extension (ingest-mail.ts): nothing else is served here. */
const rawMailKey = /^raw\/.+\.eml$/;

export function registerRawMailRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/messages/:id/raw",
    {
      schema: {
        summary: "Download a mail as it was received (message/rfc822)",
        description:
          "Always a download (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`): " +
          "the bytes are the sender's, never shown as a page. 404 for a message that did not come by mail.",
        tags: ["conversations"],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.unknown().describe("the raw mail: message/rfc822 bytes"),
          404: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const key = await rawMailOf(rt.db, p.workspaceId, request.params.id);
      if (!key || !rawMailKey.test(key))
        throw new DeskError("not_found", "no raw mail for this message");
      const bytes = await rt.blobs.get(key);
      return reply
        .header("content-type", "message/rfc822")
        .header("content-disposition", `attachment; filename="message-${request.params.id}.eml"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
