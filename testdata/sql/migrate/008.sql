-- 007 -> 008: the clock instead of the transaction time. The triggers are
-- dropped and, by mistake, not created again.
\ir ../functions/collection_timestamp-008.sql
\ir ../functions/bump_timestamp-008.sql

DROP TRIGGER IF EXISTS tgr_records_last_modified ON records;
DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON deleted;

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '8');
