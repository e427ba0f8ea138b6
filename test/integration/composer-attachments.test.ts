// A reply with files and copies, through the API and out by mail (the outbox); the files downloaded
// with their type checked against their bytes, previewed only when they are images or PDF, and
// never reachable from another workspace.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { brands, workspaces } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk({}, { workers: true });
});
afterAll(async () => {
  await desk?.close();
});

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const fakePng = Buffer.from("<html><script>alert(1)</script></html>");
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const file = (filename: string, content_type: string, bytes: Buffer) => ({
  filename,
  content_type,
  content_base64: bytes.toString("base64"),
});

type Headers = Record<string, string>;
const call = (method: "GET" | "POST", url: string, payload?: object, headers: Headers = {}) =>
  desk.app.inject({ method, url, headers: { ...desk.as("advisor"), ...headers }, payload });

async function openConversation(email: string, headers: Headers = {}) {
  const res = await call(
    "POST",
    "/api/v1/messages/inbound",
    { channel: "form", from: { email, name: "Nina Petit" }, subject: "Photos", body: "Look." },
    headers,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().conversation_id as string;
}

const messageCount = async (id: string) =>
  (await call("GET", `/api/v1/conversations/${id}`)).json().messages.length as number;

type Attachment = { id: string; filename: string; content_type: string; size: number };
let conversationId = "";
let sent: { id: string; attachments: Attachment[] };
const byName = (name: string) => {
  const found = sent.attachments.find((a) => a.filename === name);
  if (!found) throw new Error(`no attachment ${name}`);
  return found;
};

const replyWithFiles = {
  kind: "reply",
  body: "Here is the label.",
  cc: ["paul@example.com", "Compta@Example.org"],
  attachments: [
    file("étiquette.png", "image/png", png),
    file("reçu.pdf", "application/pdf", pdf),
    file("not-a-picture.png", "image/png", fakePng),
    file("page.html", "text/html", fakePng),
    file("drawing.svg", "image/svg+xml", svg),
  ],
};

describe("a reply with files and copies", () => {
  it("is stored with its files and copies, and leaves by mail carrying both", async () => {
    conversationId = await openConversation("nina@example.com");
    const res = await call(
      "POST",
      `/api/v1/conversations/${conversationId}/messages`,
      replyWithFiles,
      { "idempotency-key": "reply-with-files" },
    );
    expect(res.statusCode, res.body).toBe(201);
    sent = res.json();
    expect(res.json().cc).toEqual(["paul@example.com", "Compta@Example.org"]);
    expect(byName("étiquette.png")).toMatchObject({ content_type: "image/png", size: png.length });
    expect(byName("reçu.pdf").size).toBe(pdf.length);

    const thread = (await call("GET", `/api/v1/conversations/${conversationId}`)).json();
    const shown = thread.messages.find((m: { id: string }) => m.id === sent.id);
    expect(shown.cc).toEqual(["paul@example.com", "Compta@Example.org"]);
    expect(shown.attachments.map((a: Attachment) => a.filename)).toHaveLength(5);

    await eventually(async () => {
      const c = (await call("GET", `/api/v1/conversations/${conversationId}`)).json();
      return c.messages.find((m: { id: string; delivery: string }) => m.id === sent.id).delivery ===
        "sent"
        ? c
        : null;
    });
    const outbox = path.join(desk.config.dataDir, "outbox");
    const mails = await Promise.all(
      (existsSync(outbox) ? readdirSync(outbox) : []).map((f) =>
        simpleParser(readFileSync(path.join(outbox, f))),
      ),
    );
    const mail = mails.find((m) => m.text?.includes("Here is the label."));
    expect(mail, "the reply's mail in the outbox").toBeDefined();
    const cc = [mail?.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
    // The mail's domain part is written in lower case; the local part as given.
    expect(cc).toEqual(["paul@example.com", "Compta@example.org"]);
    const label = mail?.attachments.find((a) => a.filename === "étiquette.png");
    expect(label?.content.equals(png)).toBe(true);
    expect(mail?.attachments.find((a) => a.filename === "reçu.pdf")?.content.equals(pdf)).toBe(
      true,
    );
  });

  it("answers a retried request with the same message, files included, and stores nothing twice", async () => {
    const before = await messageCount(conversationId);
    const again = await call(
      "POST",
      `/api/v1/conversations/${conversationId}/messages`,
      replyWithFiles,
      { "idempotency-key": "reply-with-files" },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(sent.id);
    expect(again.json().attachments).toEqual(sent.attachments);
    expect(await messageCount(conversationId)).toBe(before);
  });
});

describe("downloading an attachment", () => {
  it("is a download named in UTF-8, never sniffed", async () => {
    const res = await call("GET", `/api/v1/attachments/${byName("étiquette.png").id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toBe(
      "attachment; filename=\"etiquette.png\"; filename*=UTF-8''%C3%A9tiquette.png",
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.rawPayload.equals(png)).toBe(true);
  });

  it("serves a file that claims to be a PNG and is not as plain bytes", async () => {
    const res = await call("GET", `/api/v1/attachments/${byName("not-a-picture.png").id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/octet-stream");
    expect(res.rawPayload.equals(fakePng)).toBe(true);
  });

  it("needs a signed-in advisor or a token", async () => {
    const res = await desk.app.inject({
      method: "GET",
      url: `/api/v1/attachments/${byName("étiquette.png").id}`,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("unauthenticated");
  });

  it("is not found from another workspace, nor is its preview", async () => {
    const db = desk.booted.rt.db;
    const otherWorkspace = "0190a1b2-0000-7000-8000-00000000ac01";
    await db.insert(workspaces).values({ id: otherWorkspace, name: "Elsewhere" });
    await db.insert(brands).values({
      workspaceId: otherWorkspace,
      id: "0190a1b2-0000-7000-8000-00000000ac02",
      name: "Theirs",
      slug: "theirs",
      addresses: ["theirs@elsewhere.test"],
    });
    const { token } = await createToken(
      desk.booted.rt,
      { workspaceId: otherWorkspace, name: "theirs", role: "admin" },
      systemActor,
    );
    const theirs = { authorization: `Bearer ${token}` };
    for (const url of [
      `/api/v1/attachments/${byName("étiquette.png").id}`,
      `/api/v1/attachments/${byName("étiquette.png").id}/preview`,
    ]) {
      const res = await desk.app.inject({ method: "GET", url, headers: theirs });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe("not_found");
    }
    // And the other way round: their file is not ours.
    const theirConversation = await openConversation("someone@elsewhere.test", theirs);
    const theirReply = await call(
      "POST",
      `/api/v1/conversations/${theirConversation}/messages`,
      { kind: "note", body: "Kept.", attachments: [file("a.png", "image/png", png)] },
      theirs,
    );
    expect(theirReply.statusCode, theirReply.body).toBe(201);
    const theirFile = theirReply.json().attachments[0].id;
    expect((await call("GET", `/api/v1/attachments/${theirFile}`)).statusCode).toBe(404);
  });
});

describe("previewing an attachment", () => {
  it("shows an image inline from a sandboxed answer", async () => {
    const res = await call("GET", `/api/v1/attachments/${byName("étiquette.png").id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toMatch(/^inline; /);
    expect(res.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.rawPayload.equals(png)).toBe(true);
  });

  it("shows a PDF", async () => {
    const res = await call("GET", `/api/v1/attachments/${byName("reçu.pdf").id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
  });

  it("refuses HTML, SVG and a file posing as an image", async () => {
    for (const name of ["page.html", "drawing.svg", "not-a-picture.png"]) {
      const res = await call("GET", `/api/v1/attachments/${byName(name).id}/preview`);
      expect(res.statusCode, name).toBe(415);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe("not_previewable");
    }
  });
});

describe("a reply the desk refuses", () => {
  const post = (payload: object) =>
    call("POST", `/api/v1/conversations/${conversationId}/messages`, payload);

  it("refuses a copy that is not an address, a copy on a note, and bytes that are not base64, changing nothing", async () => {
    const before = await messageCount(conversationId);
    const cases = [
      { kind: "reply", body: "Hi", cc: ["not an address"] },
      { kind: "note", body: "Hi", cc: ["paul@example.com"] },
      { kind: "reply", body: "Hi", attachments: [{ filename: "a.png", content_base64: "%%%" }] },
      { kind: "reply", body: "Hi", attachments: [{ filename: "", content_base64: "AAAA" }] },
    ];
    for (const payload of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe("invalid_input");
    }
    expect(await messageCount(conversationId)).toBe(before);
  });

  it("refuses files over the cap with a 413, changing nothing", async () => {
    const before = await messageCount(conversationId);
    const octets = (name: string, size: number) =>
      file(name, "application/octet-stream", Buffer.alloc(size, 7));
    const cases = [
      // Over 10 MB together, though the body itself is within what the route reads.
      [octets("a.bin", 5.2 * 1024 * 1024), octets("b.bin", 5.2 * 1024 * 1024)],
      // More files than one message may carry.
      Array.from({ length: 11 }, (_, i) => octets(`${i}.txt`, 10)),
      // A body past what the route reads at all.
      [octets("c.bin", 11 * 1024 * 1024)],
    ];
    for (const attachments of cases) {
      const res = await post({ kind: "reply", body: "Too much", attachments });
      expect(res.statusCode, `${attachments.length} files`).toBe(413);
      expect(res.json().code).toBe("payload_too_large");
    }
    expect(await messageCount(conversationId)).toBe(before);
  });
});

describe("the OpenAPI document", () => {
  it("lists the download, the preview and the reply's files and copies", async () => {
    const doc = (await desk.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(doc.paths["/api/v1/attachments/{id}"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/attachments/{id}/preview"]?.get?.responses?.["415"]).toBeDefined();
    const reply = doc.paths["/api/v1/conversations/{id}/messages"].post;
    const body = reply.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(["kind", "body", "cc", "attachments"]),
    );
    expect(reply.responses["413"]).toBeDefined();
  });
});
