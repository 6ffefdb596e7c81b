CREATE TABLE "suggestion_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"decider_id" uuid,
	"decision" text NOT NULL,
	"kind" text NOT NULL,
	"inserted" text NOT NULL,
	"deleted" text NOT NULL,
	"revision" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_decisions_decision" CHECK ("suggestion_decisions"."decision" IN ('accepted', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "suggestion_decisions" ADD CONSTRAINT "suggestion_decisions_decider_id_users_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_decisions" ADD CONSTRAINT "suggestion_decisions_part_fk" FOREIGN KEY ("assessment_id","section","part") REFERENCES "public"."assessment_parts"("assessment_id","section","part") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_decisions_part_idx" ON "suggestion_decisions" USING btree ("assessment_id","section","part","decided_at");