-- Passage search at scale (README: Search): GIN gives only bitmap scans, built whole before the
-- capped heap scan stops, so a search's cost grew with how many passages hold its words. Each
-- passage now has a chunk (stretches of ids doubling in length); a search reads chunk after chunk,
-- each a small bitmap, until it has its first 500 matches. Without fastupdate, as every scan (one
-- per chunk now) would otherwise read the whole pending list of entries not yet merged.
DROP INDEX "search"."passages_words_filters_idx";--> statement-breakpoint
ALTER TABLE "search"."passages" ADD COLUMN "chunk" integer GENERATED ALWAYS AS (floor(log(2, id / 2048.0 + 1))::int) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "passages_words_filters_idx" ON "search"."passages" USING gin ("words","chunk","country","section","year") WITH (fastupdate=false);