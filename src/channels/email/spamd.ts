// An optional second opinion from a local SpamAssassin daemon (spamd, run with --local so it asks
// no network service), spoken over its SPAMC protocol. Rapport's own scorer works without it.
import { Socket } from "node:net";

export type SpamdAddress = { host: string; port: number };
export type SpamdVerdict = { spam: boolean; score: number; threshold: number; symbols: string[] };

export class SpamdUnavailable extends Error {}

export function parseSpamdAddress(value: string): SpamdAddress {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value.trim());
  if (!match?.[1] || !match[2])
    throw new Error(`RAPPORT_SPAMD must be host:port, not ${JSON.stringify(value)}`);
  return { host: match[1], port: Number(match[2]) };
}

/** Parses spamd's answer to SYMBOLS: `SPAMD/1.1 0 EX_OK`, `Spam: True ; 7.1 / 5.0`, then the rule names. */
export function parseSpamdAnswer(answer: string): SpamdVerdict {
  const [head = "", body = ""] = answer.split(/\r?\n\r?\n/, 2);
  const lines = head.split(/\r?\n/);
  const status = /^SPAMD\/[\d.]+ (\d+) (\S+)/.exec(lines[0] ?? "");
  if (status?.[1] !== "0")
    throw new SpamdUnavailable(`spamd answered ${JSON.stringify(lines[0] ?? "")}`);
  const verdict = lines
    .map((l) => /^Spam: (True|False|Yes|No) ; (-?[\d.]+) \/ (-?[\d.]+)/i.exec(l))
    .find(Boolean);
  if (!verdict) throw new SpamdUnavailable("spamd gave no verdict");
  return {
    spam: /^(true|yes)$/i.test(verdict[1] ?? ""),
    score: Number(verdict[2]),
    threshold: Number(verdict[3]),
    symbols: body
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Asks spamd about one message; throws SpamdUnavailable when it cannot answer in time. */
export function askSpamd(
  address: SpamdAddress,
  raw: Buffer,
  timeoutMs = 15_000,
): Promise<SpamdVerdict> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const chunks: Buffer[] = [];
    const fail = (why: string) => {
      socket.destroy();
      reject(new SpamdUnavailable(why));
    };
    socket.setTimeout(timeoutMs, () => fail(`spamd did not answer within ${timeoutMs} ms`));
    socket.on("error", (error) => fail(`spamd: ${error.message}`));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => {
      try {
        resolve(parseSpamdAnswer(Buffer.concat(chunks).toString("latin1")));
      } catch (error) {
        reject(error);
      }
    });
    socket.connect(address.port, address.host, () => {
      socket.write(`SYMBOLS SPAMC/1.5\r\nContent-length: ${raw.length}\r\nUser: rapport\r\n\r\n`);
      socket.end(raw);
    });
  });
}
