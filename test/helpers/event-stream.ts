// A Server-Sent Events client for tests: opens a stream, gathers its events, waits for one.
import http from "node:http";

export type StreamEvent = { id: string | null; event: string; data: string };

export type OpenStream = {
  events: StreamEvent[];
  /** The first event (already received or to come) that `match` accepts. */
  next(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
};

export function openStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const events: StreamEvent[] = [];
    const waiting = new Set<() => void>();
    const request = http.get(
      url,
      { headers: { accept: "text/event-stream", ...headers } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`the stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map<string, string>();
            for (const line of block.split("\n")) {
              const colon = line.indexOf(":");
              if (colon <= 0) continue;
              fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
            }
            if (fields.has("data")) {
              events.push({
                id: fields.get("id") ?? null,
                event: fields.get("event") ?? "message",
                data: fields.get("data") ?? "",
              });
              for (const wake of waiting) wake();
            }
            end = buffer.indexOf("\n\n");
          }
        });
        res.on("error", () => undefined);
        resolve({
          events,
          next(match, timeoutMs = 10_000) {
            return new Promise((found, fail) => {
              const look = () => {
                const hit = events.find(match);
                if (!hit) return false;
                waiting.delete(wake);
                clearTimeout(timer);
                found(hit);
                return true;
              };
              const wake = () => void look();
              const timer = setTimeout(() => {
                waiting.delete(wake);
                fail(new Error("no such event came"));
              }, timeoutMs);
              if (!look()) waiting.add(wake);
            });
          },
          close: () => request.destroy(),
        });
      },
    );
    request.on("error", reject);
  });
}
