-- 017 -> 018: tombstones move into records, flagged by the new column
-- deleted. The table deleted stays: the v17 bump_timestamp still reads it.
ALTER TABLE records ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT false;

-- Copy the tombstones with their own timestamps, so the trigger is held off.
ALTER TABLE records DISABLE TRIGGER tgr_records_last_modified;
INSERT INTO records (id, parent_id, collection_id, last_modified, data, deleted)
SELECT id, parent_id, collection_id, last_modified, '{"deleted": true}'::JSONB, true
  FROM deleted
ON CONFLICT DO NOTHING;
ALTER TABLE records ENABLE TRIGGER tgr_records_last_modified;

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '18');
