// GET /api/v1/brands/{id}/mail-setup (admin): the DNS records to publish so the brand's mail arrives
// (SPF, DKIM with the key Rapport generated, DMARC). `rapport mail check` prints the same.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { defaultSenders, mailSetup } from "../../commands/mail/brand-mail-setup.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { brands } from "../../store/schema/index.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";

const record = z.object({
  name: z.string(),
  type: z.literal("TXT"),
  value: z.string(),
  why: z.string(),
});

export function registerMailSetupRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/brands/:id/mail-setup",
    {
      config: { role: "admin" },
      schema: {
        summary: "What to publish in DNS for the brand's domain (SPF, DKIM, DMARC)",
        tags: ["mail"],
        params: z.object({ id: z.uuid() }),
        querystring: z.strictObject({
          sender: z
            .union([z.string().max(200), z.array(z.string().max(200)).max(10)])
            .optional()
            .describe(
              "SPF senders: include:relay.example, an IP, mx or a (default: the relay's host, else mx)",
            ),
        }),
        response: {
          200: z.object({
            brand: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
            domain: z.string(),
            records: z.array(record),
          }),
          400: problemView,
          404: problemView,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const [brand] = await rt.db
        .select()
        .from(brands)
        .where(and(eq(brands.workspaceId, p.workspaceId), eq(brands.id, request.params.id)));
      if (!brand) throw new DeskError("not_found", "no such brand");
      const given = request.query.sender;
      const senders = given === undefined ? defaultSenders(rt.config.relayUrl) : [given].flat();
      try {
        const setup = await mailSetup(rt.db, brand, rt.now(), senders);
        if (!setup) throw new DeskError("invalid_input", "this brand has no address to send from");
        return setup;
      } catch (error) {
        if (error instanceof DeskError) throw error;
        throw new DeskError("invalid_input", (error as Error).message);
      }
    },
  );
}
