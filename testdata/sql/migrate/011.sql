-- 010 -> 011: create both triggers again, for databases migrated to 10 by
-- cliquet 3.0.0-3.1.2, whose 009 -> 010 forgot them.
DROP TRIGGER IF EXISTS tgr_records_last_modified ON records;
CREATE TRIGGER tgr_records_last_modified
    BEFORE INSERT OR UPDATE ON records
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();
DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON deleted;
CREATE TRIGGER tgr_deleted_last_modified
    BEFORE INSERT OR UPDATE ON deleted
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '11');
