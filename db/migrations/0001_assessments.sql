CREATE TYPE "public"."assessment_state" AS ENUM('draft', 'in_review', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."content_language" AS ENUM('en', 'fr', 'es');--> statement-breakpoint
CREATE TABLE "assessment_parts" (
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"doc" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	CONSTRAINT "assessment_parts_assessment_id_section_part_pk" PRIMARY KEY("assessment_id","section","part"),
	CONSTRAINT "assessment_parts_slot" CHECK (("assessment_parts"."section" = 'introduction' AND "assessment_parts"."part" = 'body') OR ("assessment_parts"."section" IN ('migrants_rights','whole_of_government','partnerships','well_being','mobility_crises','safe_orderly_regular') AND "assessment_parts"."part" IN ('strengths','potential')))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"language" "content_language" NOT NULL,
	"title" text NOT NULL,
	"state" "assessment_state" DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "part_presence" (
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"user_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "part_presence_assessment_id_section_part_user_id_pk" PRIMARY KEY("assessment_id","section","part","user_id")
);
--> statement-breakpoint
CREATE TABLE "part_revisions" (
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"revision" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"author_id" uuid,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "part_revisions_assessment_id_section_part_revision_pk" PRIMARY KEY("assessment_id","section","part","revision"),
	CONSTRAINT "part_revisions_positive" CHECK ("part_revisions"."revision" > 0)
);
--> statement-breakpoint
ALTER TABLE "assessment_parts" ADD CONSTRAINT "assessment_parts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_parts" ADD CONSTRAINT "assessment_parts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_presence" ADD CONSTRAINT "part_presence_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_presence" ADD CONSTRAINT "part_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_revisions" ADD CONSTRAINT "part_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_revisions" ADD CONSTRAINT "part_revisions_assessment_id_section_part_assessment_parts_assessment_id_section_part_fk" FOREIGN KEY ("assessment_id","section","part") REFERENCES "public"."assessment_parts"("assessment_id","section","part") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_open_per_language" ON "assessments" USING btree ("jurisdiction_id","language") WHERE "assessments"."state" <> 'published';--> statement-breakpoint
CREATE INDEX "assessments_jurisdiction_idx" ON "assessments" USING btree ("jurisdiction_id");