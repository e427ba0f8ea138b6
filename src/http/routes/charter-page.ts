// The public charter page: plain HTML in the reader's language (charterLanguage), numbers and
// dates written the way that language writes them, no script, nothing fetched elsewhere.
import type { CharterFigures, CharterLanguage } from "../../domain/charter.ts";
import type { Channel } from "../../domain/conversation/status.ts";
import { escapeHtml } from "../html.ts";

type Report = {
  brand: { name: string };
  from: Date;
  to: Date;
  overall: CharterFigures;
  channels: Array<CharterFigures & { channel: Channel }>;
};

type Words = {
  title: (brand: string) => string;
  channels: Record<Channel, string>;
} & Record<
  "lead" | "period" | "channel" | "all" | "answered" | "within" | "median" | "p90" | "none",
  string
>;

const words: Record<CharterLanguage, Words> = {
  en: {
    title: (b: string) => `${b} — our commitment to answer`,
    lead: "Every message gets a human answer within the time we promise. Here is how we kept that promise.",
    period: "Period:",
    channel: "Channel",
    all: "All channels",
    answered: "Answered",
    within: "Within our promise",
    median: "Median first answer",
    p90: "9 in 10 answered within",
    none: "—",
    channels: {
      email: "Email",
      api: "API",
      form: "Web form",
      chat: "Chat",
      portal: "Portal",
      phone: "Phone",
      visit: "Visit",
      social: "Social networks",
    },
  },
  fr: {
    title: (b: string) => `${b} — notre engagement de réponse`,
    lead: "Chaque message reçoit une réponse humaine dans le délai promis. Voici comment nous avons tenu cette promesse.",
    // French puts a narrow no-break space before a colon.
    period: "Période\u202f:",
    channel: "Canal",
    all: "Tous les canaux",
    answered: "Répondu",
    within: "Dans le délai promis",
    median: "Première réponse (médiane)",
    p90: "9 sur 10 répondus en",
    none: "—",
    channels: {
      email: "E-mail",
      api: "API",
      form: "Formulaire web",
      chat: "Chat",
      portal: "Portail",
      phone: "Téléphone",
      visit: "Visite",
      social: "Réseaux sociaux",
    },
  },
};

/** Minutes as "45 min" or "2 h 05 min", with no-break spaces so a figure never wraps from its unit. */
function duration(minutes: number | null, none: string): string {
  if (minutes === null) return none;
  if (minutes < 60) return `${minutes}\u00a0min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}\u00a0h` : `${h}\u00a0h\u00a0${String(m).padStart(2, "0")}\u00a0min`;
}

export function charterPage(r: Report, language: CharterLanguage): string {
  const w = words[language];
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const pct = (v: number | null) => (v === null ? w.none : percent.format(v / 100));
  const line = (label: string, f: CharterFigures) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${pct(f.percentAnswered)}</td><td>${pct(f.percentWithinPromise)}</td>` +
    `<td>${duration(f.firstResponseBusinessMinutes.median, w.none)}</td><td>${duration(f.firstResponseBusinessMinutes.p90, w.none)}</td></tr>`;
  // The period is a span of whole days, written as the reader's language writes a date range.
  const days = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
  const period = days.formatRange(r.from, r.to);
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title(r.brand.name))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
table{border-collapse:collapse;width:100%}th,td{padding:.5rem;border-bottom:1px solid #d8dee6;text-align:left}
td{font-variant-numeric:tabular-nums}</style></head>
<body><main><h1>${escapeHtml(w.title(r.brand.name))}</h1><p>${w.lead}</p>
<p>${w.period} <time datetime="${r.from.toISOString()}/${r.to.toISOString()}">${period}</time></p>
<table><thead><tr><th scope="col">${w.channel}</th><th scope="col">${w.answered}</th><th scope="col">${w.within}</th><th scope="col">${w.median}</th><th scope="col">${w.p90}</th></tr></thead>
<tbody>${line(w.all, r.overall)}${r.channels.map((c) => line(w.channels[c.channel], c)).join("")}</tbody></table>
</main></body></html>`;
}
