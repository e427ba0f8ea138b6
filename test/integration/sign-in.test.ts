// Guessing passwords is slowed per client address and per account, and the client address is read
// from X-Forwarded-For only behind a reverse proxy named by RAPPORT_TRUST_PROXY.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/app-type.ts";
import { type Desk, startDesk, testPassword } from "../helpers/desk.ts";

let desk: Desk;
/** The same desk behind a reverse proxy at 127.0.0.1 (RAPPORT_TRUST_PROXY=127.0.0.1). */
let proxied: App;

beforeAll(async () => {
  desk = await startDesk();
  const rt = desk.booted.rt;
  proxied = await buildApp(
    { ...rt, config: { ...rt.config, trustProxy: ["127.0.0.1"] } },
    { ready: true, waitingFor: "" },
  );
  await proxied.ready();
});
afterAll(async () => {
  await proxied?.close();
  await desk?.close();
});

async function newAccount(email: string) {
  await createUser(
    desk.booted.rt,
    {
      workspaceId: desk.workspaceId,
      email,
      name: email,
      role: "advisor",
      password: testPassword,
    },
    systemActor,
  );
  return email;
}

type Attempt = { email: string; password?: string; from?: string; forwardedFor?: string };

const signIn = (app: App, a: Attempt) =>
  app.inject({
    method: "POST",
    url: "/api/v1/session",
    remoteAddress: a.from ?? "127.0.0.1",
    headers: a.forwardedFor ? { "x-forwarded-for": a.forwardedFor } : {},
    payload: { email: a.email, password: a.password ?? "not the password" },
  });

describe("sign-in limits per account", () => {
  it("refuses an account after 10 failures from 10 addresses, even with the right password", async () => {
    const email = await newAccount("target@desk.test");
    for (let i = 1; i <= 10; i++) {
      const res = await signIn(desk.app, { email, from: `198.51.100.${i}` });
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const right = await signIn(desk.app, {
      email: "TARGET@desk.test ",
      password: testPassword,
      from: "198.51.100.77",
    });
    expect(right.statusCode).toBe(429);
    expect(right.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(right.json()).toMatchObject({ status: 429, code: "rate_limited" });
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(60);
  });

  it("does not count successful sign-ins, nor touch other accounts", async () => {
    const owner = await newAccount("owner@desk.test");
    for (let i = 1; i <= 12; i++) {
      const res = await signIn(desk.app, {
        email: owner,
        password: testPassword,
        from: `192.0.2.${i}`,
      });
      expect(res.statusCode, `sign-in ${i}`).toBe(200);
    }
    const bystander = await newAccount("bystander@desk.test");
    const res = await signIn(desk.app, {
      email: bystander,
      password: testPassword,
      from: "192.0.2.200",
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("the client address behind a reverse proxy", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: one peer is one address", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await signIn(desk.app, {
        email: `nobody-${i}@desk.test`,
        from: "203.0.113.10",
        forwardedFor: `198.18.0.${i}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it("takes the client from X-Forwarded-For when the peer is the trusted proxy", async () => {
    for (let i = 1; i <= 11; i++) {
      const res = await signIn(proxied, {
        email: `somebody-${i}@desk.test`,
        from: "127.0.0.1",
        forwardedFor: `198.18.1.${i}`,
      });
      expect(res.statusCode, `client ${i}`).toBe(401);
    }
    // Many attempts from one client behind the proxy are still that one client's.
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await signIn(proxied, {
        email: `someone-${i}@desk.test`,
        from: "127.0.0.1",
        forwardedFor: "198.18.2.1",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses[10]).toBe(429);
  });

  it("does not believe X-Forwarded-For from a peer that is not the proxy", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const res = await signIn(proxied, {
        email: `anyone-${i}@desk.test`,
        from: "203.0.113.20",
        forwardedFor: `198.18.3.${i}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses[10]).toBe(429);
  });
});
