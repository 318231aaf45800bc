-- 009 -> 010: one row per collection in the new table timestamps, read and
-- written by both functions; it starts empty (the functions fill it as
-- collections are written). This is the file as fixed in cliquet 3.1.3:
-- it also brings the triggers back.
CREATE TABLE IF NOT EXISTS timestamps (
    parent_id TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    PRIMARY KEY (parent_id, collection_id)
);


\ir ../functions/collection_timestamp-010.sql
\ir ../functions/bump_timestamp-010.sql

DROP TRIGGER IF EXISTS tgr_records_last_modified ON records;
CREATE TRIGGER tgr_records_last_modified
    BEFORE INSERT OR UPDATE ON records
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();
DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON deleted;
CREATE TRIGGER tgr_deleted_last_modified
    BEFORE INSERT OR UPDATE ON deleted
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '10');
