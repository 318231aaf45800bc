-- 004 -> 005: single-column indexes out, a primary key on
-- (id, user_id, resource_name) in.
DROP INDEX IF EXISTS idx_records_id;
DROP INDEX IF EXISTS idx_records_user_id;
DROP INDEX IF EXISTS idx_records_resource_name;
DROP INDEX IF EXISTS idx_records_last_modified;
DROP INDEX IF EXISTS idx_deleted_id;
DROP INDEX IF EXISTS idx_deleted_user_id;
DROP INDEX IF EXISTS idx_deleted_resource_name;
DROP INDEX IF EXISTS idx_deleted_last_modified;

ALTER TABLE records ADD PRIMARY KEY (id, user_id, resource_name);
ALTER TABLE deleted ADD PRIMARY KEY (id, user_id, resource_name);

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '5');
