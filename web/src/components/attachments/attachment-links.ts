// Where the console finds an attachment's bytes: a download, and a preview for images and PDF.
import type { Attachment } from "../../api/types.ts";

const PREVIEWED = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
]);

export const downloadUrl = (a: Attachment) => `/api/v1/attachments/${encodeURIComponent(a.id)}`;
export const previewUrl = (a: Attachment) => `${downloadUrl(a)}/preview`;

const typeOf = (a: Attachment) => (a.content_type.split(";")[0] ?? "").trim().toLowerCase();

/** Offered inline by its declared type; the server checks the bytes and refuses what is not. */
export const isPreviewable = (a: Attachment) => PREVIEWED.has(typeOf(a));
export const isImage = (a: Attachment) => isPreviewable(a) && typeOf(a).startsWith("image/");
