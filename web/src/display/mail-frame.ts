// The document a sanitised mail body is shown in: a sandboxed frame that may load nothing from
// the network (no tracking pixels, no remote fonts), in the console's typography.

const POLICY = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:";

const STYLE = `
  html { color-scheme: light; }
  body { margin: 0; padding: 12px 16px; color: #1d2330; background: transparent;
    font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    overflow-wrap: anywhere; }
  img { max-width: 100%; height: auto; }
  table { max-width: 100%; }
  pre { white-space: pre-wrap; }
  blockquote { margin: 0.5em 0; padding-left: 0.75em; border-left: 3px solid #c8ced8; color: #4b5565; }
  a { color: #1b55ad; }
`;

export function mailFrameDocument(sanitisedHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}"><style>${STYLE}</style></head><body>${sanitisedHtml}</body></html>`;
}

/** Rough text of an HTML body, only to estimate how tall its frame should be. */
export function roughText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
