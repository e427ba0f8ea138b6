// A seeded stream of realistic customer mail for the ingest bench: French and English bodies, plain
// and text+HTML, replies in threads with quoted history, 5 % with an attachment, a few large ones,
// headers as real MTAs write them. The same seed gives the same bytes (for a fixed `now`).

export type MailMixOptions = {
  seed: number;
  count: number;
  /** The desk's address (To and the Received "for"). */
  to: string;
  /** Makes addresses and Message-IDs unique to one run and one sender. */
  prefix: string;
  /** Distinct customers writing; a customer's later mails may reply to their earlier ones. */
  customers?: number;
  /** Dates are a few minutes before it. */
  now?: Date;
};

export type MixedMail = {
  from: string;
  raw: Buffer;
  language: "fr" | "en";
  reply: boolean;
  multipart: boolean;
  attachment: boolean;
  large: boolean;
};

/** The shares the mix aims at (a mail may be a reply and carry an attachment). */
export const mixShares = { french: 0.5, replyWhenPossible: 0.45, multipart: 0.6, attachment: 0.05 };
/** One mail in this many carries a large attachment (200 kB–1 MB). */
export const largeOneIn = 1000;

/** mulberry32: small, fast and good enough to pick words; never for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

const words = {
  en: {
    greetings: [
      "Hello,",
      "Hi,",
      "Good morning,",
      "Dear support team,",
      "Hi there,",
      "Hello again,",
    ],
    closings: ["Thank you,", "Thanks in advance,", "Best regards,", "Kind regards,", "Cheers,"],
    objects: [
      "walking boots",
      "winter jacket",
      "coffee machine",
      "reading lamp",
      "set of knives",
      "wool blanket",
      "bicycle helmet",
      "garden chair",
      "travel bag",
      "desk organiser",
      "linen shirt",
      "espresso cups",
    ],
    openings: [
      "I ordered a {o} on {d} and",
      "Last week I bought a {o}, order {n}, and",
      "My {o} arrived yesterday but",
      "I am writing about order {n}:",
      "Following my call this morning about the {o},",
      "As discussed with your colleague, my {o}",
    ],
    problems: [
      "the tracking page has not moved for ten days.",
      "the box was damaged and one part is missing.",
      "it stopped working after two uses.",
      "I was charged twice on my card.",
      "the colour is not the one shown on your site.",
      "the invoice shows the wrong delivery address.",
      "the size is too small and I would like to exchange it.",
      "nobody answered my previous message.",
    ],
    asks: [
      "Could you tell me where the parcel is?",
      "Can I get a refund or a replacement?",
      "What should I do to send it back?",
      "Would it be possible to deliver it before Friday?",
      "Please let me know what you need from me.",
      "Is there a repair service near Manchester?",
      "Could you send me a corrected invoice?",
    ],
    fillers: [
      "I have been a customer for years and never had a problem before.",
      "My daughter needs it for a school trip next month.",
      "I tried calling but the line was busy all afternoon.",
      "I attached the photo of the label in case it helps.",
      "The delivery driver said the depot would contact me, which did not happen.",
      "To be honest I am a little disappointed, but I am sure we can sort it out.",
      "I checked the manual and followed every step twice.",
      "If it is easier, I can bring it to the shop on Saturday.",
    ],
    wrote: (date: string, who: string) => `On ${date}, ${who} wrote:`,
    answer:
      "Thank you for your message. We have passed your request on to our warehouse and will come back to you within two working days.",
    re: "Re: ",
  },
  fr: {
    greetings: ["Bonjour,", "Bonjour Madame, Monsieur,", "Bonsoir,", "Madame, Monsieur,", "Salut,"],
    closings: ["Merci d'avance,", "Cordialement,", "Bien à vous,", "Bonne journée,", "Merci,"],
    objects: [
      "chaussures de marche",
      "veste d'hiver",
      "machine à café",
      "lampe de chevet",
      "service à thé",
      "couverture en laine",
      "casque de vélo",
      "chaise de jardin",
      "valise cabine",
      "nappe en lin",
      "robe d'été",
      "tasses à expresso",
    ],
    openings: [
      "J'ai commandé un article ({o}) le {d} et",
      "La semaine dernière j'ai acheté une {o}, commande {n}, et",
      "Ma {o} est arrivée hier mais",
      "Je vous écris au sujet de la commande {n} :",
      "Suite à mon appel de ce matin concernant la {o},",
      "Comme convenu avec votre collègue, ma {o}",
    ],
    problems: [
      "le suivi du colis n'a pas bougé depuis dix jours.",
      "le carton était abîmé et il manque une pièce.",
      "elle ne fonctionne plus après deux utilisations.",
      "j'ai été débité deux fois sur ma carte.",
      "la couleur n'est pas celle de votre site.",
      "la facture indique une mauvaise adresse de livraison.",
      "la taille est trop petite et je voudrais l'échanger.",
      "personne n'a répondu à mon précédent message.",
    ],
    asks: [
      "Pourriez-vous me dire où se trouve le colis ?",
      "Est-il possible d'être remboursé ou d'avoir un échange ?",
      "Comment dois-je faire pour le renvoyer ?",
      "Serait-il possible de livrer avant vendredi ?",
      "Dites-moi ce dont vous avez besoin de mon côté.",
      "Y a-t-il un service de réparation près de Lyon ?",
      "Pourriez-vous m'envoyer une facture corrigée ?",
    ],
    fillers: [
      "Je suis cliente depuis des années et je n'ai jamais eu de souci.",
      "Ma fille en a besoin pour un voyage scolaire le mois prochain.",
      "J'ai essayé d'appeler mais la ligne était occupée tout l'après-midi.",
      "Je joins la photo de l'étiquette au cas où.",
      "Le livreur m'a dit que le dépôt me contacterait, ce qui n'a pas été le cas.",
      "Pour être honnête je suis un peu déçue, mais je suis sûre que nous trouverons une solution.",
      "J'ai relu la notice et suivi chaque étape deux fois.",
      "Si c'est plus simple, je peux passer en boutique samedi.",
    ],
    wrote: (date: string, who: string) => `Le ${date}, ${who} a écrit :`,
    answer:
      "Merci pour votre message. Nous avons transmis votre demande à notre entrepôt et revenons vers vous sous deux jours ouvrés.",
    re: "RE: ",
  },
} as const;

const firstNames = [
  "Camille",
  "Lucas",
  "Emma",
  "Hugo",
  "Chloé",
  "Oliver",
  "Amelia",
  "Noah",
  "Isla",
];
const lastNames = ["Martin", "Bernard", "Dubois", "Smith", "Taylor", "Brown", "Moreau", "Evans"];
const providers = [
  "mail.example",
  "orange.example",
  "free.example",
  "outlook.example",
  "gmx.example",
];
const relays = ["mx-out", "smtp", "mail-wm1-f54", "outbound-eu2", "relay"];
const zones = [
  { name: "+0100", minutes: 60 },
  { name: "+0000", minutes: 0 },
  { name: "+0200", minutes: 120 },
  { name: "-0500", minutes: -300 },
];
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** An RFC 5322 date in a sender's zone, as MTAs and mail programs write it. */
function mailDate(at: Date, zone: (typeof zones)[number]): string {
  const local = new Date(at.getTime() + zone.minutes * 60_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${days[local.getUTCDay()]}, ${two(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${zone.name}`
  );
}

const randomBase64 = (random: Random, length: number) =>
  Array.from({ length }, () => base64Chars[Math.floor(random() * 64)]).join("");

/** Binary that starts like a PDF or a JPEG, then noise (it does not compress, as real files do not). */
function binaryFile(random: Random, size: number): { name: string; type: string; bytes: Buffer } {
  const pdf = random() < 0.5;
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(random() * 256);
  const magic = pdf
    ? Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")
    : Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  magic.copy(bytes);
  return pdf
    ? { name: `facture-${between(random, 1000, 9999)}.pdf`, type: "application/pdf", bytes }
    : { name: `IMG_${between(random, 1000, 9999)}.jpg`, type: "image/jpeg", bytes };
}

const foldBase64 = (bytes: Buffer) => bytes.toString("base64").replace(/.{76}/g, "$&\r\n");
/** Non-ASCII header text as an RFC 2047 encoded word, as mail programs send it. */
const headerText = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString("base64")}?=`;
const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Customer = { name: string; address: string; language: "fr" | "en"; sent: Sent[] };
type Sent = {
  messageId: string;
  subject: string;
  body: string;
  date: string;
  references: string[];
};

function bodyOf(random: Random, customer: Customer, order: string, at: Date) {
  const w = words[customer.language];
  const object = pick(random, w.objects);
  const fill = (template: string) =>
    template
      .replace("{o}", object)
      .replace("{n}", order)
      .replace(
        "{d}",
        new Date(at.getTime() - between(random, 3, 30) * 86_400_000).toISOString().slice(0, 10),
      );
  const paragraphs: string[] = [`${fill(pick(random, w.openings))} ${pick(random, w.problems)}`];
  const more = between(random, 0, 4);
  for (let p = 0; p < more; p++) {
    const sentences = Array.from({ length: between(random, 1, 4) }, () => pick(random, w.fillers));
    paragraphs.push(sentences.join(" "));
  }
  paragraphs.push(pick(random, w.asks));
  const signature = `${customer.name}${random() < 0.4 ? `\r\n${between(random, 1, 99)} rue des Lilas, ${between(random, 10000, 95999)}` : ""}${random() < 0.3 ? `\r\n+33 6 ${between(random, 10, 99)} ${between(random, 10, 99)} ${between(random, 10, 99)} ${between(random, 10, 99)}` : ""}`;
  return {
    subject: pick(random, [`${object} — ${order}`, `Order ${order}`, `Commande ${order}`, object]),
    greeting: pick(random, w.greetings),
    paragraphs,
    closing: pick(random, w.closings),
    signature,
  };
}

export function mailMix(options: MailMixOptions): MixedMail[] {
  const random = seededRandom(options.seed);
  const now = options.now ?? new Date();
  const customers: Customer[] = Array.from({ length: options.customers ?? 40 }, (_, c) => {
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    return {
      name: `${first} ${last}`,
      address: `${first.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}.${last.toLowerCase()}.${options.prefix}-${c}@${pick(random, providers)}`,
      language: random() < mixShares.french ? "fr" : "en",
      sent: [],
    };
  });
  const mails: MixedMail[] = [];
  for (let i = 0; i < options.count; i++) {
    const customer = pick(random, customers);
    const w = words[customer.language];
    const earlier = customer.sent.at(-1);
    const reply = earlier !== undefined && random() < mixShares.replyWhenPossible;
    const multipart = random() < mixShares.multipart;
    const large = random() < 1 / largeOneIn;
    const attachment = large || random() < mixShares.attachment;
    const at = new Date(now.getTime() - between(random, 1, 600) * 1000);
    const zone = pick(random, zones);
    const date = mailDate(at, zone);
    const domain = customer.address.split("@")[1] as string;
    const messageId = `<${randomBase64(random, 16).replace(/[+/]/g, "x")}.${options.prefix}.${i}@${domain}>`;
    const order = `${between(random, 100000, 999999)}`;
    const body = bodyOf(random, customer, order, at);
    const subject = reply ? `${w.re}${earlier.subject.replace(/^(re|RE): /, "")}` : body.subject;
    const references = reply ? [...earlier.references, earlier.messageId].slice(-10) : [];
    const textLines = [
      body.greeting,
      "",
      ...body.paragraphs.flatMap((p) => [p, ""]),
      body.closing,
      body.signature,
    ];
    if (reply) {
      // Mail programs quote the whole history; a few dozen lines of it are typical.
      const quoted = [w.answer, "", ...earlier.body.split("\r\n").slice(0, 40)].map((line) =>
        `> ${line}`.trimEnd(),
      );
      textLines.push("", w.wrote(earlier.date, options.to), ...quoted);
    }
    const text = textLines.join("\r\n");
    const html = `<div dir="ltr"><div>${escapeHtml(body.greeting)}</div>${body.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join("")}<div>${escapeHtml(body.closing)}<br><span style="color:#555">${escapeHtml(body.signature).replace(/\r\n/g, "<br>")}</span></div>${reply ? `<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${escapeHtml(earlier.body.split("\r\n").slice(0, 40).join("\r\n")).replace(/\r\n/g, "<br>")}</blockquote>` : ""}</div>`;
    const boundary = (n: number) =>
      `000000000000${randomBase64(random, 12).replace(/[+/]/g, "0")}${n}`;
    const textPart = [
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      text,
    ];
    let content: string[];
    let contentType: string;
    if (multipart) {
      const b = boundary(1);
      contentType = `multipart/alternative; boundary="${b}"`;
      content = [
        `--${b}`,
        ...textPart,
        `--${b}`,
        "Content-Type: text/html; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        html,
        `--${b}--`,
      ];
    } else {
      contentType = "text/plain; charset=UTF-8";
      content = [text];
    }
    if (attachment) {
      const file = binaryFile(
        random,
        large ? between(random, 150_000, 740_000) : between(random, 3_000, 20_000),
      );
      const b = boundary(2);
      const inner = multipart ? [`Content-Type: ${contentType}`, "", ...content] : textPart;
      content = [
        `--${b}`,
        ...inner,
        `--${b}`,
        `Content-Type: ${file.type}; name="${file.name}"`,
        `Content-Disposition: attachment; filename="${file.name}"`,
        "Content-Transfer-Encoding: base64",
        "",
        foldBase64(file.bytes),
        `--${b}--`,
      ];
      contentType = `multipart/mixed; boundary="${b}"`;
    }
    const relay = `${pick(random, relays)}.${domain}`;
    const ip = `203.0.113.${between(random, 1, 254)}`;
    const headers = [
      `Received: from ${relay} (${relay} [${ip}])\r\n\tby mx.rapport.localhost with ESMTPS id ${randomBase64(random, 10)}\r\n\tfor <${options.to}>; ${date}`,
      `Received: by ${relay} with SMTP id ${randomBase64(random, 14)};\r\n\t${date}`,
      `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=s${between(random, 2020, 2026)};\r\n\th=from:to:subject:date:message-id:mime-version; bh=${randomBase64(random, 43)}=;\r\n\tb=${randomBase64(random, 70)}\r\n\t${randomBase64(random, 70)}\r\n\t${randomBase64(random, 70)}\r\n\t${randomBase64(random, 70)}==`,
      "MIME-Version: 1.0",
      `Date: ${date}`,
      `Message-ID: ${messageId}`,
      ...(reply
        ? [`In-Reply-To: ${earlier.messageId}`, `References: ${references.join("\r\n ")}`]
        : []),
      `Subject: ${headerText(subject)}`,
      `From: ${headerText(customer.name)} <${customer.address}>`,
      `To: ${options.to}`,
      `Content-Type: ${contentType}`,
    ];
    const raw = Buffer.from([...headers, "", ...content, ""].join("\r\n"));
    customer.sent.push({ messageId, subject, body: text, date, references });
    mails.push({
      from: customer.address,
      raw,
      language: customer.language,
      reply,
      multipart,
      attachment,
      large,
    });
  }
  return mails;
}
