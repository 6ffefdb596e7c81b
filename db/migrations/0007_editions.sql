CREATE TABLE "editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"assessment_id" uuid,
	"language" "content_language" NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"jurisdiction" jsonb NOT NULL,
	"sign_off" jsonb NOT NULL,
	"note" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_month" CHECK ("editions"."month" BETWEEN 1 AND 12),
	CONSTRAINT "editions_year" CHECK ("editions"."year" BETWEEN 1900 AND 9999)
);
--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "editions_one_per_month" ON "editions" USING btree ("jurisdiction_id","language","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_one_per_assessment" ON "editions" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "editions_newest_idx" ON "editions" USING btree ("published_at");