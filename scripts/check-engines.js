// CI: fails when a production dependency in package-lock.json declares a Node range that excludes
// the oldest Node package.json supports, unless docs/DEPENDENCIES.md explains why it is safe (below).
import { readFileSync } from "node:fs";
import semver from "semver";

/**
 * Packages that declare a newer Node than they need, each with the reason, for one major only: a
 * new major must be looked at again. Keep in step with docs/DEPENDENCIES.md ("Node versions").
 */
const declaredTooHigh = {
  "cookie@2":
    "ESM-only plain JavaScript; its CommonJS users (@fastify/cookie, light-my-request) load it " +
    "through require(esm), which Node has run unflagged since 20.19",
  "content-disposition@3":
    "ESM-only plain JavaScript; @fastify/static loads it through require(esm), unflagged since " +
    "Node 20.19",
};

const root = new URL("..", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8"));
const oldest = semver.minVersion(manifest.engines.node);
if (!oldest) throw new Error(`package.json engines.node is not a range: ${manifest.engines.node}`);

const refused = [];
for (const [where, entry] of Object.entries(lock.packages)) {
  // The root, dev-only packages and other platforms' optional builds do not run in production.
  if (!where || entry.dev || entry.devOptional || entry.os || entry.cpu) continue;
  const range = entry.engines?.node;
  if (!range || semver.satisfies(oldest, range)) continue;
  const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
  if (declaredTooHigh[`${name}@${semver.major(entry.version)}`]) continue;
  refused.push(`${name}@${entry.version} declares node ${range}`);
}

if (refused.length > 0) {
  console.error(
    `These production dependencies exclude Node ${oldest} (package.json: ${manifest.engines.node}):\n` +
      refused.map((r) => `  ${r}`).join("\n") +
      "\nPin a version that supports it (npm overrides), raise engines.node, or document why it is safe.",
  );
  process.exit(1);
}
console.log(`Every production dependency runs on Node ${oldest}.`);
