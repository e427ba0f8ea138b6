ALTER TABLE "brands" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "advisor_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "backup_id" uuid;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_team_fk" FOREIGN KEY ("workspace_id","team_id") REFERENCES "public"."teams"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_advisor_fk" FOREIGN KEY ("workspace_id","advisor_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_backup_fk" FOREIGN KEY ("workspace_id","backup_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;