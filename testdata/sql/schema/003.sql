-- Storage schema version 3 as a fresh install of cliquet 1.7.0 writes it:
-- created_at and a single version row.
-- Unlike a migrated v3: no unique tombstone index (see the indexes) and
-- comments in resource_timestamp.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE IF NOT EXISTS records (
    id UUID NOT NULL DEFAULT uuid_generate_v4(),
    user_id VARCHAR(256) NOT NULL,
    resource_name VARCHAR(256) NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    data JSON NOT NULL DEFAULT '{}'
);

-- Tombstones of deleted records.
CREATE TABLE IF NOT EXISTS deleted (
    id UUID DEFAULT uuid_generate_v4(),
    user_id VARCHAR(256) NOT NULL,
    resource_name VARCHAR(256) NOT NULL,
    last_modified TIMESTAMP NOT NULL
);

\ir ../functions/as_epoch.sql
\ir ../functions/resource_timestamp-003-fresh.sql
\ir ../functions/bump_timestamp-001.sql

CREATE INDEX idx_records_id ON records (id);
CREATE INDEX idx_records_user_id ON records (user_id);
CREATE INDEX idx_records_resource_name ON records (resource_name);
CREATE INDEX idx_records_last_modified ON records (last_modified);
CREATE UNIQUE INDEX idx_deleted_id ON deleted (id);
CREATE INDEX idx_deleted_user_id ON deleted (user_id);
CREATE INDEX idx_deleted_resource_name ON deleted (resource_name);
CREATE INDEX idx_deleted_last_modified ON deleted (last_modified);
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
INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '3');
