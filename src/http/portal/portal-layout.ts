// The frame of every portal page: the brand's name, the language switch, sign-out when signed in,
// one stylesheet inline (allowed by its hash: the strict policy below runs no script at all).
import { createHash } from "node:crypto";
import type { PageLanguage } from "../../domain/portal/page-language.ts";
import { escapeHtml } from "../html.ts";
import { portalWords } from "./portal-words.ts";

const css = `*{box-sizing:border-box}body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f8fa}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;background:#fff;border-bottom:1px solid #d0d7de}
header p{margin:0;font-weight:600}header form{margin:0}main{max-width:46rem;margin:1.5rem auto;padding:0 1rem}
a{color:#0b57a4}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}input[type=email],textarea{width:100%;padding:.5rem;border:1px solid #57606a;border-radius:4px;font:inherit}
textarea{min-height:7rem}button{margin-top:.75rem;padding:.5rem 1rem;font:inherit;border-radius:4px;border:1px solid #0b57a4;background:#0b57a4;color:#fff;cursor:pointer}
header button{margin:0;background:#fff;color:#0b57a4}fieldset{border:1px solid #d0d7de;border-radius:4px;margin:1.5rem 0 0;padding:0 1rem 1rem}
fieldset label{display:inline;font-weight:400;margin:0 1rem 0 .25rem}table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d0d7de}ol{list-style:none;padding:0}
article{background:#fff;border:1px solid #d0d7de;border-radius:4px;padding:.75rem 1rem;margin:.75rem 0}article.mine{border-left:4px solid #0b57a4}
article p{white-space:pre-wrap;margin:.5rem 0 0}.meta{color:#4d5966;font-size:.9rem}.notice{background:#dafbe1;border:1px solid #1a7f37;padding:.5rem 1rem;border-radius:4px}
.problem{background:#ffebe9;border:1px solid #cf222e;padding:.5rem 1rem;border-radius:4px}`;

/** The page's Content-Security-Policy: nothing runs, nothing loads from elsewhere, forms stay here. */
export const portalPagePolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(css).digest("base64")}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Where the portal's links and forms go: under the brand's slug, keeping a language asked for. */
export type PortalPlace = {
  slug: string;
  brandName: string;
  language: PageLanguage;
  /** The language the address asked for (`?lang=`), kept in every link; null when none. */
  asked: PageLanguage | null;
  /** The path of this page, for the language switch. */
  path: string;
};

export function portalHref(place: PortalPlace, rest = "", lang = place.asked): string {
  const base = `/portal/${encodeURIComponent(place.slug)}${rest}`;
  return lang ? `${base}?lang=${lang}` : base;
}

export type Signed = { name: string; csrfToken: string };

export const csrfField = (signed: Signed) =>
  `<input type="hidden" name="csrf_token" value="${escapeHtml(signed.csrfToken)}">`;

export function portalLayout(
  place: PortalPlace,
  title: string,
  body: string,
  signed: Signed | null = null,
): string {
  const w = portalWords[place.language];
  const other: PageLanguage = place.language === "fr" ? "en" : "fr";
  const signOut = signed
    ? `<form method="post" action="${portalHref(place, "/sign-out")}"><span class="meta">${escapeHtml(
        w.signedInAs(signed.name),
      )}</span> ${csrfField(signed)}<button type="submit">${w.signOut}</button></form>`
    : "";
  return `<!doctype html>
<html lang="${place.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(place.brandName)}</title>
<style>${css}</style></head>
<body><a class="skip" href="#main">${w.skip}</a>
<header><p>${escapeHtml(w.portalOf(place.brandName))}</p>
<nav aria-label="${other === "fr" ? "Langue" : "Language"}"><a href="${escapeHtml(`${place.path}?lang=${other}`)}" lang="${other}" hreflang="${other}">${w.switchTo}</a></nav>
${signOut}</header>
<main id="main" tabindex="-1"><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}
