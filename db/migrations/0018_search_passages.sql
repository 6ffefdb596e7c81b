CREATE SCHEMA "search";
--> statement-breakpoint
CREATE TABLE "search"."passages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search"."passages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"edition_id" uuid,
	"assessment_id" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_name" text NOT NULL,
	"country" text NOT NULL,
	"level" "jurisdiction_level" NOT NULL,
	"language" "content_language" NOT NULL,
	"year" integer,
	"month" integer,
	"version" integer,
	"title" text NOT NULL,
	"section" text NOT NULL,
	"part" text NOT NULL,
	"ordinal" integer NOT NULL,
	"body" text NOT NULL,
	"words" "tsvector" GENERATED ALWAYS AS (to_tsvector(CASE language WHEN 'es' THEN 'spanish_unaccent'::regconfig WHEN 'fr' THEN 'french_unaccent'::regconfig ELSE 'english_unaccent'::regconfig END, body)) STORED NOT NULL,
	CONSTRAINT "passages_one_source" CHECK (("search"."passages"."edition_id" IS NULL) <> ("search"."passages"."assessment_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "search"."passages" ADD CONSTRAINT "passages_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "passages_words_idx" ON "search"."passages" USING gin ("words");--> statement-breakpoint
CREATE INDEX "passages_edition_idx" ON "search"."passages" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "passages_assessment_idx" ON "search"."passages" USING btree ("assessment_id","section","part");--> statement-breakpoint
CREATE INDEX "passages_jurisdiction_idx" ON "search"."passages" USING btree ("jurisdiction_id");