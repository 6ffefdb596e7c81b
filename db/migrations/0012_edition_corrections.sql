DROP INDEX "editions_one_per_month";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "based_on_edition_id" uuid;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "corrects_edition_id" uuid;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "corrects_edition_id" uuid;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_corrects_edition_id_editions_id_fk" FOREIGN KEY ("corrects_edition_id") REFERENCES "public"."editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "editions_one_correction_each" ON "editions" USING btree ("corrects_edition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_one_per_month" ON "editions" USING btree ("jurisdiction_id","language","year","month","version");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_version" CHECK (("editions"."version" = 1) = ("editions"."corrects_edition_id" IS NULL) AND "editions"."version" >= 1);