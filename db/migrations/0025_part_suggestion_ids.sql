CREATE TABLE "part_suggestion_ids" (
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"suggestion_id" text NOT NULL,
	CONSTRAINT "part_suggestion_ids_assessment_id_section_part_suggestion_id_pk" PRIMARY KEY("assessment_id","section","part","suggestion_id")
);
--> statement-breakpoint
ALTER TABLE "part_suggestion_ids" ADD CONSTRAINT "part_suggestion_ids_part_fk" FOREIGN KEY ("assessment_id","section","part") REFERENCES "public"."assessment_parts"("assessment_id","section","part") ON DELETE cascade ON UPDATE no action;