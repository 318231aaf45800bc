-- 020 -> 021: records become objects and collection_id becomes
-- resource_name. The primary key keeps its old name.
ALTER TABLE records RENAME TO objects;
ALTER TABLE objects RENAME COLUMN collection_id TO resource_name;
ALTER TABLE timestamps RENAME COLUMN collection_id TO resource_name;

ALTER INDEX idx_records_parent_id_collection_id_last_modified
    RENAME TO idx_objects_parent_id_resource_name_last_modified;
ALTER INDEX idx_records_last_modified_epoch
    RENAME TO idx_objects_last_modified_epoch;

\ir ../functions/bump_timestamp-021.sql

DROP TRIGGER IF EXISTS tgr_records_last_modified ON objects;
CREATE TRIGGER tgr_objects_last_modified
    BEFORE INSERT OR UPDATE OF data ON objects
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '21');
