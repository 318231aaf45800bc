-- Storage schema version 1 as cliquet 1.2-1.3 installed it: as_epoch is not
-- IMMUTABLE, so there are no epoch indexes, and a last_heartbeat row is kept.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE IF NOT EXISTS records (
    id UUID NOT NULL DEFAULT uuid_generate_v4(),
    user_id VARCHAR(256) NOT NULL,
    resource_name VARCHAR(256) NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    data JSON NOT NULL DEFAULT '{}',
    UNIQUE (id, user_id, resource_name, last_modified)
);
CREATE INDEX idx_records_user_id ON records (user_id);
CREATE INDEX idx_records_resource_name ON records (resource_name);
CREATE INDEX idx_records_last_modified ON records (last_modified);
CREATE INDEX idx_records_id ON records (id);

-- Tombstones of deleted records.
CREATE TABLE IF NOT EXISTS deleted (
    id UUID DEFAULT uuid_generate_v4(),
    user_id VARCHAR(256) NOT NULL,
    resource_name VARCHAR(256) NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    UNIQUE (id, user_id, resource_name, last_modified)
);
CREATE UNIQUE INDEX idx_deleted_id ON deleted (id);
CREATE INDEX idx_deleted_user_id ON deleted (user_id);
CREATE INDEX idx_deleted_resource_name ON deleted (resource_name);
CREATE INDEX idx_deleted_last_modified ON deleted (last_modified);

\ir ../functions/as_epoch-volatile.sql

\ir ../functions/resource_timestamp-001.sql
\ir ../functions/bump_timestamp-001.sql

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
INSERT INTO metadata (name, value) VALUES ('last_heartbeat', '');
