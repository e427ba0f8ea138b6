ALTER TABLE "conversations" ADD COLUMN "bulk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "paused_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "paused_business_minutes" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "conversations_bulk_activity" ON "conversations" USING btree ("workspace_id","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE bulk;