// Which attachments only malware sends to a help desk: programs, scripts, shortcuts and disk
// images, worse when disguised behind a document's name (invoice.pdf.exe).

export type AttachmentRisk = "program" | "disguised_program" | null;

const PROGRAM_EXTENSIONS = new Set([
  "exe",
  "scr",
  "js",
  "jse",
  "vbs",
  "vbe",
  "jar",
  "bat",
  "cmd",
  "com",
  "pif",
  "hta",
  "wsf",
  "lnk",
  "msi",
  "ps1",
  "iso",
  "img",
]);
const PROGRAM_TYPES = new Set([
  "application/x-msdownload",
  "application/x-msdos-program",
  "application/x-dosexec",
  "application/hta",
  "application/x-ms-shortcut",
]);
// Characters that reverse the reading direction make "invoice\u202efdp.exe" read "invoiceexe.pdf".
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

export function attachmentRisk(attachment: {
  filename: string | null;
  contentType: string;
}): AttachmentRisk {
  // Windows drops trailing dots and spaces: "setup.exe. " runs as setup.exe.
  const name = (attachment.filename ?? "")
    .trim()
    .toLowerCase()
    .replace(/[.\s]+$/, "");
  const extensions = name
    .split(".")
    .slice(1)
    .map((part) => part.trim());
  const program =
    PROGRAM_EXTENSIONS.has(extensions.at(-1) ?? "") ||
    PROGRAM_TYPES.has(attachment.contentType.toLowerCase());
  if (!program) return null;
  return extensions.length >= 2 || BIDI_CONTROLS.test(name) ? "disguised_program" : "program";
}
