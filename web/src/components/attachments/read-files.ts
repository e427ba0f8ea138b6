// Files the advisor picked, read into what the reply endpoint takes (base64), within its limits.
import type { NewAttachment } from "../../api/conversations.ts";

/** The server's limits on one message (POST /conversations/{id}/messages). */
export const ATTACHMENT_LIMITS = { count: 10, bytes: 10 * 1024 * 1024 };

export type PickedFile = { key: string; file: File };

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function readAttachments(picked: readonly PickedFile[]): Promise<NewAttachment[]> {
  return Promise.all(
    picked.map(async ({ file }) => ({
      filename: file.name,
      content_type: file.type || "application/octet-stream",
      content_base64: await base64Of(file),
    })),
  );
}

export const totalBytes = (picked: readonly PickedFile[]) =>
  picked.reduce((sum, p) => sum + p.file.size, 0);
