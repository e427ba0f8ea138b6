// CSV files to import, generated: customers and their orders with one row in a hundred bad in a known
// way (a bad date, currency or amount, an unknown customer, a duplicate), for tests and the bench.

import { once } from "node:events";
import { createWriteStream } from "node:fs";

export type BadRow = { line: number; reason: RegExp };
export type GeneratedFile = { path: string; rows: number; bad: BadRow[] };

const customerHeader = "external_id,name,email,phone,language,customer_since";
const orderHeader = "external_id,customer_external_id,ordered_at,amount_minor,currency,status";
const currencies = ["EUR", "USD", "GBP", "CHF"];
const statuses = ["paid", "shipped", "delivered", "refunded"];

async function writeLines(path: string, header: string, rows: number, line: (i: number) => string) {
  const out = createWriteStream(path);
  let chunk = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

const pad = (n: number) => String(n).padStart(7, "0");
const isBad = (i: number) => i % 100 === 57;

/** `rows` customers `c-0000000`…; every hundredth row (57, 157…) bad in one of four ways. */
export async function customersCsv(path: string, rows: number): Promise<GeneratedFile> {
  const bad: BadRow[] = [];
  await writeLines(path, customerHeader, rows, (i) => {
    const id = `c-${pad(i)}`;
    const since = `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}`;
    const good = `${id},Customer ${i},customer.${i}@example.com,+3361${pad(i)},${i % 2 ? "fr" : "en"},${since}`;
    if (!isBad(i)) return good;
    const line = i + 2;
    switch (Math.floor(i / 100) % 4) {
      case 0:
        bad.push({ line, reason: /^customer_since: / });
        return `${id},Customer ${i},customer.${i}@example.com,,en,2021-02-30`;
      case 1:
        bad.push({ line, reason: /^email: / });
        return `${id},Customer ${i},customer ${i} at example,,en,`;
      case 2:
        bad.push({ line, reason: /^language: / });
        return `${id},Customer ${i},customer.${i}@example.com,,de,`;
      default:
        // The row before's external id again (a good row: 56, 156… are never bad).
        bad.push({ line, reason: /^external_id: "c-\d+" already on line \d+$/ });
        return `c-${pad(i - 1)},Customer again,,,en,`;
    }
  });
  return { path, rows, bad };
}

/**
 * `rows` orders of the `customers` first customers (three per customer for 100,000 and 300,000); every
 * hundredth row bad in one of five ways.
 */
export async function ordersCsv(
  path: string,
  rows: number,
  customers: number,
): Promise<GeneratedFile> {
  const bad: BadRow[] = [];
  await writeLines(path, orderHeader, rows, (i) => {
    const id = `o-${pad(i)}`;
    let c = i % customers;
    // The customers whose row is refused (or whose id the duplicate row took) do not exist: their
    // orders go to the neighbour, so that only the bad rows here fail.
    if (isBad(c)) c -= 1;
    const customer = `c-${pad(c)}`;
    const day = `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const currency = currencies[i % currencies.length];
    const status = statuses[i % statuses.length];
    const good = `${id},${customer},${day}T1${i % 10}:30:00Z,${100 + (i % 50_000)},${currency},${status}`;
    if (!isBad(i)) return good;
    const line = i + 2;
    switch (Math.floor(i / 100) % 5) {
      case 0:
        bad.push({ line, reason: /^ordered_at: / });
        return `${id},${customer},2026-13-01,1000,EUR,paid`;
      case 1:
        bad.push({ line, reason: /^currency: "EURO" is not an ISO 4217 code$/ });
        return `${id},${customer},${day},1000,EURO,paid`;
      case 2:
        bad.push({ line, reason: /^amount_minor: -1000 is negative$/ });
        return `${id},${customer},${day},-1000,EUR,paid`;
      case 3:
        bad.push({ line, reason: /^customer_external_id: no customer "c-unknown/ });
        return `${id},c-unknown-${i},${day},1000,EUR,paid`;
      default:
        bad.push({ line, reason: /^external_id: "o-\d+" already on line \d+$/ });
        return `o-${pad(i - 1)},${customer},${day},1000,EUR,paid`;
    }
  });
  return { path, rows, bad };
}
