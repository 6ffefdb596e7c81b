-- The passage search's index (search.passages, README: Search) is kept by these triggers, so that
-- every way text arrives (a publication, an import, a save through the API or live editing, a
-- restored revision, a backup restored) updates it in its own transaction. They run as the
-- tables' owner (SECURITY DEFINER): an app role that owns nothing may read the index, not write it.

-- The passages of a stored ProseMirror document: every paragraph (a bullet's text, or a paragraph)
-- in reading order (jsonpath's .** visits a node before its children), numbered from 1 with empty
-- ones counted, as lib/domain/search/passages.ts numbers them for the edition page's anchors.
CREATE FUNCTION search.doc_passages(doc jsonb) RETURNS TABLE (ordinal int, body text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT p.ordinal::int, t.body
  FROM jsonb_path_query(doc, 'strict $.**?(@.type == "paragraph")') WITH ORDINALITY AS p(node, ordinal)
  CROSS JOIN LATERAL (
    SELECT string_agg(x.text #>> '{}', '' ORDER BY x.i) AS body
    FROM jsonb_path_query(p.node, 'lax $.content[*].text') WITH ORDINALITY AS x(text, i)
  ) t
  WHERE t.body ~ '[^[:space:]]'
$$;
--> statement-breakpoint
-- The thirteen parts of a frozen profile (lib/domain/edition.ts FrozenProfile), each with its document.
CREATE FUNCTION search.frozen_parts(content jsonb) RETURNS TABLE (section text, part text, doc jsonb)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT 'introduction', 'body', content -> 'introduction'
  UNION ALL
  SELECT d.section, p.part, content -> 'domains' -> d.section -> p.part
  FROM unnest(ARRAY['migrants_rights','whole_of_government','partnerships','well_being','mobility_crises','safe_orderly_regular']) AS d(section)
  CROSS JOIN unnest(ARRAY['strengths','potential']) AS p(part)
$$;
--> statement-breakpoint
CREATE FUNCTION search.index_edition(e public.editions) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  INSERT INTO search.passages (edition_id, jurisdiction_id, jurisdiction_name, country, level, language, year, month, version, title, section, part, ordinal, body)
  SELECT e.id, e.jurisdiction_id, e.jurisdiction ->> 'name', e.jurisdiction ->> 'country', (e.jurisdiction ->> 'level')::public.jurisdiction_level,
         e.language, e.year, e.month, e.version, e.title, f.section, f.part, d.ordinal, d.body
  FROM search.frozen_parts(e.content) f CROSS JOIN LATERAL search.doc_passages(f.doc) d
$$;
--> statement-breakpoint
-- A part of an unpublished profile, as it stands now (its old passages go first).
CREATE FUNCTION search.index_part(a_id uuid, a_section text, a_part text, a_doc jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  DELETE FROM search.passages WHERE assessment_id = a_id AND section = a_section AND part = a_part;
  INSERT INTO search.passages (assessment_id, jurisdiction_id, jurisdiction_name, country, level, language, title, section, part, ordinal, body)
  SELECT a.id, j.id, j.name, j.country, j.level, a.language, a.title, a_section, a_part, d.ordinal, d.body
  FROM public.assessments a JOIN public.jurisdictions j ON j.id = a.jurisdiction_id
  CROSS JOIN LATERAL search.doc_passages(a_doc) d
  WHERE a.id = a_id AND a.state <> 'published';
$$;
--> statement-breakpoint
-- A new edition: its passages in, and those of the version it corrects out (lists show a month by its newest version).
CREATE FUNCTION search.on_edition_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NEW.corrects_edition_id IS NOT NULL THEN
    DELETE FROM search.passages WHERE edition_id = NEW.corrects_edition_id;
  END IF;
  PERFORM search.index_edition(NEW);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_index_edition AFTER INSERT ON editions FOR EACH ROW EXECUTE FUNCTION search.on_edition_insert();
--> statement-breakpoint
CREATE FUNCTION search.on_part_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM search.index_part(NEW.assessment_id, NEW.section, NEW.part, NEW.doc);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_index_part_insert AFTER INSERT ON assessment_parts FOR EACH ROW EXECUTE FUNCTION search.on_part_change();
--> statement-breakpoint
CREATE TRIGGER search_index_part_update AFTER UPDATE OF doc ON assessment_parts FOR EACH ROW
  WHEN (OLD.doc IS DISTINCT FROM NEW.doc) EXECUTE FUNCTION search.on_part_change();
--> statement-breakpoint
-- A profile published leaves the drafts (its edition's passages came in with the edition); a renamed one is renamed.
CREATE FUNCTION search.on_assessment_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NEW.state = 'published' THEN
    DELETE FROM search.passages WHERE assessment_id = NEW.id;
  ELSIF NEW.title IS DISTINCT FROM OLD.title THEN
    UPDATE search.passages SET title = NEW.title WHERE assessment_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_assessment_change AFTER UPDATE OF state, title ON assessments FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION search.on_assessment_change();
--> statement-breakpoint
-- Drafts show the jurisdiction as it is named today (editions keep the name they were published with).
CREATE FUNCTION search.on_jurisdiction_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  UPDATE search.passages SET jurisdiction_name = NEW.name, country = NEW.country, level = NEW.level
  WHERE jurisdiction_id = NEW.id AND edition_id IS NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_jurisdiction_change AFTER UPDATE OF name, level, country ON jurisdictions FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.level IS DISTINCT FROM NEW.level OR OLD.country IS DISTINCT FROM NEW.country)
  EXECUTE FUNCTION search.on_jurisdiction_change();
--> statement-breakpoint
-- What exists already: every edition no correction has replaced, and every unpublished profile's parts.
SELECT search.index_edition(e) FROM editions e WHERE NOT EXISTS (SELECT 1 FROM editions c WHERE c.corrects_edition_id = e.id);
--> statement-breakpoint
SELECT search.index_part(p.assessment_id, p.section, p.part, p.doc) FROM assessment_parts p JOIN assessments a ON a.id = p.assessment_id WHERE a.state <> 'published';
