// The public charter page: plain HTML in the brand's language, no script, nothing fetched elsewhere.
import type { CharterFigures } from "../../domain/charter.ts";

type Report = {
  brand: { name: string; language: string };
  from: Date;
  to: Date;
  overall: CharterFigures;
  channels: Array<CharterFigures & { channel: string }>;
};

const words = {
  en: {
    title: (b: string) => `${b} — our commitment to answer`,
    lead: "Every message gets a human answer within the time we promise. Here is how we kept that promise.",
    period: "Period",
    channel: "Channel",
    all: "All channels",
    answered: "Answered",
    within: "Within our promise",
    median: "Median first answer",
    p90: "9 in 10 answered within",
    none: "—",
  },
  fr: {
    title: (b: string) => `${b} — notre engagement de réponse`,
    lead: "Chaque message reçoit une réponse humaine dans le délai promis. Voici comment nous avons tenu cette promesse.",
    period: "Période",
    channel: "Canal",
    all: "Tous les canaux",
    answered: "Répondu",
    within: "Dans le délai promis",
    median: "Première réponse (médiane)",
    p90: "9 sur 10 répondus en",
    none: "—",
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

function duration(minutes: number | null, none: string): string {
  if (minutes === null) return none;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${h} h` : `${h} h ${minutes % 60} min`;
}

export function charterPage(r: Report): string {
  const w = r.brand.language === "fr" ? words.fr : words.en;
  const pct = (v: number | null) =>
    v === null ? w.none : `${v.toLocaleString(r.brand.language)} %`;
  const line = (label: string, f: CharterFigures) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${pct(f.percentAnswered)}</td><td>${pct(f.percentWithinPromise)}</td>` +
    `<td>${duration(f.firstResponseBusinessMinutes.median, w.none)}</td><td>${duration(f.firstResponseBusinessMinutes.p90, w.none)}</td></tr>`;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="${r.brand.language === "fr" ? "fr" : "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title(r.brand.name))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
table{border-collapse:collapse;width:100%}th,td{padding:.5rem;border-bottom:1px solid #d8dee6;text-align:left}
td{font-variant-numeric:tabular-nums}</style></head>
<body><h1>${escapeHtml(w.title(r.brand.name))}</h1><p>${w.lead}</p>
<p>${w.period}: ${day(r.from)} → ${day(r.to)}</p>
<table><thead><tr><th>${w.channel}</th><th>${w.answered}</th><th>${w.within}</th><th>${w.median}</th><th>${w.p90}</th></tr></thead>
<tbody>${line(w.all, r.overall)}${r.channels.map((c) => line(c.channel, c)).join("")}</tbody></table>
</body></html>`;
}
