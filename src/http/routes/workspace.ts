// The workspace's own settings: its name, how long likely spam is kept before it is purged, and how
// long closed conversations keep their words before the retention sweep erases them (off by default).
import { eq } from "drizzle-orm";
import { z } from "zod";
import { runCommand } from "../../commands/run-command.ts";
import { updateWorkspace } from "../../commands/settings/update-workspace.ts";
import { retentionDays } from "../../domain/retention.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { workspaces } from "../../store/schema/index.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";

const workspaceView = z.object({
  id: z.string(),
  name: z.string(),
  spam_retention_days: z.number(),
  closed_retention_days: z
    .number()
    .nullable()
    .describe("closed conversations older than this many days are erased; null keeps them"),
});
const present = (w: typeof workspaces.$inferSelect) => ({
  id: w.id,
  name: w.name,
  spam_retention_days: w.spamRetentionDays,
  closed_retention_days: w.closedRetentionDays,
});

export function registerWorkspaceRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/workspace",
    {
      schema: {
        summary: "This workspace's settings",
        tags: ["settings"],
        response: { 200: workspaceView },
      },
    },
    async (request) => {
      const [w] = await rt.db
        .select()
        .from(workspaces)
        .where(eq(workspaces.id, principalOf(request).workspaceId));
      if (!w) throw new DeskError("not_found", "no such workspace");
      return present(w);
    },
  );

  app.patch(
    "/api/v1/workspace",
    {
      config: { role: "admin" },
      schema: {
        summary: "Change this workspace's name, spam retention or closed conversations' retention",
        tags: ["settings"],
        body: z
          .strictObject({
            name: z.string().trim().min(1).max(200).optional(),
            spam_retention_days: z.number().int().min(1).max(3650).optional(),
            closed_retention_days: z
              .number()
              .int()
              .min(retentionDays.min)
              .max(retentionDays.max)
              .nullable()
              .optional(),
          })
          .refine((b) => Object.keys(b).length > 0, "nothing to change"),
        response: { 200: workspaceView, 400: problemView },
      },
    },
    async (request) => {
      const { name, spam_retention_days, closed_retention_days } = request.body;
      const after = await runCommand(rt, updateWorkspace, principalOf(request), {
        name,
        spamRetentionDays: spam_retention_days,
        closedRetentionDays: closed_retention_days,
      });
      return present(after);
    },
  );
}
