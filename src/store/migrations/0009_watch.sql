ALTER TABLE "conversations" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "snoozed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "tags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "escalated_to_id" uuid;--> statement-breakpoint
CREATE INDEX "conversations_tags" ON "conversations" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "conversations_snoozed" ON "conversations" USING btree ("workspace_id","snoozed_until") WHERE snoozed_until is not null;--> statement-breakpoint
CREATE INDEX "conversations_unanswered_assignee" ON "conversations" USING btree ("workspace_id","assignee_id") WHERE awaiting_since is not null and not spam and status not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX "conversations_assignee_status" ON "conversations" USING btree ("workspace_id","assignee_id","status");