// Attachment names as people give them, made safe to show, to store and to offer for download.

/** A name safe to show and to offer for download: no path, no control characters, bounded. */
export function safeFilename(name: string | null): string {
  const base = (name ?? "attachment").split(/[\\/]/).pop() ?? "attachment";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_")
    .replace(/^\.+/, "")
    .trim();
  return cleaned.slice(0, 200) || "attachment";
}
