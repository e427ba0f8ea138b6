CREATE TABLE "customer_merges" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"moved" jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by_kind" text,
	"undone_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_merges_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "identity_sightings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_sightings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "brands" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "author_identity_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_identities" ADD COLUMN "match_key" text;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_other_fk" FOREIGN KEY ("workspace_id","other_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_sightings" ADD CONSTRAINT "identity_sightings_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_merges_customer" ON "customer_merges" USING btree ("workspace_id","customer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customer_merges_other" ON "customer_merges" USING btree ("workspace_id","other_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "identity_sightings_customer" ON "identity_sightings" USING btree ("workspace_id","customer_id","kind","value");--> statement-breakpoint
CREATE INDEX "identity_sightings_value" ON "identity_sightings" USING btree ("workspace_id","kind","value");--> statement-breakpoint
CREATE INDEX "messages_author_customer" ON "messages" USING btree ("workspace_id","author_customer_id");--> statement-breakpoint
CREATE INDEX "customer_identities_match_key" ON "customer_identities" USING btree ("workspace_id","kind","match_key") WHERE match_key is not null;