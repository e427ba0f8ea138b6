// The links a mail carries, read without a DOM: `<a href>` with their visible text from the
// HTML, bare URLs from the text, and the host each one leads to.

export type AnchorLink = { href: string; text: string };

// Bounds for hostile input: a mail's links are read from its first megabyte, at most 500 of them.
const MAX_HTML = 1024 * 1024;
const MAX_LINKS = 500;
const MAX_ANCHOR_TEXT = 2000;

const ANCHOR_OPEN = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const TEXT_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  sol: "/",
  colon: ":",
  period: ".",
  commat: "@",
};

export function anchorLinks(html: string): AnchorLink[] {
  const source = html.slice(0, MAX_HTML);
  const links: AnchorLink[] = [];
  for (const match of source.matchAll(ANCHOR_OPEN)) {
    if (links.length >= MAX_LINKS) break;
    const href = (match[1] ?? "").match(HREF);
    if (!href) continue;
    const start = (match.index ?? 0) + match[0].length;
    const close = source.slice(start, start + MAX_ANCHOR_TEXT).search(/<\/a\s*>/i);
    const inner = close >= 0 ? source.slice(start, start + close) : "";
    links.push({
      href: decodeEntities(href[1] ?? href[2] ?? href[3] ?? "").trim(),
      text: decodeEntities(inner.replace(/<[^>]*>/g, " "))
        .replace(/\s+/g, " ")
        .trim(),
    });
  }
  return links;
}

export type MailLinks = { anchors: AnchorLink[]; urls: string[] };

/** Every link of a mail: its HTML anchors, and where they and the plain text's URLs lead. */
export function mailLinks(html: string | null, text: string | null): MailLinks {
  const anchors = html ? anchorLinks(html) : [];
  return { anchors, urls: [...anchors.map((anchor) => anchor.href), ...textUrls(text ?? "")] };
}

/** URLs written out in plain text (`https://…`, `www.…`), trailing punctuation dropped. */
export function textUrls(text: string): string[] {
  return Array.from(text.slice(0, MAX_HTML).matchAll(TEXT_URL), (match) =>
    match[0].replace(/[.,;:!?]+$/, ""),
  ).slice(0, MAX_LINKS);
}

/** The lower-case host an http(s) link leads to (`www.` kept); null for other schemes. */
export function linkHost(url: string): string | null {
  const candidate = /^www\./i.test(url) ? `http://${url}` : url;
  if (!/^https?:/i.test(candidate)) return null;
  try {
    const host = new URL(candidate).hostname.toLowerCase();
    return host === "" ? null : host;
  } catch {
    return null;
  }
}

/**
 * The host a link's visible text shows, when the text reads as an address: it starts with
 * `http(s)://` or `www.`, or is a host name alone (`paypal.com`, `paypal.com/login`).
 */
export function shownHost(text: string): string | null {
  const value = text.trim();
  if (/^(?:https?:\/\/|www\.)/i.test(value)) return linkHost(value.split(/\s/)[0] ?? "");
  const bare = value.match(/^((?:[a-z0-9-]+\.)+([a-z]{2,24}))(?:\/\S*)?$/i);
  if (!bare || FILE_EXTENSIONS.has((bare[2] ?? "").toLowerCase())) return null;
  return (bare[1] ?? "").toLowerCase();
}

// Link texts like "facture.pdf" name a file, not a host.
const FILE_EXTENSIONS = new Set([
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
  "odt",
  "ods",
  "txt",
  "csv",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "html",
  "htm",
  "php",
  "aspx",
]);

function decodeEntities(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));?/gi,
    (entity, dec, hex, name) => {
      const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : null;
      if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      return NAMED_ENTITIES[(name as string).toLowerCase()] ?? entity;
    },
  );
}
