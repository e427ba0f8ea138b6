// Makes inbound mail HTML safe to show in the console (sanitize-html with a mail-safe subset),
// and turns HTML-only mail into plain text.
//
// Remote images are never fetched, since they reveal that and when a mail was read: their
// URL moves from `src` to `data-remote-src` (http and https only), so the console can offer
// to load them on demand; `alt` stays. Images keep `src` only for `cid:` parts of the mail
// and inline `data:` raster images.
import sanitizeHtml from "sanitize-html";

const BLOCK_TAGS = ["p", "div", "blockquote", "pre", "table", "ul", "ol", "dl", "center"];

const ALLOWED_TAGS = [
  ...BLOCK_TAGS,
  ...["h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "span", "font", "a", "img"],
  ...["b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "big"],
  ...["code", "kbd", "samp", "tt", "abbr", "q", "cite", "mark", "address"],
  ...["li", "dt", "dd", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "col", "colgroup"],
];

// Elements whose content is not text to show: scripts, styles, titles, embedded documents.
// Not `head`: a mail that never closes it would lose its whole body.
const DROPPED_WITH_CONTENT = [
  ...["script", "style", "title", "noscript", "template", "textarea", "option"],
  ...["iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "xml"],
];

const TABLE_CELL = ["colspan", "rowspan", "align", "valign", "width", "height", "bgcolor"];

// Inline styles carry the layout of most mail; only harmless properties survive, and a value
// holds words, numbers and colours only: rgb() and rgba() are the one function allowed, so
// url(), expression() and var() never pass.
const SAFE_VALUE = [/^(?:[#\w\s.,%'"!-]|rgba?\([\d\s.,%]*\))*$/i];
const STYLED_PROPERTIES = [
  ...["color", "background-color", "font-weight", "font-style", "font-size", "font-family"],
  ...["text-align", "text-decoration", "vertical-align", "line-height", "white-space"],
  ...["margin", "margin-top", "margin-bottom", "margin-left", "margin-right"],
  ...["padding", "padding-top", "padding-bottom", "padding-left", "padding-right"],
  ...["border", "border-collapse", "width", "height"],
];

const IMAGE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp);base64,[a-z0-9+/=\s]+$/i;

const MAIL_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  nonTextTags: DROPPED_WITH_CONTENT,
  allowedAttributes: {
    "*": ["style", "title", "dir", "lang"],
    a: ["href", "rel", "target"],
    img: ["src", "alt", "width", "height", "data-remote-src"],
    font: ["color", "size", "face"],
    td: TABLE_CELL,
    th: TABLE_CELL,
    table: ["width", "border", "cellpadding", "cellspacing", "align", "bgcolor"],
    tr: ["align", "valign", "bgcolor"],
    col: ["span", "width"],
    colgroup: ["span", "width"],
    p: ["align"],
    div: ["align"],
    ol: ["start", "type"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["cid", "data"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  allowedStyles: {
    "*": Object.fromEntries(STYLED_PROPERTIES.map((property) => [property, SAFE_VALUE])),
  },
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs) }),
    img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }),
  },
  // Drops what is left empty: anchors without a link or text, images without a source or alt.
  exclusiveFilter: (frame) =>
    (frame.tag === "a" && !frame.attribs.href && !frame.text.trim()) ||
    (frame.tag === "img" &&
      !frame.attribs.src &&
      !frame.attribs["data-remote-src"] &&
      !frame.attribs.alt),
};

export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, MAIL_OPTIONS);
}

/** Absolute http, https and mailto links only: a relative one would point into the console. */
function linkAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { href = "", rel: _rel, target: _target, ...rest } = attribs;
  const url = href.trim();
  if (!/^(?:https?:\/\/|mailto:)/i.test(url)) return rest;
  return { ...rest, href: url, rel: "noopener noreferrer nofollow", target: "_blank" };
}

function imageAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { src = "", "data-remote-src": _forged, ...rest } = attribs;
  const url = src.trim();
  if (/^cid:/i.test(url) || IMAGE_DATA_URL.test(url)) return { ...rest, src: url };
  if (/^https?:\/\//i.test(url)) return { ...rest, "data-remote-src": url };
  return rest;
}

// htmlToText: block boundaries become line breaks, marked with a private-use character
// before the tags are stripped (sanitize-html keeps the text only) and turned into "\n" after.
const BREAK = "\ue000";
const LINE_BEFORE = /<(?:br|hr|tr|dt|dd)\b[^>]*>/gi;
const ITEM = /<li\b[^>]*>/gi;
const LINE_AFTER = /<\/(?:div|center|address|dd)\s*>/gi;
const PARAGRAPH_AFTER = /<\/(?:p|h[1-6]|blockquote|pre|table|ul|ol|dl)\s*>/gi;
const CELL_END = /<\/t[dh]\s*>/gi;

const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: DROPPED_WITH_CONTENT,
  // Source formatting is not text: HTML collapses its whitespace, and so does this.
  textFilter: (text, tagName) => (tagName === "pre" ? text : text.replace(/\s+/g, " ")),
};

/** Plain text for HTML-only mail: what a reader sees, line breaks at block boundaries. */
export function htmlToText(html: string): string {
  const marked = html
    .replaceAll(BREAK, "")
    .replace(LINE_BEFORE, (tag) => `${BREAK}${tag}`)
    .replace(ITEM, (tag) => `${BREAK}${tag}- `)
    .replace(LINE_AFTER, (tag) => `${tag}${BREAK}`)
    .replace(PARAGRAPH_AFTER, (tag) => `${tag}${BREAK}${BREAK}`)
    .replace(CELL_END, (tag) => `${tag} `);
  return sanitizeHtml(marked, TEXT_OPTIONS)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replaceAll("\u00a0", " ")
    .split(BREAK)
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
