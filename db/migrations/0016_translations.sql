ALTER TABLE "assessment_parts" ADD COLUMN "source_revision" integer;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_source_id_assessments_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."assessments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_source_idx" ON "assessments" USING btree ("source_id");