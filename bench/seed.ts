// Fills a desk for the read benchmarks: SEED_CUSTOMERS customers (200,000), SEED_CONVERSATIONS
// conversations (1,000,000) of three FR/EN messages each, their events, and one heavy customer with
// 10,000 conversations. Set-based SQL only (nothing loads a table into this process). Run: npm run bench:seed
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { boot } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const customerCount = numberFrom("SEED_CUSTOMERS", 200_000);
const conversationCount = numberFrom("SEED_CONVERSATIONS", 1_000_000);
if (customerCount < 2) throw new Error("SEED_CUSTOMERS must be at least 2");
// Numbered in time order (so that inserts append to the time-ordered indexes); every heavyStep-th
// conversation belongs to the heavy customer.
const heavyStep = Math.max(2, Math.floor(conversationCount / 10_000));
const chunk = 100_000;
const bodyPool = 20_000;
const run = randomBytes(3).toString("hex");
// Every statement derives times (and so ids) from this one instant, never from now().
const anchor = `'${new Date().toISOString()}'::timestamptz`;

// Word lists, most frequent first: bodies draw from them with a skewed (Zipf-like) choice, so
// searches meet common, middling and rare words as on a real desk.
const french = [
  "commande",
  "livraison",
  "colis",
  "remboursement",
  "problème",
  "merci",
  "bonjour",
  "facture",
  "retour",
  "produit",
  "délai",
  "adresse",
  "paiement",
  "client",
  "service",
  "reçu",
  "abîmé",
  "échange",
  "taille",
  "couleur",
  "garantie",
  "réparation",
  "téléphone",
  "numéro",
  "semaine",
  "magasin",
  "carte",
  "compte",
  "mot",
  "passe",
  "annulation",
  "erreur",
  "suivi",
  "transporteur",
  "réclamation",
  "promotion",
  "code",
  "réduction",
  "chaussures",
  "manteau",
  "écran",
  "batterie",
  "chargeur",
  "câble",
  "ordinateur",
  "imprimante",
  "cartouche",
  "abonnement",
  "résiliation",
  "prélèvement",
  "virement",
  "chèque",
  "avoir",
  "étiquette",
  "emballage",
  "cassé",
  "manquant",
  "retardé",
  "égaré",
  "urgent",
  "déçu",
  "satisfait",
  "rapide",
  "lent",
  "gentillesse",
  "conseiller",
  "rendez-vous",
  "installation",
  "technicien",
  "intervention",
  "devis",
  "acompte",
  "solde",
  "noël",
  "anniversaire",
  "cadeau",
  "fête",
  "été",
  "hiver",
  "vacances",
  "château",
  "forêt",
  "crème",
  "café",
  "thé",
  "chocolat",
  "pâtisserie",
  "fromage",
  "bière",
  "voyage",
  "hôtel",
  "réservation",
  "billet",
  "vol",
  "bagage",
  "valise",
  "parapluie",
  "lunettes",
  "montre",
  "bijou",
  "bague",
  "collier",
  "écharpe",
  "pantalon",
  "chemise",
  "robe",
  "jupe",
  "gilet",
  "blouson",
];
const english = [
  "order",
  "delivery",
  "parcel",
  "refund",
  "problem",
  "thanks",
  "hello",
  "invoice",
  "return",
  "product",
  "delay",
  "address",
  "payment",
  "customer",
  "service",
  "received",
  "damaged",
  "exchange",
  "size",
  "colour",
  "warranty",
  "repair",
  "phone",
  "number",
  "week",
  "store",
  "card",
  "account",
  "password",
  "cancellation",
  "mistake",
  "tracking",
  "courier",
  "complaint",
  "discount",
  "voucher",
  "shoes",
  "coat",
  "screen",
  "battery",
  "charger",
  "cable",
  "laptop",
  "printer",
  "cartridge",
  "subscription",
  "termination",
  "direct",
  "debit",
  "transfer",
  "cheque",
  "credit",
  "label",
  "packaging",
  "broken",
  "missing",
  "delayed",
  "lost",
  "urgent",
  "disappointed",
  "satisfied",
  "quick",
  "slow",
  "kindness",
  "adviser",
  "appointment",
  "installation",
  "technician",
  "visit",
  "quote",
  "deposit",
  "balance",
  "christmas",
  "birthday",
  "gift",
  "party",
  "summer",
  "winter",
  "holidays",
  "castle",
  "forest",
  "cream",
  "coffee",
  "tea",
  "chocolate",
  "pastry",
  "cheese",
  "beer",
  "journey",
  "hotel",
  "booking",
  "ticket",
  "flight",
  "luggage",
  "suitcase",
  "umbrella",
  "glasses",
  "watch",
  "jewel",
  "ring",
  "necklace",
  "scarf",
  "trousers",
  "shirt",
  "dress",
  "skirt",
  "waistcoat",
  "jacket",
];
const firstNames = [
  "Élodie",
  "François",
  "Zoé",
  "Léa",
  "Chloé",
  "Noël",
  "Hélène",
  "Jérôme",
  "Loïc",
  "Anaïs",
  "Céline",
  "Amélie",
  "Benoît",
  "Gaëlle",
  "Inès",
  "Maëlle",
  "Raphaël",
  "Sébastien",
  "Thérèse",
  "Clément",
  "Emma",
  "Oliver",
  "Charlotte",
  "James",
  "Sophie",
  "George",
  "Amelia",
  "Harry",
  "Isla",
  "Jack",
  "Grace",
  "Thomas",
  "Lucy",
  "William",
  "Ella",
  "Henry",
  "Alice",
  "Oscar",
];
const lastNames = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Girard",
  "Bonnet",
  "Dupont",
  "Lambert",
  "Fontaine",
  "Rousseau",
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Evans",
  "Walker",
  "Wright",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Mercier",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morin",
  "Mathieu",
];

const array = (words: string[]) =>
  `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]`;

async function timed(
  client: pg.PoolClient,
  label: string,
  statement: string,
  values: unknown[] = [],
) {
  const started = performance.now();
  const result = await client.query(statement, values);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`seed: ${label}: ${result.rowCount ?? 0} rows in ${seconds} s\n`);
  return result;
}

async function main() {
  const started = performance.now();
  const desk = await boot(loadConfig(), { mode: "attach" });
  const pool = (await import("pg")).default.Pool;
  const db = new pool({ connectionString: desk.databaseUrl, max: 1 });
  const client = await db.connect();
  try {
    const ws = desk.workspaceId;
    await client.query("set synchronous_commit = off");
    await client.query("set maintenance_work_mem = '256MB'");
    await client.query("set work_mem = '64MB'");
    // A UUIDv7-like id from an instant and a number: time-ordered like the ones Rapport makes.
    await client.query(`create function pg_temp.seed_id(at timestamptz, n bigint) returns uuid
      language sql immutable as $$
        select (lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') || '7'
          || substr(md5(n::text || '${run}'), 1, 3) || '8' || substr(md5('${run}' || n::text), 1, 15))::uuid
      $$`);
    // References: 8 letters of the 31-letter alphabet, a bijection of the number (distinct per run).
    await client.query(`create function pg_temp.seed_reference(n bigint) returns text
      language sql immutable as $$
        select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789',
          ((((n * 387420489 + ${Number.parseInt(run, 16)}) % 852891037441) / (31::bigint ^ k)::bigint) % 31)::int + 1, 1), '' order by k)
        from generate_series(0, 7) k
      $$`);
    const [brand] = (
      await client.query<{ id: string }>(
        "select id from brands where workspace_id = $1 order by created_at limit 1",
        [ws],
      )
    ).rows;
    if (!brand) throw new Error("the desk has no brand");
    await timed(
      client,
      "brand",
      `insert into brands (workspace_id, id, name, slug, addresses, language)
       values ($1, pg_temp.seed_id(now(), 0), 'Seed ' || $2, 'seed-' || $2, jsonb_build_array('seed-' || $2 || '@rapport.localhost'), 'fr')`,
      [ws, run],
    );
    await timed(
      client,
      "advisors",
      `insert into users (workspace_id, id, email, name, role)
       select $1, pg_temp.seed_id(now(), -i), 'advisor-' || i || '-' || $2 || '@seed.example', 'Advisor ' || i, 'advisor'
       from generate_series(1, 20) i`,
      [ws, run],
    );
    // Numbered copies of what the conversations need, in the database (never in this process).
    await client.query(`create temp table seed_advisors as
      select row_number() over (order by id) - 1 as n, id from users
      where workspace_id = '${ws}' and email like 'advisor-%-${run}@seed.example'`);
    await client.query(`create temp table seed_brands as
      select id, slug = 'seed-${run}' as second from brands where workspace_id = '${ws}' and (id = '${brand.id}' or slug = 'seed-${run}')`);
    const window = "interval '730 days'";
    await timed(
      client,
      "customer numbers",
      `create temp table seed_customers as
       select n, pg_temp.seed_id(at, n) as id, at,
         (${array(firstNames)})[1 + (n * 7) % ${firstNames.length}] as first_name,
         (${array(lastNames)})[1 + (n * 13) % ${lastNames.length}] as last_name,
         n % 2 = 0 as french
       from (select n, ${anchor} - ${window} + (${window}) * (n::float8 / $1) as at
             from generate_series(1, $1) n) s`,
      [customerCount],
    );
    await client.query("alter table seed_customers add primary key (n)");
    await timed(
      client,
      "customers",
      `insert into customers (workspace_id, id, name, preferred_language, created_at, updated_at)
       select $1, id, first_name || ' ' || last_name, case when french then 'fr' else 'en' end, at, at
       from seed_customers order by n`,
      [ws],
    );
    await client.query("analyze customers");
    await timed(
      client,
      "identities",
      `insert into customer_identities (workspace_id, id, customer_id, kind, value, display_value, created_at)
       select $1, pg_temp.seed_id(at, n * 2 + k), id,
         case k when 0 then 'email' else 'phone' end,
         case k when 0 then e else '+1' || $3 || p end,
         case k when 0 then e else '+1 ' || $3 || ' ' || p end,
         at
       from (select *, lower(public.unaccent(first_name || '.' || last_name)) || '.' || n || '.' || $2
               || (case when french then '@exemple.fr' else '@example.co.uk' end) as e,
               -- Nine digits as varied as real numbers (a bijection of n, 3^18 being prime to 10),
               -- not n padded with zeros: every number would then share the same few trigrams.
               lpad(((n::bigint * 387420489) % 1000000000)::text, 9, '0') as p
             from seed_customers) c
       cross join generate_series(0, 1) k`,
      [ws, run, String(Number.parseInt(run, 16) % 1000).padStart(3, "0")],
    );
    await client.query("analyze customer_identities");
    const [heavy] = (
      await client.query<{ id: string }>("select id from seed_customers where n = 1")
    ).rows;
    if (!heavy) throw new Error("no heavy customer");

    // A pool of bodies, each 20–40 words drawn with a skew towards the head of its language's list.
    await timed(
      client,
      "body pool",
      `create temp table seed_bodies as
       select b, french, (case when french then 'Bonjour, ' else 'Hello, ' end)
           || string_agg(case when french then (${array(french)})[1 + floor(${french.length} * power(random(), 2.5))::int]
                         else (${array(english)})[1 + floor(${english.length} * power(random(), 2.5))::int] end, ' ')
           || (case when french then '. Merci.' else '. Thank you.' end) as body
       from (select b, b % 2 = 0 as french from generate_series(0, ${bodyPool - 1}) b) s
       cross join lateral generate_series(1, 20 + (b * 7) % 21) w
       group by b, french`,
    );
    await client.query("alter table seed_bodies add primary key (b)");
    // Each body's search vector, computed once and stored with every message that uses it (what the
    // search indexer would have filled after the intake).
    await client.query(
      "alter table seed_bodies add column vector tsvector; update seed_bodies set vector = rapport_search_vector(body)",
    );

    // The conversation numbered n: its customer and its time.
    const conversationRows = (from: number, to: number) => `
      select g.n, pg_temp.seed_id(created, g.n) as id, c.id as customer_id, c.french, created,
        created + ((g.n % 97) * interval '7 minutes') as last_at,
        (array['closed','closed','closed','closed','closed','closed','resolved','open','new','waiting_customer'])[1 + (g.n * 31) % 10] as status,
        g.n % 50 = 7 as spam
      from (select n, ${anchor} - ${window} + (${window}) * (n::float8 / ${conversationCount}) as created
            from generate_series(${from}::bigint, ${to}::bigint) n) g
      join seed_customers c on c.n = case when g.n % ${heavyStep} = 0 then 1
                                         else 2 + (g.n * 104729) % greatest(${customerCount} - 1, 1) end`;
    for (let from = 1; from <= conversationCount; from += chunk) {
      const to = Math.min(conversationCount, from + chunk - 1);
      await timed(
        client,
        `conversations ${from}–${to}`,
        `insert into conversations (workspace_id, id, reference, brand_id, customer_id, channel, subject,
           status, assignee_id, close_reason, spam, spam_score, answered, awaiting_since, first_human_answer_at,
           first_response_due_at, message_count, last_customer_message_at, last_activity_at,
           resolved_at, closed_at, created_at, updated_at)
         select $1, v.id, pg_temp.seed_reference(v.n),
           (select id from seed_brands where second = (v.n % 10 = 3)),
           v.customer_id, 'email',
           (select left(body, 60) from seed_bodies where b = (v.n * 26) % ${bodyPool} + (case when v.french then 0 else 1 end)),
           v.status,
           case when v.n % 10 < 7 then (select id from seed_advisors where n = v.n % 20) end,
           case when v.spam and v.status = 'closed' then 'spam' end,
           v.spam, case when v.spam then 9.5 else 0.5 end,
           v.status not in ('new', 'open'),
           case when v.status in ('new', 'open') and not v.spam then v.last_at end,
           case when v.status not in ('new', 'open') then v.created + interval '1 hour' end,
           case when v.status in ('new', 'open') and not v.spam then v.last_at + interval '4 hours' end,
           3, v.last_at, v.last_at,
           case when v.status in ('resolved', 'closed') then v.last_at end,
           case when v.status = 'closed' then v.last_at end,
           v.created, v.last_at
         from (${conversationRows(from, to)}) v`,
        [ws],
      );
    }
    await client.query("analyze conversations");
    // Three messages: the customer writes, an advisor answers, the customer writes again.
    for (let from = 1; from <= conversationCount; from += chunk) {
      const to = Math.min(conversationCount, from + chunk - 1);
      await timed(
        client,
        `messages ${from}–${to}`,
        `insert into messages (workspace_id, id, conversation_id, direction, channel, author_kind,
           author_user_id, author_customer_id, author_name, spam, subject, body_text, delivery, created_at,
           search_vector)
         select $1, pg_temp.seed_id(at, v.n * 3 + k), v.id,
           case k when 1 then 'outbound' else 'inbound' end, 'email',
           case k when 1 then 'user' else 'customer' end,
           case k when 1 then (select id from seed_advisors where n = v.n % 20) end,
           case k when 1 then null else v.customer_id end,
           case k when 1 then 'Advisor' else 'Customer' end,
           v.spam and k <> 1, '',
           body.text, case k when 1 then 'sent' end, at, body.vector
         from (${conversationRows(from, to)}) v
         cross join generate_series(0, 2) k
         cross join lateral (select v.created + (v.last_at - v.created) * k / 2 as at) t
         cross join lateral (select body as text, vector from seed_bodies
           where b = (v.n * 3 + k) * 2 % ${bodyPool} + (case when v.french then 0 else 1 end)) body`,
        [ws],
      );
    }
    await client.query("analyze messages");
    for (let from = 1; from <= conversationCount; from += chunk) {
      const to = Math.min(conversationCount, from + chunk - 1);
      await timed(
        client,
        `events ${from}–${to}`,
        `insert into events (workspace_id, id, type, actor_kind, actor_id, conversation_id, customer_id, data, created_at)
         select $1, pg_temp.seed_id(at, v.n * 4 + k), t.type, t.actor_kind,
           case when t.actor_kind = 'customer' then v.customer_id end, v.id, v.customer_id,
           case k
             when 0 then jsonb_build_object('channel', 'email', 'reference', pg_temp.seed_reference(v.n))
             when 2 then jsonb_build_object('message_id', m.message_id)
             else jsonb_build_object('message_id', m.message_id, 'channel', 'email', 'spam', v.spam)
           end || jsonb_build_object('actor_name', case k when 2 then 'Advisor' else 'Customer' end), at
         from (${conversationRows(from, to)}) v
         cross join generate_series(0, 3) k
         cross join lateral (select
           (array['conversation.created','message.received','reply.written','message.received'])[k + 1] as type,
           case k when 2 then 'user' else 'customer' end as actor_kind,
           v.created + (v.last_at - v.created) * greatest(k - 1, 0) / 2 as at) t
         -- The message each event is about: the same id the messages above were given.
         cross join lateral (select pg_temp.seed_id(t.at, v.n * 3 + k - 1) as message_id) m`,
        [ws],
      );
    }
    await timed(
      client,
      "customer events",
      `insert into events (workspace_id, id, type, actor_kind, actor_id, customer_id, data, created_at)
       select $1, pg_temp.seed_id(at, -n), 'customer.created', 'customer', id, id,
         '{"channel":"email","actor_name":"Customer"}', at
       from seed_customers`,
      [ws],
    );
    // Vacuum too: the first reads would otherwise write every page again (hint bits), and index-only
    // scans need the visibility map.
    await timed(client, "vacuum analyze", "vacuum analyze");
    // Words found in the bodies, from the most to the least frequent of the pool.
    const words = (
      await client.query<{ word: string }>(
        `select word from (
           select word, count(*) as uses, row_number() over (order by count(*) desc) as r
           from seed_bodies, regexp_split_to_table(body, '[ ,.]+') word
           where word not in ('Bonjour', 'Hello', 'Merci', 'Thank', 'you', '') group by word) w
         where r in (1, 3, 10, 30, 60, 100, 150, 200) order by r`,
      )
    ).rows.map((r) => r.word);
    process.stderr.write(
      `seed: done in ${((performance.now() - started) / 1000).toFixed(0)} s (run ${run})\n`,
    );
    process.stdout.write(`${JSON.stringify({ heavy_customer_id: heavy.id, words })}\n`);
  } finally {
    client.release();
    await db.end();
    await desk.close();
  }
}

await main();
