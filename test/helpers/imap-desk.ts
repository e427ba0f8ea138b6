// A running `rapport start` fed by a Dovecot mailbox, for the IMAP process test and bench: an admin
// token from the CLI, a brand, and the mailbox connected through the API.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Dovecot } from "./dovecot.ts";
import { repositoryRoot } from "./rapport-process.ts";

export type ConnectedMailbox = { brandId: string; mailboxId: string };

/** Connects `dovecot`'s mailbox to a new brand of the desk at `url` (run with `env`). */
export async function connectMailbox(
  url: string,
  env: Record<string, string>,
  dovecot: Dovecot,
  slug: string,
): Promise<ConnectedMailbox> {
  const created = execFileSync(
    process.execPath,
    [
      path.join(repositoryRoot, "bin", "rapport.js"),
      "token",
      "create",
      "--name",
      slug,
      "--role",
      "admin",
    ],
    { cwd: repositoryRoot, env, encoding: "utf8" },
  );
  const token = created.trim().split("\n").at(-1) as string;
  const post = async (resource: string, body: object) => {
    const answer = await fetch(`${url}/api/v1/${resource}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (answer.status !== 201)
      throw new Error(`POST ${resource}: ${answer.status} ${await answer.text()}`);
    return ((await answer.json()) as { id: string }).id;
  };
  const brandId = await post("brands", {
    name: slug,
    slug,
    addresses: [`support@${slug}.example`],
  });
  const mailboxId = await post("mailboxes", {
    brand_id: brandId,
    host: dovecot.host,
    port: dovecot.port,
    tls: false,
    user: dovecot.user,
    password: dovecot.password,
  });
  return { brandId, mailboxId };
}
