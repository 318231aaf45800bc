-- Storage schema version 25 as a fresh install of Kinto 23.2.1 writes it:
-- created_at and a single version row.
-- Unlike a migrated v21: primary key objects_pkey, no table deleted, no
-- default on objects.deleted.

CREATE TABLE IF NOT EXISTS objects (
    id TEXT COLLATE "C" NOT NULL,
    parent_id TEXT COLLATE "C" NOT NULL,
    resource_name TEXT COLLATE "C" NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    data JSONB NOT NULL DEFAULT '{}',
    deleted BOOLEAN NOT NULL,
    PRIMARY KEY (id, parent_id, resource_name)
);

-- The newest timestamp of each collection.
CREATE TABLE IF NOT EXISTS timestamps (
    parent_id TEXT COLLATE "C" NOT NULL,
    resource_name TEXT COLLATE "C" NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    PRIMARY KEY (parent_id, resource_name)
);

\ir ../functions/as_epoch.sql
\ir ../functions/from_epoch.sql
\ir ../functions/bump_timestamp-022.sql

CREATE INDEX idx_objects_last_modified_epoch ON objects (as_epoch(last_modified));
CREATE UNIQUE INDEX idx_objects_parent_id_resource_name_last_modified
    ON objects (parent_id, resource_name, last_modified DESC);
CREATE INDEX IF NOT EXISTS idx_objects_resource_name_parent_id_deleted
    ON objects (resource_name, parent_id, deleted);
CREATE INDEX idx_objects_history_userid_and_resourcename
    ON objects ((data -> 'user_id'), (data -> 'resource_name'))
    WHERE resource_name = 'history';
CREATE INDEX IF NOT EXISTS idx_objects_parent_id_record_last_modified
    ON objects (parent_id, last_modified DESC)
    WHERE resource_name = 'record';

CREATE TRIGGER tgr_objects_last_modified
    BEFORE INSERT OR UPDATE OF data ON objects
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

CREATE TABLE IF NOT EXISTS metadata (
    name VARCHAR(128) NOT NULL,
    value VARCHAR(512) NOT NULL
);
INSERT INTO metadata (name, value) VALUES ('created_at', NOW()::TEXT);
INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '25');
