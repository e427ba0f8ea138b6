// What each step of the SMTP intake costs per mail, measured in-process on the bench's mails by calling
// the functions the intake calls: parse, sanitise, authenticate (SPF/DKIM/DMARC), spam score.
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { authenticationResults } from "../src/channels/email/authenticate.ts";
import { type ParsedMail, parseMail } from "../src/channels/email/parse.ts";
import { htmlToText, sanitizeMailHtml } from "../src/channels/email/sanitize.ts";
import { spamInputOf } from "../src/channels/email/spam-check.ts";
import { loadConfig } from "../src/config.ts";
import {
  type BayesModel,
  classify,
  combinedScore,
  emptyModel,
  train,
} from "../src/domain/mail/bayes.ts";
import { scoreSpam } from "../src/domain/mail/spam-rules.ts";
import { newId, type Runtime, secureRandom, systemClock, systemDns } from "../src/runtime.ts";

export type StepMail = { from: string; raw: Buffer };
/** Milliseconds per mail: CPU (user + system of this process) and wall (waits included, e.g. DNS). */
export type StepCost = { step: string; cpuMs: number; wallMs: number };

/** What a step may not touch: the authentication step reads only the config, the DNS and the log. */
function absent<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => {
      throw new Error(`the step costs do not use ${what}`);
    },
  });
}

/** A runtime with the server's mail authentication setting and the system's DNS, as `rapport start` has. */
function authRuntime(mailAuth: "dns" | "off"): Runtime {
  return {
    config: loadConfig({ RAPPORT_MAIL_AUTH: mailAuth, RAPPORT_DEMO: "0" }),
    dns: systemDns,
    log: pino({ level: "error" }),
    now: systemClock,
    newId,
    randomBytes: secureRandom,
    secret: "bench",
    db: absent("the database"),
    blobs: absent("the blob store"),
    queue: absent("the job queue"),
    hub: absent("the realtime hub"),
  };
}

async function timed<T>(
  step: string,
  items: T[],
  work: (item: T) => Promise<unknown> | unknown,
): Promise<StepCost> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  for (const item of items) await work(item);
  const spent = process.cpuUsage(cpu);
  return {
    step,
    cpuMs: (spent.user + spent.system) / 1000 / items.length,
    wallMs: (performance.now() - began) / items.length,
  };
}

/** A model that knows the desk's vocabulary, as one does after advisors marked a few hundred mails. */
function modelOf(parsed: Array<{ mail: ParsedMail; text: string }>): BayesModel {
  let model = emptyModel();
  for (const { mail, text } of parsed.slice(0, 300)) {
    model = train(model, `${mail.subject}\n${text}`, "not_spam");
  }
  const spam = [
    "You have won a prize, click here to claim it now, act now, limited offer",
    "Vous avez gagné un iPhone, cliquez ici pour réclamer votre cadeau",
    "Cheap meds online, no prescription, best price guaranteed",
  ];
  for (let round = 0; round < 50; round++)
    model = train(model, spam[round % spam.length] as string, "spam");
  return model;
}

/** Each step on every mail, one after the other (steps run once per mail in the intake too). */
export async function stepCosts(mails: StepMail[], mailAuth: "dns" | "off"): Promise<StepCost[]> {
  const parsed: Array<{ mail: ParsedMail; text: string; raw: Buffer; from: string }> = [];
  const costs: StepCost[] = [];
  costs.push(
    await timed("parse (parseMail)", mails, async (m) => {
      const mail = await parseMail(m.raw);
      parsed.push({ mail, text: "", raw: m.raw, from: m.from });
    }),
  );
  costs.push(
    await timed("sanitise (sanitizeMailHtml, htmlToText)", parsed, (p) => {
      if (p.mail.html) sanitizeMailHtml(p.mail.html);
      p.text = p.mail.text ?? (p.mail.html ? htmlToText(p.mail.html) : "");
    }),
  );
  const rt = authRuntime(mailAuth);
  const results: string[][] = [];
  costs.push(
    await timed(`authenticate (RAPPORT_MAIL_AUTH=${mailAuth})`, parsed, async (p) => {
      results.push(
        await authenticationResults(rt, p.raw, {
          ip: "127.0.0.1",
          helo: "sender.test",
          mailFrom: p.from,
        }),
      );
    }),
  );
  const model = modelOf(parsed);
  const now = new Date();
  let index = 0;
  costs.push(
    await timed("spam score (rules + learnt model)", parsed, (p) => {
      const all = [
        ...(results[index++] ?? []),
        ...(p.mail.headers.get("authentication-results") ?? []),
      ];
      const rules = scoreSpam(spamInputOf(p.mail, all), now);
      combinedScore(rules.score, classify(model, `${p.mail.subject}\n${p.text}`));
    }),
  );
  return costs;
}

/** How long one failing DNS look-up takes here: the authentication step waits on a few per mail. */
export async function dnsProbe(): Promise<{ ms: number; answer: string }> {
  const began = performance.now();
  const answer = await systemDns("_dmarc.mail.example", "TXT").then(
    () => "an answer",
    (error: NodeJS.ErrnoException) => error.code ?? error.message,
  );
  return { ms: performance.now() - began, answer };
}
