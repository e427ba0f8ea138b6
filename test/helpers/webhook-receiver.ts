// A webhook receiver on 127.0.0.1 for tests: it keeps every request (body and headers) and answers
// each with the next status of its script, the last one repeating.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: Record<string, string>; body: string; host: string };

export type Receiver = {
  url: string;
  port: number;
  received: Received[];
  close(): Promise<unknown>;
};

export async function startReceiver(script: number[] = [200]): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString(),
        host: request.headers.host ?? "",
      });
      response.statusCode = script[Math.min(received.length - 1, script.length - 1)] ?? 200;
      response.end("ok");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
