CREATE TABLE "continuity_answers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"author_user_id" uuid NOT NULL,
	"team_id" uuid,
	"spam" boolean NOT NULL,
	"advisor_id" uuid,
	"backup_id" uuid,
	CONSTRAINT "continuity_answers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "continuity_answers" ADD CONSTRAINT "continuity_answers_message_fk" FOREIGN KEY ("workspace_id","id") REFERENCES "public"."messages"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "continuity_answers_answered" ON "continuity_answers" USING btree ("workspace_id","answered_at");--> statement-breakpoint
CREATE INDEX "continuity_answers_conversation" ON "continuity_answers" USING btree ("workspace_id","conversation_id");--> statement-breakpoint
CREATE INDEX "continuity_answers_customer" ON "continuity_answers" USING btree ("workspace_id","customer_id");