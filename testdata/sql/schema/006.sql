-- Storage schema version 6 as a fresh install of cliquet 1.8.0 writes it:
-- created_at and a single version row.
-- Unlike a migrated v6: no unique tombstone index, so 006 -> 007 fails on it.

CREATE TABLE IF NOT EXISTS records (
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    data JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (id, user_id, resource_name)
);

-- Tombstones of deleted records.
CREATE TABLE IF NOT EXISTS deleted (
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    PRIMARY KEY (id, user_id, resource_name)
);

\ir ../functions/as_epoch.sql
\ir ../functions/resource_timestamp-003-fresh.sql
\ir ../functions/bump_timestamp-001.sql

CREATE INDEX idx_records_last_modified_epoch ON records (as_epoch(last_modified));
CREATE INDEX idx_deleted_last_modified_epoch ON deleted (as_epoch(last_modified));
CREATE UNIQUE INDEX idx_records_user_id_resource_name_last_modified
    ON records (user_id, resource_name, last_modified DESC);
-- cliquet 1.7/1.8 meant to index deleted here but named the records index
-- again, so deleted has no (user_id, resource_name, last_modified) index.
CREATE UNIQUE INDEX IF NOT EXISTS idx_records_user_id_resource_name_last_modified
    ON records (user_id, resource_name, last_modified DESC);

CREATE TRIGGER tgr_records_last_modified
    BEFORE INSERT OR UPDATE ON records
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

CREATE TRIGGER tgr_deleted_last_modified
    BEFORE INSERT OR UPDATE ON deleted
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

CREATE TABLE IF NOT EXISTS metadata (
    name VARCHAR(128) NOT NULL,
    value VARCHAR(512) NOT NULL
);
INSERT INTO metadata (name, value) VALUES ('created_at', NOW()::TEXT);
INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '6');
