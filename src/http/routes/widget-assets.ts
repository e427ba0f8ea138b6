// The chat widget's files: `/widget.js` (the loader a site embeds, cached an hour since its address
// never changes), `/widget/frame` (the page inside the widget's iframe: the only page any site may
// frame) and its script and styles under their content hash, cached for a year. Each is sent
// gzipped or brotli-compressed when the browser takes it (build-widget.js writes both).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { DeskError } from "../../errors.ts";
import type { App } from "../app-type.ts";

const builtWidget = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../widget/dist",
);

type Asset = { raw: Buffer; gz: Buffer; br: Buffer; hash: string; type: string };

function readAssets(folder: string): Map<string, Asset> | null {
  const manifestFile = path.join(folder, "manifest.json");
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<
    string,
    { hash: string }
  >;
  const assets = new Map<string, Asset>();
  for (const [name, { hash }] of Object.entries(manifest)) {
    const file = path.join(folder, name);
    assets.set(name, {
      raw: readFileSync(file),
      gz: readFileSync(`${file}.gz`),
      br: readFileSync(`${file}.br`),
      hash,
      type: name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
    });
  }
  return assets;
}

/** The smallest encoding the browser accepts. */
function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  const etag = `"${asset.hash}"`;
  reply
    .type(asset.type)
    .header("cache-control", cache)
    .header("vary", "accept-encoding")
    .header("etag", etag)
    // Any site may load the script; its answers carry no secret.
    .header("cross-origin-resource-policy", "cross-origin");
  if (request.headers["if-none-match"] === etag) return reply.code(304).send();
  if (/\bbr\b/.test(accepted)) return reply.header("content-encoding", "br").send(asset.br);
  if (/\bgzip\b/.test(accepted)) return reply.header("content-encoding", "gzip").send(asset.gz);
  return reply.send(asset.raw);
}

/** The frame may be shown in any site's page; it loads only its own files and calls only its desk. */
const framePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

const escapeAttribute = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function registerWidgetAssets(app: App, folder = builtWidget): void {
  const assets = readAssets(folder);
  const asset = (name: string) => {
    const found = assets?.get(name);
    if (!found)
      throw new DeskError("not_found", "the chat widget is not built: run `npm run build:widget`");
    return found;
  };
  const hidden = { config: { public: true }, schema: { hide: true } } as const;

  app.get("/widget.js", hidden, (request, reply) =>
    sendAsset(request, reply, asset("widget.js"), "public, max-age=3600"),
  );
  for (const name of ["frame.js", "frame-style.css"]) {
    app.get(`/widget/${name}`, hidden, (request, reply) =>
      sendAsset(request, reply, asset(name), "public, max-age=31536000, immutable"),
    );
  }
  app.get(
    "/widget/frame",
    {
      config: { public: true },
      schema: {
        hide: true,
        querystring: z.object({
          brand: z.string().min(1).max(100),
          lang: z.string().max(35).optional(),
        }),
      },
    },
    (request, reply) => {
      const script = asset("frame.js");
      const style = asset("frame-style.css");
      const lang = request.query.lang?.toLowerCase().startsWith("fr") ? "fr" : "en";
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .header("content-security-policy", framePolicy)
        .send(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lang === "fr" ? "Discussion" : "Chat"} — ${escapeAttribute(request.query.brand)}</title>
<link rel="stylesheet" href="/widget/frame-style.css?v=${style.hash}">
<script src="/widget/frame.js?v=${script.hash}" defer></script>
</head><body><main id="rapport-widget"></main></body></html>`);
    },
  );
}
