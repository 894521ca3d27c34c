-- Retention (issue 11, gap 14).
-- 1. When a topic's opinions close (open_for_opinions turns false), remember when: the
--    senders' retention period starts then. Topics already closed start counting now.
CREATE OR REPLACE FUNCTION topics_track_opinions_closed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.open_for_opinions THEN
    NEW.opinions_closed_at := NULL;
  ELSIF NEW.opinions_closed_at IS NULL THEN
    NEW.opinions_closed_at := now();
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER topics_track_opinions_closed
  BEFORE INSERT OR UPDATE ON topics
  FOR EACH ROW EXECUTE FUNCTION topics_track_opinions_closed();
--> statement-breakpoint
UPDATE topics SET opinions_closed_at = now() WHERE NOT open_for_opinions;
--> statement-breakpoint
-- 2. The audit log stays append-only, with one narrow exception: audit_log_prune(), the
--    retention job's path, may remove the oldest entries, only those older than 180 days,
--    only from the start of the chain, and only after recording the anchor the chain then
--    continues from. The refusing trigger lets a DELETE through only while that function
--    runs (a transaction-local setting it sets and clears), only for such old rows, and
--    only for rows an anchor (append-only) already records as archived.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log'
     AND current_setting('lvzhi.audit_prune', true) = 'on'
     AND OLD.at < now() - interval '180 days'
     AND EXISTS (SELECT 1 FROM audit_log_anchors a WHERE a.seq >= OLD.seq) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_anchors_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_anchors_no_truncate
  BEFORE TRUNCATE ON audit_log_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_prune(through_seq bigint, archive_file text)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  first_seq bigint;
  last_hash text;
  removed integer;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT min(seq) INTO first_seq FROM audit_log;
  SELECT hash INTO last_hash FROM audit_log WHERE seq = through_seq;
  IF last_hash IS NULL OR through_seq < first_seq THEN
    RAISE EXCEPTION 'audit_log_prune: no entry % at the start of the log', through_seq;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_log WHERE seq <= through_seq
             AND at >= now() - interval '180 days') THEN
    RAISE EXCEPTION 'audit_log_prune: entries up to % are not all older than 180 days', through_seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO audit_log_anchors (seq, hash, entries, file)
    VALUES (through_seq, last_hash, through_seq - first_seq + 1, archive_file);
  PERFORM set_config('lvzhi.audit_prune', 'on', true);
  DELETE FROM audit_log WHERE seq <= through_seq;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('lvzhi.audit_prune', '', true);
  RETURN removed;
END;
$$;
--> statement-breakpoint
-- 3. A log emptied by archiving continues from the last anchor.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    SELECT a.seq, a.hash INTO last_seq, last_hash
      FROM audit_log_anchors a ORDER BY a.seq DESC LIMIT 1;
  END IF;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_log_entry_hash(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor_id,
    NEW.actor_label, NEW.ip, NEW.action, NEW.target_type, NEW.target_id, NEW.details);
  RETURN NEW;
END;
$$;
