// Limits on the wire: a request whose body dribbles in is cut once its deadline has passed.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/app-type.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let app: App;
let port: number;

beforeAll(async () => {
  desk = await startDesk();
  // The same app with a short deadline, so that the test need not wait 30 seconds.
  app = await buildApp(
    desk.booted.rt,
    { ready: true, waitingFor: "" },
    { requestTimeoutMs: 300, checkEveryMs: 100 },
  );
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(async () => {
  await app?.close();
  await desk?.close();
});

describe("a slow body", () => {
  it("is cut with a 408 and its connection closed", async () => {
    const socket = connect({ host: "127.0.0.1", port });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write(
      [
        "POST /api/v1/messages/inbound HTTP/1.1",
        "Host: 127.0.0.1",
        `Authorization: Bearer ${desk.tokens.advisor}`,
        "Content-Type: application/json",
        "Content-Length: 1000",
        "",
        '{"channel":"form",',
      ].join("\r\n"),
    );
    // Nothing more is sent: the server, not the client, must end this.
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
