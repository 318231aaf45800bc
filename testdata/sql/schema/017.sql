-- Storage schema version 17 as a fresh install of Kinto 7.6.0 writes it:
-- created_at and a single version row.
-- Identical to a database migrated step by step to 17.

CREATE TABLE IF NOT EXISTS records (
    id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    data JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (id, parent_id, collection_id)
);

-- Tombstones of deleted records.
CREATE TABLE IF NOT EXISTS deleted (
    id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    PRIMARY KEY (id, parent_id, collection_id)
);

-- The newest timestamp of each collection.
CREATE TABLE IF NOT EXISTS timestamps (
    parent_id TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    PRIMARY KEY (parent_id, collection_id)
);

\ir ../functions/as_epoch.sql
\ir ../functions/from_epoch.sql
\ir ../functions/bump_timestamp-017.sql

CREATE INDEX idx_records_last_modified_epoch ON records (as_epoch(last_modified));
CREATE INDEX idx_deleted_last_modified_epoch ON deleted (as_epoch(last_modified));
CREATE UNIQUE INDEX idx_records_parent_id_collection_id_last_modified
    ON records (parent_id, collection_id, last_modified DESC);
CREATE UNIQUE INDEX idx_deleted_parent_id_collection_id_last_modified
    ON deleted (parent_id, collection_id, last_modified DESC);

CREATE TRIGGER tgr_records_last_modified
    BEFORE INSERT OR UPDATE OF data ON records
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

CREATE TRIGGER tgr_deleted_last_modified
    BEFORE INSERT ON deleted
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

CREATE TABLE IF NOT EXISTS metadata (
    name VARCHAR(128) NOT NULL,
    value VARCHAR(512) NOT NULL
);
INSERT INTO metadata (name, value) VALUES ('created_at', NOW()::TEXT);
INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '17');
