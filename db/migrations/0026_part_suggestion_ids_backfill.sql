-- Every suggestion id the stored revisions of each part hold, so that part_suggestion_ids
-- starts complete (lib/data/suggestion-notifications.ts reads it instead of the revisions).
INSERT INTO "part_suggestion_ids" ("assessment_id", "section", "part", "suggestion_id")
SELECT DISTINCT r.assessment_id, r.section, r.part, mark_id #>> '{}'
FROM "part_revisions" r,
  jsonb_path_query(r.doc, '$.**.marks[*] ? (@.type == "insertion" || @.type == "deletion").attrs.id') AS mark_id
WHERE mark_id #>> '{}' IS NOT NULL
ON CONFLICT DO NOTHING;
