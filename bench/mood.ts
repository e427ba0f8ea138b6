// How long reading a message's mood takes at intake: short and long French and English messages,
// with the language detected and given. Prints the median of five rounds. Run: npx tsx bench/mood.ts
import { moodOf } from "../src/domain/mood/mood.ts";

const samples = [
  "Merci beaucoup, tout est parfait !",
  "Ma commande n'est toujours pas arrivée, c'est inadmissible, je ne suis pas content du tout.",
  "Hello, can you send me the invoice please? Thanks",
  "The parcel arrived broken and I am really disappointed, this is not what I paid for.",
  `${"Bonjour, je vous écris au sujet de ma commande passée la semaine dernière. ".repeat(20)}Merci.\n\nLe 3 mars, Rapport a écrit :\n> ${"texte cité ".repeat(200)}`,
];
const perRound = 2_000;
const rounds = 5;

function round(language: "fr" | "en" | null) {
  const began = performance.now();
  for (let i = 0; i < perRound; i++) {
    const text = samples[i % samples.length] ?? "";
    moodOf(text, language);
  }
  return ((performance.now() - began) * 1000) / perRound;
}

for (const language of [null, "fr"] as const) {
  round(language);
  const times = Array.from({ length: rounds }, () => round(language)).sort((a, b) => a - b);
  const median = times[Math.floor(rounds / 2)] ?? 0;
  console.log(
    `mood of a message, language ${language ?? "detected"}: ${median.toFixed(1)} µs (median of ${rounds} rounds of ${perRound})`,
  );
}
