CREATE TABLE "section_reads" (
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"user_id" uuid NOT NULL,
	"first_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "section_reads_assessment_id_section_user_id_pk" PRIMARY KEY("assessment_id","section","user_id")
);
--> statement-breakpoint
ALTER TABLE "section_reads" ADD CONSTRAINT "section_reads_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_reads" ADD CONSTRAINT "section_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_reads_user_idx" ON "section_reads" USING btree ("user_id");