ALTER TABLE "customers" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "closed_retention_days" integer;--> statement-breakpoint
CREATE INDEX "conversations_closed_kept" ON "conversations" USING btree ("closed_at") WHERE status = 'closed' and not flags ? 'erased';