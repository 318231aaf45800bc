-- 017 -> 018: tombstones move into records, flagged by the new column
-- deleted. The table deleted stays: the v17 bump_timestamp still reads it.
-- As in Kinto's file, the column is filled by an UPDATE (which fires the
-- records trigger where it still fires on any UPDATE) and the copy goes
-- through the trigger, inside a transaction of the file's own: its COMMIT
-- ends the one the file runs in, so the version row is written after it.
ALTER TABLE records ADD COLUMN deleted BOOLEAN;
UPDATE records SET deleted = false;
ALTER TABLE records ALTER COLUMN deleted SET NOT NULL;
ALTER TABLE records ALTER COLUMN deleted SET DEFAULT false;

BEGIN;
LOCK TABLE records IN ACCESS EXCLUSIVE MODE;
LOCK TABLE deleted IN ACCESS EXCLUSIVE MODE;
INSERT INTO records (id, parent_id, collection_id, data, last_modified, deleted)
SELECT id, parent_id, collection_id, '{"deleted": true}'::JSONB, last_modified, true
  FROM deleted
    ON CONFLICT (id, parent_id, collection_id) DO NOTHING;
COMMIT;

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '18');
