-- 012 -> 013: a supplied timestamp equal to the previous one (to the
-- millisecond) is bumped as well. The triggers are created again, unchanged.
\ir ../functions/bump_timestamp-013.sql

DROP TRIGGER IF EXISTS tgr_records_last_modified ON records;
CREATE TRIGGER tgr_records_last_modified
    BEFORE INSERT OR UPDATE ON records
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();
DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON deleted;
CREATE TRIGGER tgr_deleted_last_modified
    BEFORE INSERT OR UPDATE ON deleted
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '13');
