-- 002 -> 003: the 4-column UNIQUE constraints give way to unique
-- (user, resource, newest first) indexes; resource_timestamp uses them.
ALTER TABLE records DROP CONSTRAINT records_id_user_id_resource_name_last_modified_key CASCADE;
ALTER TABLE deleted DROP CONSTRAINT deleted_id_user_id_resource_name_last_modified_key CASCADE;

CREATE UNIQUE INDEX idx_records_user_id_resource_name_last_modified
    ON records (user_id, resource_name, last_modified DESC);
CREATE UNIQUE INDEX idx_deleted_user_id_resource_name_last_modified
    ON deleted (user_id, resource_name, last_modified DESC);

\ir ../functions/resource_timestamp-003.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '3');
