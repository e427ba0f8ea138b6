// GET /api/v1/attachments/{id}: a file as stored, always a download; /preview shows raster images
// and PDF inline from a sandboxed answer, and refuses anything else (SVG and HTML can script).
import { z } from "zod";
import { previewContentType, servedContentType } from "../../domain/mail/content-sniff.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { attachmentOf } from "../../store/queries/attachments.ts";
import type { App } from "../app-type.ts";
import { contentDisposition } from "../content-disposition.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";

/**
 * A preview runs nothing and loads nothing but itself: a unique origin (`sandbox`), no script,
 * no connection; images and the PDF viewer's own styles only.
 */
export const previewPolicy =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'";

const params = z.object({ id: z.uuid() });

export function registerAttachmentRoutes(app: App, rt: Runtime): void {
  const load = async (workspaceId: string, id: string) => {
    const found = await attachmentOf(rt.db, workspaceId, id);
    if (!found) throw new DeskError("not_found", "no such attachment");
    const bytes = await rt.blobs.get(found.blobKey);
    return { found, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  };

  app.get(
    "/api/v1/attachments/:id",
    {
      schema: {
        summary: "Download an attachment as it was stored",
        description:
          "Always a download (`Content-Disposition: attachment`, the name in UTF-8 per RFC 5987, " +
          "`X-Content-Type-Options: nosniff`). The type is the stored one unless the bytes say " +
          "otherwise: a file that claims to be an image or a PDF and is not comes as " +
          "`application/octet-stream`.",
        tags: ["conversations"],
        params,
        response: { 200: z.unknown().describe("the file's bytes"), 404: problemView },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { found, body } = await load(p.workspaceId, request.params.id);
      return reply
        .header("content-type", servedContentType(found.contentType, body))
        .header("content-disposition", contentDisposition("attachment", found.filename))
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/api/v1/attachments/:id/preview",
    {
      schema: {
        summary: "Show an image or PDF attachment inline",
        description:
          "Only for files whose bytes are a PNG, JPEG, GIF, WebP image or a PDF (whatever type they " +
          "were sent with), served inline under a sandboxing Content-Security-Policy. Anything " +
          "else (SVG, HTML, documents…) is refused with `not_previewable` (415): download it.",
        tags: ["conversations"],
        params,
        response: {
          200: z.unknown().describe("the image or PDF"),
          404: problemView,
          415: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { found, body } = await load(p.workspaceId, request.params.id);
      const type = previewContentType(body);
      if (!type)
        throw new DeskError(
          "not_previewable",
          `${found.filename} cannot be shown here: download it`,
        );
      return reply
        .header("content-type", type)
        .header("content-disposition", contentDisposition("inline", found.filename))
        .header("content-security-policy", previewPolicy)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, max-age=3600")
        .send(body);
    },
  );
}
