CREATE TABLE "conversation_transfers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"from_id" uuid,
	"to_id" uuid NOT NULL,
	"requested_by_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_id" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_transfers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_conversation_fk" FOREIGN KEY ("workspace_id","conversation_id") REFERENCES "public"."conversations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_from_fk" FOREIGN KEY ("workspace_id","from_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_transfers" ADD CONSTRAINT "conversation_transfers_to_fk" FOREIGN KEY ("workspace_id","to_id") REFERENCES "public"."users"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_transfers_one_pending" ON "conversation_transfers" USING btree ("workspace_id","conversation_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "conversation_transfers_conversation" ON "conversation_transfers" USING btree ("workspace_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "conversation_transfers_to_pending" ON "conversation_transfers" USING btree ("workspace_id","to_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "conversation_transfers_created" ON "conversation_transfers" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_backup_created" ON "customers" USING btree ("workspace_id","backup_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);