-- 006 -> 007: user_id becomes parent_id and resource_name collection_id;
-- indexes and the helper function follow the new names.
ALTER TABLE records RENAME COLUMN resource_name TO collection_id;
ALTER TABLE records RENAME COLUMN user_id TO parent_id;
ALTER TABLE deleted RENAME COLUMN resource_name TO collection_id;
ALTER TABLE deleted RENAME COLUMN user_id TO parent_id;

ALTER INDEX idx_records_user_id_resource_name_last_modified
    RENAME TO idx_records_parent_id_collection_id_last_modified;
ALTER INDEX idx_deleted_user_id_resource_name_last_modified
    RENAME TO idx_deleted_parent_id_collection_id_last_modified;

ALTER FUNCTION resource_timestamp(VARCHAR, VARCHAR) RENAME TO collection_timestamp;
\ir ../functions/collection_timestamp-007.sql
\ir ../functions/bump_timestamp-007.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '7');
