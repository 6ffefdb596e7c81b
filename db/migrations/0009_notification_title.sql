ALTER TABLE "notifications" ADD COLUMN "title" text;--> statement-breakpoint
-- Earlier notifications get the best title there is: the profile's current one.
UPDATE "notifications" SET "title" = "assessments"."title" FROM "assessments" WHERE "assessments"."id" = "notifications"."assessment_id";
