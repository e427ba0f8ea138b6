// How soon a webhook hears of a new conversation: a whole Rapport on the embedded PostgreSQL, a
// receiver on 127.0.0.1, and messages through the API one after another; the time from each 201 to
// the receiver's delivery of its conversation.created, p50/p99, and the deliveries per second.
// Run: npx tsx bench/webhooks.ts (BENCH_MESSAGES, 300 by default).
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createToken } from "../src/commands/access/create-token.ts";
import { systemActor } from "../src/commands/events/record-event.ts";
import { loadConfig } from "../src/config.ts";
import { noDns } from "../src/runtime.ts";
import { startServer } from "../src/server.ts";
import { percentile } from "./scratch-desk.ts";

const count = Number(process.env.BENCH_MESSAGES ?? 300);
const arrived = new Map<string, number>();
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (c: Buffer) => chunks.push(c));
  request.on("end", () => {
    const payload = JSON.parse(Buffer.concat(chunks).toString());
    if (payload.type === "conversation.created") arrived.set(payload.data.id, performance.now());
    response.end();
  });
});
receiver.listen(0, "127.0.0.1");
await once(receiver, "listening");

const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-bench-webhooks-"));
const config = loadConfig({
  RAPPORT_DATA_DIR: dataDir,
  PORT: "0",
  SMTP_PORT: "0",
  RAPPORT_DEMO: "0",
  LOG_LEVEL: "warn",
  RAPPORT_WEBHOOK_ALLOW_PRIVATE: "1",
});
const running = await startServer(config, { dns: noDns });
try {
  const { rt, workspaceId } = running.booted;
  const { token } = await createToken(
    rt,
    { workspaceId, name: "bench", role: "admin" },
    systemActor,
  );
  const call = (url: string, body: object) =>
    fetch(`${running.url}${url}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const port = (receiver.address() as AddressInfo).port;
  await call("/api/v1/webhooks", {
    url: `http://127.0.0.1:${port}/in`,
    events: ["conversation.created"],
  });
  const committed = new Map<string, number>();
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    const res = await call("/api/v1/messages/inbound", {
      channel: "form",
      from: { phone: `+3361234${String(i).padStart(4, "0")}` },
      body: `Message ${i}`,
    });
    const { conversation_id } = (await res.json()) as { conversation_id: string };
    committed.set(conversation_id, performance.now());
  }
  while (arrived.size < count) await new Promise((r) => setTimeout(r, 20));
  const ended = Math.max(...arrived.values());
  const latencies = [...committed].map(([id, at]) => (arrived.get(id) ?? Number.NaN) - at);
  console.log(
    `webhooks: ${count} conversations through the API, one at a time, embedded PostgreSQL\n` +
      `  201 → receiver: p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms\n` +
      `  ${((count / (ended - began)) * 1000).toFixed(0)} deliveries/s end to end`,
  );
} finally {
  await running.stop();
  receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
}
