-- bump_timestamp (fresh v18-v20): tombstones live in records, so the
-- previous timestamp is the newest of the latest record and the old
-- timestamps row.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    WITH existing_timestamps AS (
        (SELECT last_modified FROM records
          WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        SELECT last_modified FROM timestamps
         WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id
    )
    SELECT MAX(last_modified) INTO previous FROM existing_timestamps;

    current := clock_timestamp();
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;

    -- A supplied stamp is kept unless it repeats the previous one.
    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = as_epoch(previous)) THEN
        NEW.last_modified := current;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
