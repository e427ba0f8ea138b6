DROP INDEX "api_tokens_workspace";--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "api_tokens_list" ON "api_tokens" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);