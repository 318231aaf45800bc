-- The records and tombstone triggers as 013 -> 014 narrowed them: records are
-- stamped only when their data changes, tombstones only when written. 014,
-- 015 and 017 all create them this way.
DROP TRIGGER IF EXISTS tgr_records_last_modified ON records;
CREATE TRIGGER tgr_records_last_modified
    BEFORE INSERT OR UPDATE OF data ON records
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();
DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON deleted;
CREATE TRIGGER tgr_deleted_last_modified
    BEFORE INSERT ON deleted
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();
