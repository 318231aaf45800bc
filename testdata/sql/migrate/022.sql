-- 021 -> 022: millisecond arithmetic; the trigger is created again, unchanged.
\ir ../functions/bump_timestamp-022.sql

DROP TRIGGER IF EXISTS tgr_objects_last_modified ON objects;
CREATE TRIGGER tgr_objects_last_modified
    BEFORE INSERT OR UPDATE OF data ON objects
    FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '22');
