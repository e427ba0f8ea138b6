// What the spam decision makes of the public SpamAssassin corpus, without a server: each mail parsed,
// classified (automated or not) and scored as intake does, per corpus folder. Run: npx tsx bench/spam-corpus.ts
// The rules were tuned on the first half (spam-1, easy-ham-1) only; the second half (spam-2,
// easy-ham-2) and hard-ham-1 are the measure. SPAM_CORPUS_ADVISORS=1 also plays a desk in use, where
// simulated advisors answer and mark as they go and the model learns from them (the product ships no
// model: each workspace's learns only from its own advisors).

import { type ParsedMail, parseMail } from "../src/channels/email/parse.ts";
import { htmlToText } from "../src/channels/email/sanitize.ts";
import { spamInputOf } from "../src/channels/email/spam-check.ts";
import { classifyAutomation } from "../src/domain/mail/automation.ts";
import { classify, combinedScore, emptyModel, train } from "../src/domain/mail/bayes.ts";
import { likelySpam, type SpamRule, scoreSpam } from "../src/domain/mail/spam-rules.ts";
import { corpusNames, readCorpusMail } from "../test/helpers/spam-corpus.ts";

const simulate = process.env.SPAM_CORPUS_ADVISORS === "1";
const now = new Date();
const ourAddress = "support@rapport.localhost";

type Scored = {
  name: string;
  group: string;
  spam: boolean;
  automated: boolean;
  score: number;
  rules: SpamRule[];
  text: string;
};

function score(name: string, mail: ParsedMail): Scored {
  const automation = classifyAutomation({
    autoSubmitted: mail.autoSubmitted,
    precedence: mail.precedence,
    listId: mail.listId,
    returnPath: mail.returnPath,
    fromAddress: mail.from?.address ?? null,
    contentType: mail.contentType,
    ownAddresses: [ourAddress],
    headers: mail.headers,
  });
  const rules = scoreSpam(
    spamInputOf(mail, mail.headers.get("authentication-results")?.slice() ?? []),
    now,
  );
  const group = name.split("/")[0] ?? "";
  return {
    name,
    group,
    spam: group.startsWith("spam"),
    automated: automation.automated,
    score: rules.score,
    rules: [...new Set(rules.reasons.map((r) => r.rule))],
    text: `${mail.subject}\n${mail.text ?? (mail.html ? htmlToText(mail.html) : "")}`,
  };
}

const percent = (n: number, of: number) =>
  of === 0 ? "  -  " : `${((100 * n) / of).toFixed(1)} %`;

function report(title: string, rows: Scored[], filed: (row: Scored) => boolean): void {
  console.log(`\n${title}`);
  console.log(
    "  folder        mails  automated  filed as spam  would be acknowledged (of the rest)",
  );
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  for (const group of groups) {
    const of = rows.filter((r) => r.group === group);
    const automated = of.filter((r) => r.automated).length;
    const spam = of.filter(filed).length;
    const rest = of.filter((r) => !r.automated);
    const acked = rest.filter((r) => !filed(r)).length;
    console.log(
      `  ${group.padEnd(12)} ${String(of.length).padStart(6)} ${String(automated).padStart(10)} ` +
        `${String(spam).padStart(7)} ${percent(spam, of.length).padStart(7)} ` +
        `${String(acked).padStart(9)} of ${String(rest.length).padStart(5)} ${percent(acked, rest.length).padStart(8)}`,
    );
  }
}

function ruleTable(rows: Scored[]): void {
  console.log("\nhow often each rule fires (tuning half | held-out half), spam and ham");
  const halves = (r: Scored) => (/-1$/.test(r.group) && r.group !== "hard-ham-1" ? 0 : 1);
  const rules = [...new Set(rows.flatMap((r) => r.rules))].sort();
  for (const rule of rules) {
    const cells = [0, 1].flatMap((half) =>
      [true, false].map((spam) => {
        const of = rows.filter((r) => halves(r) === half && r.spam === spam);
        return percent(of.filter((r) => r.rules.includes(rule)).length, of.length).padStart(8);
      }),
    );
    console.log(
      `  ${rule.padEnd(24)} spam ${cells[0]} ham ${cells[1]} | spam ${cells[2]} ham ${cells[3]}`,
    );
  }
}

const began = performance.now();
const rows: Scored[] = [];
for (const name of corpusNames()) rows.push(score(name, await parseMail(readCorpusMail(name).raw)));
console.log(
  `SpamAssassin corpus: ${rows.length} mails parsed and scored in ${((performance.now() - began) / 1000).toFixed(1)} s`,
);
report("built-in rules alone (threshold 5)", rows, (r) => likelySpam(r.score));
ruleTable(rows);

if (simulate) {
  // A desk in use: mails arrive in a shuffled order; an advisor answers each customer (a "not spam"
  // lesson), closes as spam what reached the inbox (a "spam" lesson) and brings back a customer
  // found in Spam (a "not spam" mark). Filed spam is left alone, as advisors leave it.
  let model = emptyModel();
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const stream = rows.filter((r) => !r.automated && r.group !== "hard-ham-1");
  for (let i = stream.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [stream[i], stream[j]] = [stream[j] as Scored, stream[i] as Scored];
  }
  const filed = new Map<Scored, boolean>();
  for (const row of stream) {
    const decision = combinedScore(row.score, classify(model, row.text)).likelySpam;
    filed.set(row, decision);
    if (!(row.spam && decision)) model = train(model, row.text, row.spam ? "spam" : "not_spam");
  }
  console.log(
    `\na desk in use: ${stream.length} first contacts (not robots, not newsletters) in a shuffled order,`,
  );
  console.log("the model learning from the simulated advisors' answers and spam marks");
  for (const [from, to] of [
    [0, 0.25],
    [0.25, 0.5],
    [0.5, 0.75],
    [0.75, 1],
  ] as const) {
    const part = stream.slice(Math.floor(from * stream.length), Math.floor(to * stream.length));
    const spam = part.filter((r) => r.spam);
    const ham = part.filter((r) => !r.spam);
    const spamAcked = spam.filter((r) => !filed.get(r)).length;
    const hamAcked = ham.filter((r) => !filed.get(r)).length;
    console.log(
      `  mails ${String(Math.floor(from * stream.length)).padStart(5)}–${String(Math.floor(to * stream.length)).padEnd(5)} ` +
        `spam acknowledged ${String(spamAcked).padStart(4)} of ${String(spam.length).padStart(4)} ${percent(spamAcked, spam.length).padStart(7)}   ` +
        `customers acknowledged ${String(hamAcked).padStart(4)} of ${String(ham.length).padStart(4)} ${percent(hamAcked, ham.length).padStart(7)}`,
    );
  }
}
