CREATE TABLE "part_revision_contributors" (
	"assessment_id" uuid NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"revision" integer NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "part_revision_contributors_pk" PRIMARY KEY("assessment_id","section","part","revision","user_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_parts" ADD COLUMN "yjs_state" "bytea";--> statement-breakpoint
ALTER TABLE "part_revision_contributors" ADD CONSTRAINT "part_revision_contributors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_revision_contributors" ADD CONSTRAINT "part_revision_contributors_revision_fk" FOREIGN KEY ("assessment_id","section","part","revision") REFERENCES "public"."part_revisions"("assessment_id","section","part","revision") ON DELETE cascade ON UPDATE no action;