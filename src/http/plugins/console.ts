// Serves the advisors' console (web/dist): its assets, and index.html for every path outside the reserved ones.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { App } from "../app-type.ts";
import { sendProblem } from "./problems.ts";

const builtConsole = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../web/dist",
);
const reserved = /^\/(api|healthz|charter|portal|assets|ws|widget)(\/|$|\?)/;

/**
 * Hashed assets are cached for a year (`immutable`: their name changes with their content);
 * index.html is asked again each time, so that an upgrade reaches the browser at once.
 * JSON answers are not compressed: no compression plugin is installed, and they are small pages.
 */
export async function registerConsole(app: App, distFolder = builtConsole): Promise<void> {
  const built = existsSync(path.join(distFolder, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(distFolder, "assets"),
      prefix: "/assets/",
      immutable: true,
      maxAge: "365d",
      // build-web.js writes `.br` and `.gz` beside each asset; the browser gets the smallest it accepts.
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" || request.method === "HEAD";
    if (!wantsPage || reserved.test(request.url)) {
      return sendProblem(
        reply,
        "not_found",
        `no route for ${request.method} ${request.url.split("?")[0]}`,
      );
    }
    if (!built) {
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The console is not built yet: run `npm run build:web`.");
    }
    return reply
      .header("cache-control", "no-cache")
      .header("content-security-policy", consolePolicy)
      .sendFile("index.html", distFolder, { cacheControl: false });
  });
}

/** The console loads nothing from elsewhere; mail HTML is shown in sandboxed frames. */
const consolePolicy = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "frame-src 'self' about: data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
