-- Editions are insert-only: whatever the client, the database refuses to change or remove one.
CREATE OR REPLACE FUNCTION editions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'editions are immutable: % on editions is refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER editions_no_update_or_delete BEFORE UPDATE OR DELETE ON editions FOR EACH ROW EXECUTE FUNCTION editions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER editions_no_truncate BEFORE TRUNCATE ON editions FOR EACH STATEMENT EXECUTE FUNCTION editions_refuse_change();
