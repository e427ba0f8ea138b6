// The portal's pages as HTML: ask for a link, check your mail, sign in, a refused link, your
// requests, one request (its messages, a reply form, a rating once it is finished), a problem.
import type { z } from "zod";
import { escapeHtml } from "../html.ts";
import type { portalConversationView, portalMessageView } from "../schemas/portal.ts";
import {
  csrfField,
  type PortalPlace,
  portalHref,
  portalLayout,
  type Signed,
} from "./portal-layout.ts";
import { portalWords } from "./portal-words.ts";

type Conversation = z.infer<typeof portalConversationView>;
type Message = z.infer<typeof portalMessageView>;

const words = (p: PortalPlace) => portalWords[p.language];

function when(p: PortalPlace, iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(p.language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
  return `<time datetime="${iso}">${escapeHtml(text)}</time>`;
}

function askForm(p: PortalPlace): string {
  const w = words(p);
  return `<form method="post" action="${portalHref(p, "/magic-link")}">
<label for="email">${w.emailLabel}</label>
<input id="email" name="email" type="email" required maxlength="320" autocomplete="email">
<button type="submit">${w.askButton}</button></form>`;
}

export const askPage = (p: PortalPlace) =>
  portalLayout(
    p,
    words(p).askTitle,
    `<p>${escapeHtml(words(p).askLead(p.brandName))}</p>${askForm(p)}`,
  );

export const checkMailPage = (p: PortalPlace) =>
  portalLayout(
    p,
    words(p).checkTitle,
    `<p role="status">${words(p).checkLead}</p><p><a href="${portalHref(p)}">${words(p).askAgain}</a></p>`,
  );

export const signInPage = (p: PortalPlace, token: string) =>
  portalLayout(
    p,
    words(p).signInTitle,
    `<p>${escapeHtml(words(p).signInLead(p.brandName))}</p>
<form method="post" action="${portalHref(p, "/sign-in")}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${words(p).signInButton}</button></form>`,
  );

export const refusedLinkPage = (p: PortalPlace, reason: "expired" | "used" | "unknown") =>
  portalLayout(
    p,
    words(p).refusedTitle,
    `<p class="problem">${words(p).refused[reason]} ${words(p).newLink}</p>${askForm(p)}`,
  );

export function listPage(
  p: PortalPlace,
  signed: Signed,
  items: Conversation[],
  timeZone: string,
  next: string | null,
): string {
  const w = words(p);
  const rows = items
    .map(
      (c) =>
        `<tr><td><a href="${portalHref(p, `/conversations/${c.id}`)}">${escapeHtml(
          c.subject || w.noSubject,
        )}</a></td><td>${c.reference}</td><td>${w.statuses[c.status]}</td><td>${when(
          p,
          c.last_activity_at,
          timeZone,
        )}</td></tr>`,
    )
    .join("");
  const table =
    items.length === 0
      ? `<p>${w.none}</p>`
      : `<table><thead><tr><th scope="col">${w.listTitle}</th><th scope="col">${w.reference}</th><th scope="col">${w.status}</th><th scope="col">${w.lastActivity}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const more = next
    ? `<p><a href="${escapeHtml(`${portalHref(p, "/conversations", null)}?cursor=${encodeURIComponent(next)}${p.asked ? `&lang=${p.asked}` : ""}`)}">→</a></p>`
    : "";
  return portalLayout(p, w.listTitle, table + more, signed);
}

function ratingForm(p: PortalPlace, signed: Signed, c: Conversation): string {
  const w = words(p);
  if (c.csat) return `<p>${w.rated(c.csat.score)}</p>`;
  if (!c.may_rate) return "";
  const choices = w.scores
    .map(
      (label, i) =>
        `<span><input type="radio" id="score-${i + 1}" name="score" value="${i + 1}" required><label for="score-${i + 1}">${escapeHtml(label)}</label></span>`,
    )
    .join(" ");
  return `<form method="post" action="${portalHref(p, `/conversations/${c.id}/rating`)}">${csrfField(signed)}
<fieldset><legend>${w.rateLegend}</legend>${choices}
<label for="comment">${w.commentLabel}</label><textarea id="comment" name="comment" maxlength="2000"></textarea>
<button type="submit">${w.rateButton}</button></fieldset></form>`;
}

export function conversationPage(
  p: PortalPlace,
  signed: Signed,
  c: Conversation,
  messages: Message[],
  timeZone: string,
  notice: "sent" | "rated" | null,
): string {
  const w = words(p);
  const said = notice
    ? `<p class="notice" role="status">${notice === "sent" ? w.sent : w.thanks}</p>`
    : "";
  const list = messages
    .map(
      (m) =>
        `<li><article class="${m.direction === "inbound" ? "mine" : "theirs"}"><span class="meta">${escapeHtml(
          m.direction === "inbound" ? w.you : m.author_name,
        )} · ${when(p, m.created_at, timeZone)}</span><p>${escapeHtml(m.body_text)}</p></article></li>`,
    )
    .join("");
  const body = `<p><a href="${portalHref(p, "/conversations")}">${w.back}</a></p>${said}
<p class="meta">${w.reference} ${c.reference} · ${w.status}${w.colon} ${w.statuses[c.status]}</p>
<ol>${list}</ol>
<form method="post" action="${portalHref(p, `/conversations/${c.id}/reply`)}">${csrfField(signed)}
<label for="body">${w.replyLabel}</label><textarea id="body" name="body" required maxlength="20000" aria-describedby="reply-hint"></textarea>
<p id="reply-hint" class="meta">${w.replyHint}</p>
<button type="submit">${w.replyButton}</button></form>
${ratingForm(p, signed, c)}`;
  return portalLayout(p, c.subject || w.noSubject, body, signed);
}

export const problemPage = (p: PortalPlace, message: string, signed: Signed | null) =>
  portalLayout(
    p,
    words(p).errorTitle,
    `<p class="problem" role="alert">${escapeHtml(message)}</p><p><a href="${portalHref(p)}">${words(p).back}</a></p>`,
    signed,
  );
