// Logs hold no private data: a failed insert of a user, logged through the product's logger, names
// the query and the database's error code, never the email or the password hash it carried.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLogger } from "../../src/boot.ts";
import { hashPassword } from "../../src/commands/access/secrets.ts";
import { users } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await desk?.close();
});

describe("what the log says of a failed insert", () => {
  it("keeps the SQL and the error code, drops the email and the argon2 hash", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = makeLogger({ ...desk.config, logLevel: "info" }, sink);
    const passwordHash = await hashPassword("a private password");
    // Taken by the desk's advisor already: the insert fails on the unique index.
    const email = desk.users.advisor.email;
    const failure = await desk.booted.rt.db
      .insert(users)
      .values({
        workspaceId: desk.workspaceId,
        id: desk.booted.rt.newId(),
        email,
        name: "Ada Again",
        role: "advisor",
        passwordHash,
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    log.error({ err: failure }, "unexpected error");
    log.error({ err: new Error("the user could not be created", { cause: failure }) }, "wrapped");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain('insert into \\"users\\"');
      expect(line).toContain("23505");
      expect(line).not.toContain(email);
      expect(line).not.toContain(passwordHash);
      expect(line).not.toContain("argon2");
    }
  });
});
