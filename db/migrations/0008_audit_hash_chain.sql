-- Tamper-evident audit log (issue 11, gap 13). Every entry carries `seq` (1, 2, 3… with no
-- gaps), `prev_hash` (the previous entry's hash; NULL for the first) and `hash`, the
-- SHA-256 (hex) of a canonical text of the entry:
--   json_build_array(prev_hash, seq, at as epoch microseconds, actor_id, actor_label, ip,
--                    action, target_type, target_id, details)::text, as UTF-8
-- (the epoch does not depend on the session's time zone; jsonb's text is canonical).
-- db/queries/audit/verify.ts recomputes the same text and hash in JS.
CREATE OR REPLACE FUNCTION audit_log_entry_hash(
  prev_hash text, seq bigint, at timestamptz, actor_id integer, actor_label text, ip text,
  action text, target_type text, target_id text, details jsonb
) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(json_build_array(
    prev_hash, seq, (extract(epoch FROM at) * 1000000)::bigint, actor_id, actor_label, ip,
    action, target_type, target_id, details
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains each new row to the last one, whatever the inserting code passed for these
-- columns. The transaction-scoped advisory lock serialises concurrent writers until they
-- commit, so two transactions never take the same place in the chain (and the unique
-- index on seq refuses it if one ever tried).
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_log_entry_hash(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor_id,
    NEW.actor_label, NEW.ip, NEW.action, NEW.target_type, NEW.target_id, NEW.details);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Chain the entries written before this migration, in the order they were written. The
-- append-only trigger is off for this one statement only, inside the migration's transaction.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev text := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    UPDATE audit_log
       SET seq = n, prev_hash = prev,
           hash = audit_log_entry_hash(prev, n, r.at, r.actor_id, r.actor_label, r.ip,
             r.action, r.target_type, r.target_id, r.details)
     WHERE id = r.id
    RETURNING hash INTO prev;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain
  BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
